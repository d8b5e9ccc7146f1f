import type { EventEnvelope } from '../../../contract/events';
import type { EventLog } from '../events/event-log';
import type { EventRow } from '../events/envelope';
import type { Database, Transaction } from '../storage/database';
import { enqueueOutboxMany, enqueueOutboxSql, type OutboxItemInput } from './outbox-repository';
import { readState, writeState } from './state-repository';

// Every change the portal must hear about is already an event. Queue events (ratings included) are
// turned into outbox items inside the queue hub's own transaction (`itemsSql`, written by the hub
// with its events through writeWithEvents): the item commits with the change or not at all, and
// costs no second commit. The feed also reads the log after its cursor, in one transaction with
// the cursor, for the other events (checkpoint counters). Once a hub feeds it, that read skips the
// hub's event types in SQL, so a busy queue is not read and enqueued a second time; without a hub
// (tests of sync alone, a machine that is not the hub) it turns them into items itself. Either way
// an item already enqueued keeps its row: the idempotency id is the event's seq.

/** Event types whose data becomes a queue-events item (no personal data in them). */
const QUEUE_EVENT_PREFIXES = ['ticket.', 'desk.', 'center.paused', 'center.resumed', 'day.closed', 'queue.'];
/** Event type → rating item. */
export const RATING_EVENT = 'visit.rated';
/** Event type → hourly verification counters (only the verdict is kept). */
export const VERIFIED_EVENT = 'checkpoint.verified';

/** Whether the queue hub enqueues this event's item in its own transaction. */
function isFedByQueueHub(type: string): boolean {
  return type === RATING_EVENT || QUEUE_EVENT_PREFIXES.some((p) => type.startsWith(p));
}

/** The same test in SQL (GLOB: case-sensitive, no wildcard in the names). */
const FED_BY_HUB_SQL = [`type = '${RATING_EVENT}'`, ...QUEUE_EVENT_PREFIXES.map((p) => `type GLOB '${p}*'`)].join(' OR ');
const PAGE = 1000;

/** Turns committed events into outbox items, counters into hourly items. */
export class EventFeed {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private hubFeeds = false;

  constructor(
    private readonly db: Database,
    private readonly events: EventLog,
    private readonly installId: () => string,
    private readonly now: () => Date,
  ) {}

  /** From now on the queue hub enqueues its events itself (itemsSql); the log read skips them. */
  queueHubFeeds(): void {
    this.hubFeeds = true;
  }

  /** Whether an event of this type is already in the outbox when it commits (written by the hub). */
  enqueuedAtCommit(type: string): boolean {
    return this.hubFeeds && isFedByQueueHub(type);
  }

  /** Process every event after the cursor (serialised; calls made while one waits share it). */
  catchUp(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.running
      .then(() => {
        this.queued = null; // from here on, a new call must run again after this one
        return this.run();
      })
      .catch(() => undefined);
    this.queued = next;
    this.running = next;
    return next;
  }

  /** Enqueue one item per (closed hour, verdict) counted so far, and forget those counts. */
  async flushClosedHours(): Promise<number> {
    const currentHour = hourOf(this.now().toISOString());
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ hour: string; verdict: string; count: number }>('SELECT hour, verdict, count FROM sync_counters WHERE hour < ?', [currentHour]);
      const items = rows.map((row) => ({
        stream: 'counters', occurredAt: row.hour, data: { hour: row.hour, verdict: row.verdict, count: row.count }, idempotencyId: `${this.installId()}:ctr:${row.hour}:${row.verdict}`,
      }));
      await enqueueOutboxMany(tx, items, this.now());
      await tx.run('DELETE FROM sync_counters WHERE hour < ?', [currentHour]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    const skip = this.hubFeeds ? `AND NOT (${FED_BY_HUB_SQL})` : '';
    for (;;) {
      const cursor = Number((await readState(this.db, 'feedCursor')) ?? 0);
      const head = this.events.lastSeq();
      if (head <= cursor) return;
      const rows = await this.db.all<EventRow>(`SELECT seq, type, at, data FROM events WHERE seq > ? AND seq <= ? ${skip} ORDER BY seq LIMIT ${PAGE}`, [cursor, head]);
      // A full page moves the cursor to its last row; a short one read everything up to the head.
      const next = rows.length === PAGE ? (rows[rows.length - 1]?.seq ?? head) : head;
      await this.db.transaction(async (tx) => {
        await this.feed(tx, rows.map((r) => ({ seq: r.seq, type: r.type, at: r.at, data: JSON.parse(r.data) as unknown })));
        await writeState(tx, 'feedCursor', String(next));
      });
    }
  }

  /** The statements that enqueue the items of queue events, for the hub's script (writeWithEvents). */
  itemsSql(events: readonly { seq: number; event: { type: string; at: string } }[]): string[] {
    const items = events.flatMap(({ seq, event }) => outboxItemOf({ type: event.type, at: event.at, data: event }, this.idOf(seq)) ?? []);
    return enqueueOutboxSql(items, this.now());
  }

  private idOf(seq: number): string {
    return `${this.installId()}:evt:${seq}`;
  }

  private async feed(tx: Transaction, events: readonly Pick<EventEnvelope, 'seq' | 'type' | 'at' | 'data'>[]): Promise<void> {
    const items: (OutboxItemInput & { idempotencyId: string })[] = [];
    for (const event of events) {
      const data = (event.data ?? {}) as Record<string, unknown>;
      if (event.type === VERIFIED_EVENT && typeof data.verdict === 'string') {
        await tx.run(
          'INSERT INTO sync_counters (hour, verdict, count) VALUES (?, ?, 1) ON CONFLICT(hour, verdict) DO UPDATE SET count = count + 1',
          [hourOf(event.at), data.verdict],
        );
      }
      const item = outboxItemOf(event, this.idOf(event.seq));
      if (item !== null) items.push(item);
    }
    await enqueueOutboxMany(tx, items, this.now());
  }
}

/** The outbox item of a rating or a queue event (null for other events). */
function outboxItemOf(event: Pick<EventEnvelope, 'type' | 'at' | 'data'>, idempotencyId: string): (OutboxItemInput & { idempotencyId: string }) | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.type === RATING_EVENT) {
    const rating = { ticketId: String(data.ticketId ?? ''), score: data.score, reasons: Array.isArray(data.reasons) ? data.reasons : [] };
    return { stream: 'ratings', occurredAt: event.at, data: rating, idempotencyId };
  }
  if (QUEUE_EVENT_PREFIXES.some((p) => event.type.startsWith(p))) {
    const { meta: _meta, ...rest } = data;
    return { stream: 'queue-events', occurredAt: event.at, data: { ...rest, type: event.type }, idempotencyId };
  }
  return null;
}

/** The start of the UTC hour of an ISO time, e.g. 2026-11-23T09:00:00.000Z. */
export function hourOf(iso: string): string {
  const d = new Date(iso);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}

/** Read (or create once) this installation's id, which prefixes every idempotency id it makes. */
export async function ensureInstallId(db: Database, newId: () => string): Promise<string> {
  const existing = await readState(db, 'installId');
  if (existing) return existing;
  const id = newId();
  await writeState(db, 'installId', id);
  return id;
}
