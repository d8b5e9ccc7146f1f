import type { CallReason } from '../../../../contract/queue';
import { activeTickets, getDesk, getService, type DeskState, type QueueState, type Ticket } from './state';
import { effectiveMs } from './time';

// Fair order for one desk. Lanes, first non-empty wins:
//   transfer  tickets a colleague transferred to this very desk (they already waited once)
//   booking   booked visitors whose slot has started, earliest slot first
//   ageing    tickets whose wait (minus pauses) exceeds ageingFactor x their service's target,
//             most overdue (wait / target) first; this is what keeps a quiet service from starving
//   priority  legal priority categories, oldest first
//   oldest    everyone else, oldest issue time first across all the desk's services
// Cap: after `priorityCap` consecutive priority calls at this desk, a waiting regular visitor
// (oldest lane) goes before the priority lane once. Ties break on issue order, so the result is a
// pure function of (state, desk, now). Waiting time ignores pauses, so order is kept across them.

export interface Candidate {
  readonly ticket: Ticket;
  readonly reason: CallReason;
  /** Wait since the original issue time, minus air-raid pauses. */
  readonly waitedMs: number;
}

const LANES: readonly CallReason[] = ['transfer', 'booking', 'ageing', 'priority', 'oldest'];
const CAPPED: readonly CallReason[] = ['transfer', 'booking', 'ageing', 'oldest', 'priority'];

/** True when the desk may call this waiting ticket (its service, or transferred to it). */
export function eligibleFor(desk: DeskState, t: Ticket): boolean {
  if (t.status !== 'waiting') return false;
  if (t.targetDeskNo !== null) return t.targetDeskNo === desk.deskNo;
  return desk.serviceIds.includes(t.serviceId);
}

function overdueRatio(state: QueueState, t: Ticket, waitedMs: number): number {
  const target = (getService(state, t.serviceId)?.targetWaitMin ?? Number.POSITIVE_INFINITY) * 60_000;
  return waitedMs / (state.settings.ageingFactor * target);
}

function laneOf(state: QueueState, desk: DeskState, t: Ticket, now: number, waitedMs: number): CallReason {
  if (t.targetDeskNo === desk.deskNo) return 'transfer';
  if (t.slotAt !== null && t.slotAt <= now) return 'booking';
  if (overdueRatio(state, t, waitedMs) > 1) return 'ageing';
  return t.priority !== null ? 'priority' : 'oldest';
}

function compareWithin(state: QueueState, a: Candidate, b: Candidate): number {
  if (a.reason === 'booking') return (a.ticket.slotAt ?? 0) - (b.ticket.slotAt ?? 0) || a.ticket.order - b.ticket.order;
  if (a.reason === 'ageing') {
    const diff = overdueRatio(state, b.ticket, b.waitedMs) - overdueRatio(state, a.ticket, a.waitedMs);
    if (diff !== 0) return diff;
  }
  return a.ticket.issuedAt - b.ticket.issuedAt || a.ticket.order - b.ticket.order;
}

/** Eligible waiting tickets of the desk by lane, and whether the priority cap is reached. */
function lanesForDesk(state: QueueState, deskNo: number, now: number): { byLane: Map<CallReason, Candidate[]>; order: readonly CallReason[] } | null {
  const desk = getDesk(state, deskNo);
  if (desk === undefined) return null;
  const byLane = new Map<CallReason, Candidate[]>(LANES.map((l) => [l, []]));
  for (const t of activeTickets(state)) {
    if (!eligibleFor(desk, t)) continue;
    const waitedMs = effectiveMs(state, t.issuedAt, now);
    const reason = laneOf(state, desk, t, now, waitedMs);
    byLane.get(reason)?.push({ ticket: t, reason, waitedMs });
  }
  const cap = state.settings.priorityCap;
  const capped = cap > 0 && desk.consecutivePriority >= cap && (byLane.get('oldest')?.length ?? 0) > 0;
  return { byLane, order: capped ? CAPPED : LANES };
}

/** The desk's waiting list in the order it would call it, each with the reason. */
export function rankForDesk(state: QueueState, deskNo: number, now: number): Candidate[] {
  const lanes = lanesForDesk(state, deskNo, now);
  if (lanes === null) return [];
  return lanes.order.flatMap((lane) => (lanes.byLane.get(lane) ?? []).sort((a, b) => compareWithin(state, a, b)));
}

/** The ticket the desk should call now and why, or null when nobody it serves is waiting (the head of rankForDesk, without sorting). */
export function pickNext(state: QueueState, deskNo: number, now: number): Candidate | null {
  const lanes = lanesForDesk(state, deskNo, now);
  for (const lane of lanes?.order ?? []) {
    const candidates = lanes?.byLane.get(lane) ?? [];
    if (candidates.length > 0) return candidates.reduce((best, c) => (compareWithin(state, c, best) < 0 ? c : best));
  }
  return null;
}
