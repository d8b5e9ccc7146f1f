import type { Queryable, Transaction } from '../storage/database';
import type { QueueState } from './core';

// The queue state is plain JSON (the core keeps it so). At each closed day the hub stores it with the
// seq of the day.closed event, in the same transaction; start-up loads the newest snapshot and
// replays only the events after it. Old snapshots are pruned (the log itself is kept whole).

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
