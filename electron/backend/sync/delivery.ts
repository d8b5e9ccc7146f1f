import type { PortalBatchItem, SyncStream } from '../../../contract/sync';
import type { Database } from '../storage/database';
import { type BackoffPolicy, backoffDelayMs, parseRetryAfterMs } from './backoff';
import type { Enrollment } from './enrollment';
import { headOfStream, markAttemptFailed, markDelivered, quarantine, type OutboxRow } from './outbox-repository';
import type { PortalApi } from './portal-api';
import { PortalCallError } from '../portal/portal-http';

/** Where each stream is delivered. */
export const STREAM_PATHS: Readonly<Record<SyncStream, (centerId: string) => string>> = {
  ratings: (c) => `/api/v1/centers/${encodeURIComponent(c)}/ratings`,
  'queue-events': (c) => `/api/v1/centers/${encodeURIComponent(c)}/queue-events`,
  counters: (c) => `/api/v1/centers/${encodeURIComponent(c)}/verification-counters`,
};

/** What one attempt on a stream's head achieved. */
export type StreamStep =
  | { kind: 'empty' }
  | { kind: 'progress'; delivered: number; quarantined: number }
  | { kind: 'waiting'; untilMs: number }
  | { kind: 'failed'; error: PortalCallError; untilMs: number };

export interface DeliveryDeps {
  db: Database;
  api: PortalApi;
  enrollment: Enrollment;
  batchSize: number;
  backoff: BackoffPolicy;
  nowMs: () => number;
  random: () => number;
}

/**
 * Deliver the head batch of one stream: at least once (an item is marked delivered only after the
 * portal acknowledged it) and in order (the next batch only after this one is acknowledged).
 * Throws NotEnrolledError when the machine cannot authenticate.
 */
export async function deliverHead(deps: DeliveryDeps, stream: SyncStream, centerId: string): Promise<StreamStep> {
  const rows = await headOfStream(deps.db, stream, deps.batchSize);
  const head = rows[0];
  if (head === undefined) return { kind: 'empty' };
  const dueMs = head.nextAttemptAt ? Date.parse(head.nextAttemptAt) : 0;
  if (dueMs > deps.nowMs()) return { kind: 'waiting', untilMs: dueMs };
  try {
    const token = await deps.enrollment.getPortalToken();
    const answer = await deps.api.postBatch(STREAM_PATHS[stream](centerId), token, rows.map(toWireItem));
    const acknowledged = new Set([...answer.accepted, ...answer.duplicate]);
    const ids = rows.filter((r) => acknowledged.has(r.idempotencyId)).map((r) => r.id);
    // An answer that acknowledges nothing we sent must not loop at full speed: back off instead.
    if (ids.length === 0) throw new PortalCallError('the portal acknowledged none of the items sent', 'malformed');
    await deps.db.transaction((tx) => markDelivered(tx, ids, new Date(deps.nowMs())));
    return { kind: 'progress', delivered: ids.length, quarantined: 0 };
  } catch (error) {
    if (!(error instanceof PortalCallError)) throw error;
    return handleFailure(deps, rows, error);
  }
}

async function handleFailure(deps: DeliveryDeps, rows: OutboxRow[], error: PortalCallError): Promise<StreamStep> {
  if (error.kind === 'rejected' && Array.isArray(error.body)) {
    // Per-item rejections: set those aside with the portal's reason; the rest go again at once.
    const reasons = new Map((error.body as Array<{ idempotencyId: string; reason: string }>).map((i) => [i.idempotencyId, i.reason]));
    const bad = rows.filter((r) => reasons.has(r.idempotencyId));
    if (bad.length > 0) {
      await deps.db.transaction(async (tx) => {
        for (const row of bad) await quarantine(tx, row.id, reasons.get(row.idempotencyId) ?? 'rejected by the portal');
      });
      return { kind: 'progress', delivered: 0, quarantined: bad.length };
    }
  }
  if (error.status === 400 || error.status === 422) {
    // The portal refuses the batch as a whole and says it will never take it: quarantine it.
    await deps.db.transaction(async (tx) => {
      for (const row of rows) await quarantine(tx, row.id, error.message);
    });
    return { kind: 'progress', delivered: 0, quarantined: rows.length };
  }
  if (error.kind === 'unauthorized') deps.enrollment.invalidateToken();
  const now = deps.nowMs();
  const retryAfter = error.status === 429 || error.status === 503 ? parseRetryAfterMs(error.retryAfter, now) : null;
  const head = rows[0] as OutboxRow;
  // The portal's Retry-After wins (up to an hour); otherwise exponential backoff with jitter.
  const delay = retryAfter !== null ? Math.min(retryAfter, 3_600_000) : backoffDelayMs(head.attempts + 1, deps.backoff, deps.random);
  const untilMs = now + delay;
  await markAttemptFailed(deps.db, [head.id], error.message, new Date(untilMs));
  return { kind: 'failed', error, untilMs };
}

function toWireItem(row: OutboxRow): PortalBatchItem {
  const payload = JSON.parse(row.payload) as { occurredAt: string; data: Record<string, unknown> };
  return { idempotencyId: row.idempotencyId, occurredAt: payload.occurredAt, data: payload.data };
}
