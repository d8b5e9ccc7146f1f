import { parseQueueEvent, type QueueCommandInput, type QueueEvent } from '../../../contract/queue';
import type { EventLog } from '../events/event-log';
import type { Transaction } from '../storage/database';
import { applyEvent, decide, type QueueState } from './core';
import { failedCheck } from './batch-checks';
import type { HubResult, WriteWithEvents } from './hub';
import type { StoredQueueEvent } from './log-reader';
import { findPriorRequests, ForgottenRequest, recordRequestsSql, requestKey, type PriorRequest, type RequestKey, type RequestRow } from './request-rows';
import { writeSnapshot } from './snapshots';
import { TicketRowChanges } from './ticket-rows';

// The body of one group-commit transaction. Each command is decided in turn against the state left
// by the ones before it, so the batch is exactly the same as running the commands one by one. The
// writes then take two trips to sqlite's thread pool whatever the batch size: the events (one
// INSERT, which gives their seqs), then ONE script (`exec`) with the new request rows, the ticket
// rows (compare-and-set) and what the hub's `writeWithEvents` adds (portal sync's outbox), its
// checks asserted in SQL (batch-checks.ts). Under load every trip waits for the busy event loop,
// so trips, not statements, set the pace. With `exact` (a batch run again after it met a recorded
// request id) it first asks which of its request ids the table already holds (request-rows.ts).

/** One queued command and who waits for its result. */
export interface BatchJob {
  command: QueueCommandInput;
  clientId: string;
  /** Decide at this instant instead of the clock's now. */
  at?: number | undefined;
  resolve: (result: HubResult) => void;
  reject: (error: unknown) => void;
}

export interface BatchContext {
  state: QueueState;
  events: EventLog;
  now: () => number;
  newId: () => string;
  writeWithEvents: WriteWithEvents | null;
  /** Registers the state to adopt after COMMIT (before the events are published). */
  adopt: (next: () => QueueState) => void;
  /** Look up recorded request ids before deciding instead of finding them at insert time. */
  exact: boolean;
}

/** A command that produced new events, waiting for their seqs. */
interface Accepted {
  index: number;
  events: readonly QueueEvent[];
  request: RequestKey & { command: string } | null;
}

/** Run the batch inside `tx`; returns one result per job. */
export async function runBatch(tx: Transaction, batch: readonly BatchJob[], ctx: BatchContext): Promise<HubResult[]> {
  const priors = ctx.exact ? await findPriorRequests(tx, batch.flatMap(requestOf)) : new Map<string, PriorRequest>();
  let state = ctx.state;
  ctx.adopt(() => state);
  const results: HubResult[] = [];
  const accepted: Accepted[] = [];
  const tickets = new TicketRowChanges();
  const snapshots = new Map<QueueEvent, QueueState>();
  for (const [index, job] of batch.entries()) {
    const d = decide(state, job.command, { now: job.at ?? ctx.now(), newId: ctx.newId, clientId: job.clientId });
    if (!d.ok) {
      results.push(d);
      continue;
    }
    if (d.replayOf !== undefined || d.events.length === 0) {
      results.push({ ok: true, events: d.replayOf ?? [], seqs: [], replayed: d.replayOf !== undefined });
      continue;
    }
    const requestId = d.events[0]?.meta?.requestId;
    const prior = requestId === undefined ? undefined : priors.get(requestKey(job.clientId, requestId));
    if (requestId !== undefined && prior !== undefined) {
      results.push(await durableReplay(tx, job, requestId, prior));
      continue;
    }
    for (const e of d.events) {
      state = applyEvent(state, e);
      tickets.note(e, state);
      if (e.type === 'day.closed') snapshots.set(e, state);
    }
    accepted.push({ index, events: d.events, request: requestId === undefined ? null : { clientId: job.clientId, requestId, command: job.command.type } });
    results.push({ ok: true, events: d.events, seqs: [], replayed: false });
  }
  if (accepted.length === 0) return results;

  const envelopes = await ctx.events.appendMany(accepted.flatMap((a) => a.events.map((e) => ({ type: e.type, data: e }))), tx);
  const stored: StoredQueueEvent[] = [];
  const requests: RequestRow[] = [];
  for (const a of accepted) {
    const seqs = envelopes.slice(stored.length, stored.length + a.events.length).map((env) => env.seq);
    a.events.forEach((event, i) => stored.push({ seq: seqs[i] ?? 0, event }));
    results[a.index] = { ok: true, events: a.events, seqs, replayed: false };
    if (a.request !== null) requests.push({ ...a.request, firstSeq: seqs[0] ?? 0, lastSeq: seqs[seqs.length - 1] ?? 0, at: a.events[0]?.at ?? '' });
  }
  const script = [...recordRequestsSql(requests), ...tickets.sql(), ...(ctx.writeWithEvents?.(stored) ?? [])];
  if (script.length > 0) {
    try {
      await tx.exec(script.join(';\n'));
    } catch (error) {
      const check = failedCheck(error);
      if (check === 'request ids') throw new ForgottenRequest();
      if (check === 'ticket versions') throw await tickets.findConflict(tx);
      throw error;
    }
  }
  for (const { seq, event } of stored) {
    const after = snapshots.get(event);
    if (after !== undefined) await writeSnapshot(tx, seq, after, event.at);
  }
  return results;
}

/** The request a job names, if any (the events' meta carries the same ids). */
function requestOf(job: BatchJob): RequestKey[] {
  const requestId = (job.command as { requestId?: unknown }).requestId;
  return typeof requestId === 'string' ? [{ clientId: job.clientId, requestId }] : [];
}

/** A request id the state forgot but the table remembers: answer with the events it produced. */
async function durableReplay(
  tx: Transaction,
  job: BatchJob,
  requestId: string,
  prior: PriorRequest,
): Promise<HubResult> {
  if (prior.command !== job.command.type) {
    return { ok: false, error: { code: 'request_id_reused', message: `Request id ${requestId} was already used for "${prior.command}".` } };
  }
  if (prior.firstSeq === null || prior.lastSeq === null) return { ok: true, events: [], seqs: [], replayed: true };
  const rows = await tx.all<{ seq: number; data: string }>('SELECT seq, data FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq', [
    prior.firstSeq, prior.lastSeq,
  ]);
  const events: QueueEvent[] = [];
  const seqs: number[] = [];
  for (const r of rows) {
    const e = parseQueueEvent(JSON.parse(r.data));
    if (e.meta?.clientId === job.clientId && e.meta.requestId === requestId) {
      events.push(e);
      seqs.push(r.seq);
    }
  }
  return { ok: true, events, seqs, replayed: true };
}
