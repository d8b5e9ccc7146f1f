import type { QueueEventOf, QueueEventType } from '../../../../contract/queue';
import { rollDay } from './day-roll';
import { currentLeg, getDesk, getTicket, own, type DeskState, type Leg, type QueueState, type Ticket } from './state';
import { tableSet } from './table';
import { effectiveMs } from './time';

// How ticket events change the state. Called only from applyEvent; `at` is the event time in ms.
// A missing ticket or desk means the log is inconsistent: that is a bug, so it throws.

type Ev<T extends QueueEventType> = QueueEventOf<T>;

function mustTicket(state: QueueState, id: string): Ticket {
  const t = getTicket(state, id);
  if (t === undefined) throw new Error(`queue log inconsistent: unknown ticket ${id}`);
  return t;
}

function mustDesk(state: QueueState, deskNo: number): DeskState {
  const d = getDesk(state, deskNo);
  if (d === undefined) throw new Error(`queue log inconsistent: unknown desk ${deskNo}`);
  return d;
}

function newLeg(serviceId: string, queuedAt: number, targetDeskNo: number | null): Leg {
  return { serviceId, queuedAt, targetDeskNo, deskNo: null, calledAt: null, startedAt: null, endedAt: null, outcome: 'open', wrapUpMs: null };
}

function patchLeg(t: Ticket, patch: Partial<Leg>): Ticket {
  const legs = t.legs.slice();
  legs[legs.length - 1] = { ...currentLeg(t), ...patch };
  return { ...t, legs };
}

function putTicket(state: QueueState, t: Ticket): QueueState {
  const active = t.status === 'waiting' || t.status === 'called' || t.status === 'serving';
  let nextActive = state.active;
  if (active && !Object.hasOwn(state.active, t.id)) nextActive = { ...state.active, [t.id]: true };
  if (!active && Object.hasOwn(state.active, t.id)) {
    const { [t.id]: _gone, ...rest } = state.active;
    nextActive = rest;
  }
  return { ...state, tickets: tableSet(state.tickets, t.id, t), active: nextActive };
}

function putDesk(state: QueueState, d: DeskState): QueueState {
  return { ...state, desks: { ...state.desks, [String(d.deskNo)]: d } };
}

function pushCall(state: QueueState, t: Ticket, deskNo: number, at: number, recall: boolean): QueueState {
  const call = { ticketId: t.id, number: t.number, deskNo, at, recall };
  return { ...state, recentCalls: [call, ...state.recentCalls].slice(0, state.settings.recentCallsShown) };
}

/** A back-to-waiting ticket on a new leg (next service in the chain, or a transfer). */
function requeue(t: Ticket, serviceId: string, at: number, targetDeskNo: number | null): Ticket {
  return {
    ...t, serviceId, status: 'waiting', deskNo: null, targetDeskNo, recalls: 0, lastCalledAt: null, callReason: null,
    legs: [...t.legs, newLeg(serviceId, at, targetDeskNo)],
  };
}

/** ticket.issued: a new visit in its service's queue; the first ticket of a local day rolls the day. */
export function applyIssued(state: QueueState, e: Ev<'ticket.issued'>, at: number): QueueState {
  let s = e.date === state.day.date ? state : rollDay(state, e.date);
  const booking = e.bookingId === null ? undefined : own(s.bookings, e.bookingId);
  const ticket: Ticket = {
    id: e.ticketId, number: e.number, series: e.series, seq: e.seq, date: e.date, order: s.issuedCount + 1,
    serviceId: e.serviceId, chain: [e.serviceId, ...e.nextServiceIds], step: 0, status: 'waiting',
    priority: e.priority, bookingId: e.bookingId, slotAt: booking?.slotAt ?? null, issuedAt: at,
    deskNo: null, targetDeskNo: null, recalls: 0, lastCalledAt: null, callReason: null, version: e.version,
    legs: [newLeg(e.serviceId, at, null)], rating: null,
  };
  s = { ...s, counters: { ...s.counters, [e.series]: e.seq }, issuedCount: s.issuedCount + 1 };
  if (booking !== undefined) s = { ...s, bookings: { ...s.bookings, [booking.id]: { ...booking, ticketId: e.ticketId } } };
  return putTicket(s, ticket);
}

/** Closes the wrap-up of the desk's previous visitor at its next call. */
function closeWrapUp(state: QueueState, desk: DeskState, at: number): QueueState {
  const last = desk.lastEnded;
  const t = last === null ? undefined : getTicket(state, last.ticketId);
  const leg = last === null || t === undefined ? undefined : t.legs[last.leg];
  if (last === null || t === undefined || leg === undefined) return state;
  const legs = t.legs.slice();
  legs[last.leg] = { ...leg, wrapUpMs: effectiveMs(state, last.at, at) };
  return putTicket(state, { ...t, legs });
}

/** ticket.called: the desk now holds the ticket. */
export function applyCalled(state: QueueState, e: Ev<'ticket.called'>, at: number): QueueState {
  const desk = mustDesk(state, e.deskNo);
  let s = closeWrapUp(state, desk, at);
  const t = mustTicket(s, e.ticketId);
  const called = patchLeg(
    { ...t, status: 'called', deskNo: e.deskNo, targetDeskNo: null, recalls: 0, lastCalledAt: at, callReason: e.reason, version: e.version },
    { deskNo: e.deskNo, calledAt: at },
  );
  // The cap counts calls made because of priority; any regular visitor called resets it.
  const run = e.reason === 'priority' ? desk.consecutivePriority + 1 : t.priority === null ? 0 : desk.consecutivePriority;
  s = putDesk(s, { ...desk, open: true, ticketId: t.id, consecutivePriority: run, lastEnded: null });
  return pushCall(putTicket(s, called), t, e.deskNo, at, false);
}

/** ticket.recalled: called again; the grace clock for no-show restarts from here. */
export function applyRecalled(state: QueueState, e: Ev<'ticket.recalled'>, at: number): QueueState {
  const t = mustTicket(state, e.ticketId);
  const s = putTicket(state, { ...t, recalls: e.recalls, lastCalledAt: at, version: e.version });
  return pushCall(s, t, e.deskNo, at, true);
}

/** ticket.started: the visitor reached the desk. */
export function applyStarted(state: QueueState, e: Ev<'ticket.started'>, at: number): QueueState {
  const t = mustTicket(state, e.ticketId);
  return putTicket(state, patchLeg({ ...t, status: 'serving', version: e.version }, { startedAt: at }));
}

/** ticket.finished: the leg is served; the visit moves on along its chain or is done. */
export function applyFinished(state: QueueState, e: Ev<'ticket.finished'>, at: number): QueueState {
  const t = mustTicket(state, e.ticketId);
  const desk = mustDesk(state, e.deskNo);
  const leg = currentLeg(t);
  const samples = [...(own(state.handleSamples, leg.serviceId) ?? []), effectiveMs(state, leg.calledAt ?? at, at)];
  let s: QueueState = {
    ...state,
    handleSamples: { ...state.handleSamples, [leg.serviceId]: samples.slice(-state.settings.estimateSamples) },
  };
  s = putDesk(s, { ...desk, ticketId: null, lastEnded: { ticketId: t.id, leg: t.legs.length - 1, at } });
  const ended = patchLeg({ ...t, version: e.version }, { endedAt: at, outcome: 'served' });
  const next = e.nextServiceId === null
    ? { ...ended, status: 'done' as const, deskNo: null }
    : { ...requeue(ended, e.nextServiceId, at, null), step: t.step + 1 };
  return putTicket(s, next);
}

/** ticket.no_show: the visitor did not come. */
export function applyNoShow(state: QueueState, e: Ev<'ticket.no_show'>, at: number): QueueState {
  const t = mustTicket(state, e.ticketId);
  const desk = mustDesk(state, e.deskNo);
  const s = putDesk(state, { ...desk, ticketId: null, lastEnded: null });
  return putTicket(s, patchLeg({ ...t, status: 'no_show', deskNo: null, version: e.version }, { endedAt: at, outcome: 'no_show' }));
}

/** ticket.transferred: back to waiting for another service or desk, keeping the original issue time. */
export function applyTransferred(state: QueueState, e: Ev<'ticket.transferred'>, at: number): QueueState {
  const t = mustTicket(state, e.ticketId);
  const desk = mustDesk(state, e.fromDeskNo);
  const leg = currentLeg(t);
  const lastEnded = leg.startedAt === null ? null : { ticketId: t.id, leg: t.legs.length - 1, at };
  const s = putDesk(state, { ...desk, ticketId: null, lastEnded });
  const ended = patchLeg({ ...t, version: e.version }, { endedAt: at, outcome: 'transferred' });
  const chain = ended.chain.slice();
  chain[t.step] = e.toServiceId;
  return putTicket(s, { ...requeue(ended, e.toServiceId, at, e.toDeskNo), chain });
}

/** visit.rated: the visitor's 1-5 score. */
export function applyRated(state: QueueState, e: Ev<'visit.rated'>): QueueState {
  const t = mustTicket(state, e.ticketId);
  return putTicket(state, { ...t, rating: { score: e.score, reasons: e.reasons }, version: e.version });
}

/** day.closed: listed tickets end as closed (never served today); idle desks close. */
export function applyDayClosed(state: QueueState, e: Ev<'day.closed'>, at: number): QueueState {
  let s = e.date === state.day.date ? state : rollDay(state, e.date);
  for (const { ticketId, version } of e.tickets) {
    const t = mustTicket(s, ticketId);
    if (t.deskNo !== null) s = putDesk(s, { ...mustDesk(s, t.deskNo), ticketId: null });
    s = putTicket(s, patchLeg({ ...t, status: 'closed', deskNo: null, version }, { endedAt: at, outcome: 'closed' }));
  }
  const desks = Object.fromEntries(
    Object.entries(s.desks).map(([k, d]) => [k, d.ticketId === null ? { ...d, open: false, onBreak: null, lastEnded: null } : d]),
  );
  return { ...s, desks, day: { date: e.date, closed: true } };
}
