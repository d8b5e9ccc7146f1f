import type { DeskView, DisplayView, TicketStatusView, TicketView } from '../../../../contract/queue';
import { waitForPosition, estimateWait } from './estimate-wait';
import { rankForDesk } from './pick-next';
import { activeTickets, currentLeg, getDesk, getService, getTicket, type QueueState, type Ticket } from './state';
import { toIso } from './time';

// Read models built from the state for the screens. The display view is public: numbers and desks,
// never names.

/** A ticket as the desk and admin screens show it. */
export function toTicketView(t: Ticket): TicketView {
  const calledAt = currentLeg(t).calledAt;
  return {
    ticketId: t.id, number: t.number, serviceId: t.serviceId, chain: [...t.chain], step: t.step, status: t.status,
    priority: t.priority, bookingId: t.bookingId, deskNo: t.deskNo, targetDeskNo: t.targetDeskNo, recalls: t.recalls,
    version: t.version, issuedAt: toIso(t.issuedAt), calledAt: calledAt === null ? null : toIso(calledAt),
    rating: t.rating === null ? null : { score: t.rating.score, reasons: [...t.rating.reasons] },
  };
}

const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.ceil(ms / 60_000));

/** What the hall display shows now. */
export function displayView(state: QueueState, now: number): DisplayView {
  const currentCalls = activeTickets(state)
    .filter((t) => t.status === 'called' && t.deskNo !== null && t.lastCalledAt !== null)
    .sort((a, b) => (b.lastCalledAt ?? 0) - (a.lastCalledAt ?? 0) || b.order - a.order)
    .map((t) => ({
      ticketId: t.id, number: t.number, deskNo: t.deskNo ?? 0, calledAt: toIso(t.lastCalledAt ?? 0), recalls: t.recalls,
      reason: t.callReason ?? 'oldest',
    }));
  const services = state.serviceOrder.flatMap((id) => {
    const s = getService(state, id);
    if (s === undefined) return [];
    const e = estimateWait(state, id);
    return [{ serviceId: id, name: { ...s.name }, prefix: s.prefix, waiting: e.waiting, estimatedWaitMin: toMinutes(e.estimatedWaitMs) }];
  });
  return {
    at: toIso(now),
    paused: state.paused === null ? null : { since: toIso(state.paused.since), reason: state.paused.reason },
    dayClosed: state.day.closed,
    currentCalls,
    recentCalls: state.recentCalls.map((c) => ({ ticketId: c.ticketId, number: c.number, deskNo: c.deskNo, at: toIso(c.at), recall: c.recall })),
    services,
  };
}

/** Queue lane of a waiting ticket for its status page: booked (slot started), priority, then the rest. */
function laneRank(t: Ticket, now: number): number {
  if (t.slotAt !== null && t.slotAt <= now) return 0;
  return t.priority !== null ? 1 : 2;
}

/**
 * A visitor's status page. Position counts the waiting tickets of the same queue (same service, or
 * the same target desk) ahead by booking, priority and issue time; desk-specific ageing and the
 * priority cap can still move it by a place or two.
 */
export function ticketStatusView(state: QueueState, ticketId: string, now: number): TicketStatusView | null {
  const t = getTicket(state, ticketId);
  if (t === undefined) return null;
  let position: number | null = null;
  let estimatedWaitMin: number | null = null;
  if (t.status === 'waiting') {
    const key = (x: Ticket): [number, number, number] => [laneRank(x, now), x.issuedAt, x.order];
    const before = (a: Ticket, b: Ticket): boolean => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] - kb[0] < 0 || (ka[0] === kb[0] && (ka[1] - kb[1] < 0 || (ka[1] === kb[1] && ka[2] < kb[2])));
    };
    const ahead = activeTickets(state).filter(
      (x) => x.status === 'waiting' && x.serviceId === t.serviceId && x.targetDeskNo === t.targetDeskNo && before(x, t),
    ).length;
    position = ahead + 1;
    estimatedWaitMin = toMinutes(waitForPosition(state, t.serviceId, ahead));
  }
  return {
    ticketId: t.id, number: t.number, serviceId: t.serviceId, status: t.status, position, estimatedWaitMin,
    deskNo: t.deskNo, paused: state.paused !== null,
  };
}

/** A desk's screen: its state, its visitor and its waiting list in call order. */
export function deskView(state: QueueState, deskNo: number, now: number): DeskView | null {
  const d = getDesk(state, deskNo);
  if (d === undefined) return null;
  const current = d.ticketId === null ? undefined : getTicket(state, d.ticketId);
  return {
    deskNo: d.deskNo,
    serviceIds: [...d.serviceIds],
    open: d.open,
    onBreak: d.onBreak === null ? null : { reason: d.onBreak.reason, since: toIso(d.onBreak.since) },
    current: current === undefined ? null : toTicketView(current),
    waiting: rankForDesk(state, deskNo, now).map((c) => ({ ticket: toTicketView(c.ticket), reason: c.reason, waitedMs: c.waitedMs })),
    consecutivePriority: d.consecutivePriority,
  };
}
