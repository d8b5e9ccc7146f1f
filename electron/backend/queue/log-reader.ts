import { parseQueueEvent, type QueueEvent } from '../../../contract/queue';
import type { Queryable } from '../storage/database';
import { QUEUE_EVENT_TYPES } from './event-types';

// Reading the queue's events back from the shared log, in seq order, a page at a time so a long log
// is never one giant result set.

const PAGE = 5000;
const TYPES_SQL = QUEUE_EVENT_TYPES.map((t) => `'${t}'`).join(', ');

/** A queue event with its position in the log. */
export interface StoredQueueEvent {
  readonly seq: number;
  readonly event: QueueEvent;
}

/**
 * Call `onPage` with every stored queue event after `afterSeq`, oldest first, until it returns
 * false; returns the last seq seen.
 */
export async function readQueueLog(
  db: Queryable,
  onPage: (events: StoredQueueEvent[]) => unknown,
  afterSeq = 0,
  untilSeq = Number.MAX_SAFE_INTEGER,
): Promise<number> {
  let last = afterSeq;
  for (;;) {
    const rows = await db.all<{ seq: number; data: string }>(
      `SELECT seq, data FROM events WHERE seq > ? AND seq <= ? AND type IN (${TYPES_SQL}) ORDER BY seq LIMIT ?`,
      [last, untilSeq, PAGE],
    );
    if (rows.length === 0) return last;
    const more = onPage(rows.map((r) => ({ seq: r.seq, event: parseQueueEvent(JSON.parse(r.data)) })));
    last = rows[rows.length - 1]?.seq ?? last;
    if (more === false || rows.length < PAGE) return last;
  }
}
