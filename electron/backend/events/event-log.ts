import type { EventEnvelope } from '../../../contract/events';
import type { Database, Transaction } from '../storage/database';
import { EventBus, type EventListener } from './event-bus';
import { checkEventType, type EventRow, rowToEnvelope, serialiseEventData } from './envelope';

export interface EventLogOptions {
  now?: () => Date;
  /** Told about listeners that throw; they never undo a commit. */
  onListenerError?: (error: unknown, event: EventEnvelope) => void;
}

/** The append-only event log: rows in sqlite, published in-process only after they commit. */
export class EventLog {
  private readonly bus = new EventBus();
  private readonly now: () => Date;
  private readonly onListenerError: (error: unknown, event: EventEnvelope) => void;
  private last = 0;

  private constructor(
    private readonly db: Database,
    options: EventLogOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.onListenerError = options.onListenerError ?? (() => undefined);
  }

  /** Open the log over a migrated database. */
  static async open(db: Database, options: EventLogOptions = {}): Promise<EventLog> {
    const log = new EventLog(db, options);
    const row = await db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM events');
    log.last = row?.seq ?? 0;
    return log;
  }

  /**
   * Append one event. With `tx` it is part of the caller's transaction and published when that
   * commits; without, it commits on its own. Resolves with the stored envelope.
   */
  async append(type: string, data: unknown, tx?: Transaction): Promise<EventEnvelope> {
    const [event] = await this.appendMany([{ type, data }], tx);
    if (event === undefined) throw new Error('events: an append stored nothing');
    return event;
  }

  /**
   * Append events in order with ONE statement (their seqs are consecutive), inside `tx` or a
   * transaction of their own; each is published when it commits. Resolves with the stored envelopes.
   */
  async appendMany(entries: readonly { type: string; data: unknown }[], tx?: Transaction): Promise<EventEnvelope[]> {
    if (entries.length === 0) return [];
    const texts = entries.map(({ type, data }) => {
      checkEventType(type);
      return serialiseEventData(type, data);
    });
    const write = async (t: Transaction): Promise<EventEnvelope[]> => {
      const at = this.now().toISOString();
      // One JSON array bound to one parameter: a fixed statement text, prepared once, for any count.
      const rows = JSON.stringify(entries.map(({ type }, i) => [type, texts[i]]));
      const result = await t.run('INSERT INTO events (type, at, data) SELECT value ->> 0, ?, value ->> 1 FROM json_each(?) ORDER BY key', [at, rows]);
      const first = result.lastID - entries.length + 1;
      if (result.changes !== entries.length) throw new Error(`events: ${result.changes} of ${entries.length} appended`);
      // Listeners get the data as it reads back from the log (plain JSON), not the caller's objects.
      const events = entries.map(({ type }, i): EventEnvelope => ({ seq: first + i, type, at, data: JSON.parse(texts[i] ?? 'null') as unknown }));
      t.onCommit(() => {
        for (const event of events) this.publish(event);
      });
      return events;
    };
    return tx ? write(tx) : this.db.transaction(write);
  }

  /** Events with seq greater than `seq`, oldest first, at most `limit` of them. */
  async since(seq: number, limit = 1000): Promise<EventEnvelope[]> {
    const rows = await this.db.all<EventRow>('SELECT seq, type, at, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?', [
      seq,
      limit,
    ]);
    return rows.map(rowToEnvelope);
  }

  /** The seq of the newest committed event (0 for an empty log). */
  lastSeq(): number {
    return this.last;
  }

  /** Hear every event committed from now on, in seq order; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    return this.bus.subscribe(listener);
  }

  private publish(event: EventEnvelope): void {
    this.last = Math.max(this.last, event.seq);
    for (const error of this.bus.publish(event)) this.onListenerError(error, event);
  }
}
