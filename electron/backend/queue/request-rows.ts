import type { Transaction } from '../storage/database';

// Durable request ids: the core remembers the last N requests per client in its state (rebuilt by
// replay), this table remembers all of them, so a stale client replaying an old request id gets the
// first answer, not a second effect, however long ago it was.
// The row is written in ONE statement before the command's events are appended, with the seqs they
// will get: inside the transaction nobody else appends, and `events.seq` is AUTOINCREMENT, so the
// next seq is sqlite_sequence + 1 (read once per batch). run-batch checks every append against it.

/** What the first attempt of a request recorded. */
export interface PriorRequest {
  command: string;
  firstSeq: number | null;
  lastSeq: number | null;
}

/** The seq the next appended event will get (call inside the transaction). */
export async function nextEventSeq(tx: Transaction): Promise<number> {
  const row = await tx.get<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'");
  return (row?.seq ?? 0) + 1;
}

/**
 * Claim (client, request) for a command whose events will take seqs first..last; null if the
 * request is new (the row is now written), else what the first attempt recorded.
 */
export async function claimRequest(
  tx: Transaction,
  key: { clientId: string; requestId: string; command: string },
  seqs: { first: number; last: number },
  at: string,
): Promise<PriorRequest | null> {
  const r = await tx.run(
    'INSERT OR IGNORE INTO queue_requests (client_id, request_id, command, first_seq, last_seq, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [key.clientId, key.requestId, key.command, seqs.first, seqs.last, at],
  );
  if (r.changes === 1) return null;
  const row = await tx.get<{ command: string; first_seq: number | null; last_seq: number | null }>(
    'SELECT command, first_seq, last_seq FROM queue_requests WHERE client_id = ? AND request_id = ?',
    [key.clientId, key.requestId],
  );
  return { command: row?.command ?? key.command, firstSeq: row?.first_seq ?? null, lastSeq: row?.last_seq ?? null };
}
