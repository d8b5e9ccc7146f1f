import type { Queryable, Transaction } from '../storage/database';
import { sqlLiteral } from '../storage/sql-text';
import type { SyncQuarantinedItem } from '../../../contract/sync';

/** One item waiting to go. */
export interface OutboxRow {
  id: number;
  stream: string;
  idempotencyId: string;
  payload: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string | null;
}

/** What to enqueue: the stream, the item's data, when it happened and (optionally) its own idempotency id. */
export interface OutboxItemInput {
  stream: string;
  data: Record<string, unknown>;
  occurredAt: string;
  idempotencyId?: string;
}

/**
 * Write an item into the outbox inside `tx`, the transaction of the change that caused it. An id
 * already present is ignored (the same change enqueued twice is one item). Returns whether it was new.
 */
export async function enqueueOutbox(tx: Queryable, item: OutboxItemInput, now: Date, newId: () => string): Promise<boolean> {
  return (await enqueueOutboxMany(tx, [{ ...item, idempotencyId: item.idempotencyId ?? newId() }], now)) === 1;
}

/** The INSERT of items: `now` and `rows` (a JSON array of [stream, idempotency id, payload]) as placeholders or literals. */
const insertItems = (now: string, rows: string): string =>
  `INSERT OR IGNORE INTO outbox (stream, idempotency_id, payload, created_at) SELECT value ->> 0, value ->> 1, value ->> 2, ${now} FROM json_each(${rows}) ORDER BY key`;

function itemRows(items: readonly (OutboxItemInput & { idempotencyId: string })[]): string {
  return JSON.stringify(items.map((item) => [item.stream, item.idempotencyId, JSON.stringify({ occurredAt: item.occurredAt, data: item.data })]));
}

/** Write items in order with ONE statement; ids already present are ignored. Returns how many were new. */
export async function enqueueOutboxMany(tx: Queryable, items: readonly (OutboxItemInput & { idempotencyId: string })[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const result = await tx.run(insertItems('?', '?'), [now.toISOString(), itemRows(items)]);
  return result.changes;
}

/** The same write as a script statement (sqlText literals), for a caller that batches its statements. */
export function enqueueOutboxSql(items: readonly (OutboxItemInput & { idempotencyId: string })[], now: Date): string[] {
  return items.length === 0 ? [] : [insertItems(sqlLiteral(now.toISOString()), sqlLiteral(itemRows(items)))];
}

/** The oldest pending items of a stream (the head of its line), at most `limit`. */
export async function headOfStream(db: Queryable, stream: string, limit: number): Promise<OutboxRow[]> {
  return db.all<OutboxRow>(
    `SELECT id, stream, idempotency_id AS idempotencyId, payload, created_at AS createdAt, attempts, next_attempt_at AS nextAttemptAt
       FROM outbox WHERE stream = ? AND state = 'pending' ORDER BY id LIMIT ?`,
    [stream, limit],
  );
}

/** `id IN` a JSON array parameter: one statement text, prepared once, for any list of ids. */
const IDS = '(SELECT value FROM json_each(?))';

/** Mark items delivered (one statement: the disk is not the limit of a drain). */
export async function markDelivered(tx: Transaction, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(`UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL WHERE id IN ${IDS} AND state = 'pending'`, [
    now.toISOString(),
    JSON.stringify(ids),
  ]);
}

/** Record a failed attempt on the head of a stream and when to try again. */
export async function markAttemptFailed(db: Queryable, ids: readonly number[], error: string, nextAttemptAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.run(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id IN ${IDS}`, [
    error,
    nextAttemptAt.toISOString(),
    JSON.stringify(ids),
  ]);
}

/** Set an item aside with the portal's reason: it will not be retried. */
export async function quarantine(db: Queryable, id: number, reason: string): Promise<void> {
  await db.run(`UPDATE outbox SET state = 'quarantined', last_error = ? WHERE id = ?`, [reason.slice(0, 500), id]);
}

/**
 * Put every quarantined item back in line (after the portal or the data was fixed), keeping its id
 * and so its place in its stream's order. An item refused again goes back to quarantine.
 */
export async function requeueQuarantined(db: Queryable): Promise<number> {
  const result = await db.run(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE state = 'quarantined'`,
  );
  return result.changes;
}

/**
 * Delete delivered items created before `cutoff`, at most `limit` (the portal has them; a long-running
 * hub would otherwise keep every item forever). Returns how many went.
 */
export async function purgeDelivered(db: Queryable, cutoff: Date, limit: number): Promise<number> {
  const result = await db.run(
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 'delivered' AND created_at < ? LIMIT ?)`,
    [cutoff.toISOString(), limit],
  );
  return result.changes;
}

/** Pending count, oldest pending creation time and quarantined count. */
export async function outboxCounts(db: Queryable): Promise<{ pending: number; oldestPendingAt: string | null; quarantined: number }> {
  const row = await db.get<{ pending: number; oldest: string | null; quarantined: number }>(
    `SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS pending,
            (SELECT MIN(created_at) FROM outbox WHERE state = 'pending') AS oldest,
            (SELECT COUNT(*) FROM outbox WHERE state = 'quarantined') AS quarantined`,
  );
  return { pending: row?.pending ?? 0, oldestPendingAt: row?.oldest ?? null, quarantined: row?.quarantined ?? 0 };
}

/** The quarantined items, newest first. */
export async function listQuarantined(db: Queryable, limit = 100): Promise<SyncQuarantinedItem[]> {
  return db.all<SyncQuarantinedItem>(
    `SELECT id, stream, idempotency_id AS idempotencyId, created_at AS createdAt, last_error AS reason
       FROM outbox WHERE state = 'quarantined' ORDER BY id DESC LIMIT ?`,
    [limit],
  );
}

/** The earliest time any stream's head may be retried (null: nothing waits for a backoff). */
export async function earliestRetryAt(db: Queryable): Promise<string | null> {
  const row = await db.get<{ at: string | null }>(
    `SELECT MIN(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND next_attempt_at IS NOT NULL`,
  );
  return row?.at ?? null;
}
