import { randomBytes } from 'node:crypto';
import type { QueueCommandInput, QueueError, QueueEvent } from '../../../contract/queue';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logging/logger';
import type { Database } from '../storage/database';
import { BATCH_CHECKS_SQL } from './batch-checks';
import { applyEvents, decide, emptyState, type QueueState } from './core';
import { readQueueLog, type StoredQueueEvent } from './log-reader';
import { ForgottenRequest } from './request-rows';
import { runBatch, type BatchJob } from './run-batch';
import { readLatestSnapshot } from './snapshots';
import { VersionConflict } from './ticket-rows';

// The hub: the one authority for the queue of a center. It holds the state (a projection of the
// queue events in the shared log) and turns commands into committed events:
//   decide (fast refusals and replays, no I/O; skipped while a batch commits) → queue the command →
//   ONE sqlite transaction per batch: decide again against the latest state, append the events,
//   record the request ids, compare-and-set the ticket rows, write what writeWithEvents adds
//   (run-batch.ts) → COMMIT → the state moves on, then the events are published (/api/events).
// Commands that arrive while a batch commits wait and go together in the next one (group commit):
// one fsync serves many commands, and decisions stay strictly one after another.

const MAX_BATCH = 256;

/** What a command came to: its events (new, or those of the first attempt for a retry) or a refusal. */
export type HubResult =
  | { readonly ok: true; readonly events: readonly QueueEvent[]; readonly seqs: readonly number[]; readonly replayed: boolean }
  | { readonly ok: false; readonly error: QueueError };

/**
 * What else a batch writes with the queue events it appends: SQL statements (built with sqlText)
 * that run in the batch's script, in its transaction (portal sync's outbox rows). Throwing, or a
 * failing statement, rolls the commands back.
 */
export type WriteWithEvents = (events: readonly StoredQueueEvent[]) => readonly string[];

export interface QueueHubDeps {
  db: Database;
  events: EventLog;
  now: () => Date;
  logger: Logger;
  /** Ticket ids; default 120 random bits (unguessable: the public status page is keyed by them). */
  newId?: () => string;
  /** Statements written with each batch's events (SyncService.queueHubWrites: the outbox). */
  writeWithEvents?: WriteWithEvents | undefined;
}

const ID_BYTES = 15;
/** Random bytes drawn 256 ids at a time: one call to the OS generator instead of one per id. */
let idPool = Buffer.alloc(0);
let idOffset = 0;

/** A fresh ticket id: "t" + 120 random bits in base64url. */
export function newTicketId(): string {
  if (idOffset + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_BYTES * 256);
    idOffset = 0;
  }
  idOffset += ID_BYTES;
  return `t${idPool.toString('base64url', idOffset - ID_BYTES, idOffset)}`;
}

/** Booking names never enter the log: events go to every screen, displays included. */
function withoutNames(command: QueueCommandInput): QueueCommandInput {
  if (command.type !== 'import_bookings' || !Array.isArray(command.bookings)) return command;
  const strip = (b: unknown): unknown => {
    if (typeof b !== 'object' || b === null) return b;
    const { visitorName: _name, ...rest } = b as Record<string, unknown>;
    return rest;
  };
  return { ...command, bookings: command.bookings.map(strip) } as QueueCommandInput;
}

/** The queue hub over the shared event log. */
export class QueueHub {
  /** Committed transactions, the commands they carried, and failed batches run again (diagnostics). */
  readonly stats = { transactions: 0, commands: 0, retried: 0 };
  private state: QueueState;
  private readonly pending: BatchJob[] = [];
  private draining = false;
  private readonly newId: () => string;

  private constructor(
    private readonly deps: QueueHubDeps,
    state: QueueState,
  ) {
    this.state = state;
    this.newId = deps.newId ?? newTicketId;
  }

  /** Rebuild the state: the newest day-end snapshot, then the queue events after it. */
  static async open(deps: QueueHubDeps): Promise<QueueHub> {
    const started = performance.now();
    await deps.db.exec(BATCH_CHECKS_SQL);
    const snapshot = await readLatestSnapshot(deps.db);
    let state = snapshot?.state ?? emptyState();
    let count = 0;
    await readQueueLog(
      deps.db,
      (page) => {
        state = applyEvents(state, page.map((p) => p.event));
        count += page.length;
      },
      snapshot?.seq ?? 0,
    );
    deps.logger.info({ snapshotSeq: snapshot?.seq ?? null, events: count, ms: Math.round(performance.now() - started) }, 'queue state rebuilt from the log');
    return new QueueHub(deps, state);
  }

  /** The current state (committed events only). */
  get current(): QueueState {
    return this.state;
  }

  /** The hub's clock in epoch ms. */
  nowMs(): number {
    return this.deps.now().getTime();
  }

  /**
   * Decide a command for `clientId` and, if accepted, commit its events; `at` overrides the clock
   * (the midnight close). While no batch is committing, a first decision answers refusals and
   * retries at once; while one is, the command goes straight to the next batch, which decides it
   * anyway (the same answer, a few ms later, and half the deciding under load).
   */
  async submit(input: QueueCommandInput, clientId: string, at?: number): Promise<HubResult> {
    const command = withoutNames(input);
    if (!this.draining) {
      const pre = decide(this.state, command, { now: at ?? this.nowMs(), newId: this.newId, clientId });
      if (!pre.ok) return pre;
      if (pre.replayOf !== undefined) return { ok: true, events: pre.replayOf, seqs: [], replayed: true };
      if (pre.events.length === 0) return { ok: true, events: [], seqs: [], replayed: false };
    }
    return new Promise<HubResult>((resolve, reject) => {
      this.pending.push({ command, clientId, at, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) await this.commit(null);
    } finally {
      this.draining = false;
    }
  }

  /**
   * One transaction for a batch. If it meets a recorded request id, the batch runs once more with
   * `exact` (recorded ids looked up first); if it fails otherwise, each command runs again on its
   * own so only the bad one fails. With `given` null the batch is taken once the transaction owns
   * the connection, so commands that arrived while it waited for the previous commit ride along.
   */
  private async commit(given: BatchJob[] | null, exact = false): Promise<void> {
    let batch: BatchJob[] = given ?? [];
    try {
      const results = await this.deps.db.transaction((tx) => {
        if (given === null) batch = this.pending.splice(0, MAX_BATCH);
        return runBatch(tx, batch, {
          state: this.state,
          events: this.deps.events,
          now: () => this.nowMs(),
          newId: this.newId,
          writeWithEvents: this.deps.writeWithEvents ?? null,
          adopt: (next) => tx.onCommit(() => (this.state = next())),
          exact,
        });
      });
      this.stats.transactions++;
      this.stats.commands += batch.length;
      batch.forEach((job, i) => job.resolve(results[i] ?? { ok: false, error: { code: 'validation_failed', message: 'lost' } }));
    } catch (error) {
      if (error instanceof ForgottenRequest && !exact) {
        // A stale client's old request id: the same batch once more, recorded ids looked up first.
        this.stats.retried++;
        await this.commit(batch, true);
        return;
      }
      if (batch.length > 1) {
        this.stats.retried++;
        for (const job of batch) await this.commit([job], exact);
        return;
      }
      const job = batch[0];
      if (job === undefined) return;
      if (error instanceof VersionConflict) {
        this.deps.logger.warn({ ticketId: error.ticketId }, 'queue compare-and-set failed: ticket row not at the decided version');
        job.resolve({ ok: false, error: { code: 'version_conflict', message: 'The ticket changed meanwhile; reload and retry.' } });
      } else {
        job.reject(error);
      }
    }
  }
}
