import { parseQueueEvent, type QueueCommandInput, type QueueEvent } from '../../../contract/queue';
import type { EventLog } from '../events/event-log';
import type { Transaction } from '../storage/database';
import { applyEvent, decide, type QueueState } from './core';
import type { HubResult, OnCommitted } from './hub';
import type { StoredQueueEvent } from './log-reader';
import { claimRequest, nextEventSeq, type PriorRequest } from './request-rows';
import { writeSnapshot } from './snapshots';
import { writeTicketRows } from './ticket-rows';

// The body of one group-commit transaction: each command in turn, decided against the state left by
// the ones before it, so the batch is exactly the same as running the commands one by one.

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
  onCommitted: OnCommitted | null;
  /** Registers the state to adopt after COMMIT (before the events are published). */
  adopt: (next: () => QueueState) => void;
}

/** Run the batch inside `tx`; returns one result per job. */
export async function runBatch(tx: Transaction, batch: readonly BatchJob[], ctx: BatchContext): Promise<HubResult[]> {
  let state = ctx.state;
  ctx.adopt(() => state);
  const stored: StoredQueueEvent[] = [];
  const results: HubResult[] = [];
  let nextSeq: number | undefined;
  for (const job of batch) {
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
    nextSeq ??= await nextEventSeq(tx);
    if (requestId !== undefined) {
      const key = { clientId: job.clientId, requestId, command: job.command.type };
      const prior = await claimRequest(tx, key, { first: nextSeq, last: nextSeq + d.events.length - 1 }, d.events[0]?.at ?? '');
      if (prior !== null) {
        results.push(await durableReplay(tx, job, requestId, prior));
        continue;
      }
    }
    const seqs: number[] = [];
    for (const e of d.events) {
      const after = applyEvent(state, e);
      await writeTicketRows(tx, e, after);
      const envelope = await ctx.events.append(e.type, e, tx);
      if (envelope.seq !== nextSeq) throw new Error(`queue: event got seq ${envelope.seq}, expected ${nextSeq}`);
      nextSeq++;
      state = after;
      seqs.push(envelope.seq);
      stored.push({ seq: envelope.seq, event: e });
      if (e.type === 'day.closed') await writeSnapshot(tx, envelope.seq, state, e.at);
    }
    results.push({ ok: true, events: d.events, seqs, replayed: false });
  }
  if (ctx.onCommitted !== null && stored.length > 0) await ctx.onCommitted(stored, tx);
  return results;
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
