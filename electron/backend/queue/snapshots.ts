import type { Queryable, Transaction } from '../storage/database';
import { localDate, type QueueState } from './core';

// The queue state is plain JSON (the core keeps it so). At each closed day the hub stores it with the
// seq of the day.closed event, in the same transaction; start-up loads the newest snapshot and
// replays only the events after it, and an earlier day's figures start from that day's snapshot
// (created_at is the day.closed time, so its local date is the day it closed). Old snapshots are
// pruned (the log itself is kept whole).

const KEEP = 7;

/** Store the state as of log position `seq` (inside the committing transaction). */
export async function writeSnapshot(tx: Transaction, seq: number, state: QueueState, at: string): Promise<void> {
  await tx.run('INSERT OR REPLACE INTO queue_snapshots (seq, state, created_at) VALUES (?, ?, ?)', [seq, JSON.stringify(state), at]);
  await tx.run('DELETE FROM queue_snapshots WHERE seq NOT IN (SELECT seq FROM queue_snapshots ORDER BY seq DESC LIMIT ?)', [KEEP]);
}

/** The newest snapshot, or null. */
export async function readLatestSnapshot(db: Queryable): Promise<{ seq: number; state: QueueState } | null> {
  const row = await db.get<{ seq: number; state: string }>('SELECT seq, state FROM queue_snapshots ORDER BY seq DESC LIMIT 1');
  return row === undefined ? null : { seq: row.seq, state: JSON.parse(row.state) as QueueState };
}

/** The newest snapshot of a day that closed on or before local `date` in `timeZone`, or null. */
export async function readSnapshotUpTo(db: Queryable, date: string, timeZone: string): Promise<{ seq: number; state: QueueState } | null> {
  const rows = await db.all<{ seq: number; created_at: string }>('SELECT seq, created_at FROM queue_snapshots ORDER BY seq DESC');
  const hit = rows.find((r) => localDate(Date.parse(r.created_at), timeZone) <= date);
  if (hit === undefined) return null;
  const row = await db.get<{ state: string }>('SELECT state FROM queue_snapshots WHERE seq = ?', [hit.seq]);
  return row === undefined ? null : { seq: hit.seq, state: JSON.parse(row.state) as QueueState };
}
