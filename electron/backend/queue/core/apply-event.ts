import type { QueueEvent, QueueEventOf } from '../../../../contract/queue';
import {
  applyCalled, applyDayClosed, applyFinished, applyIssued, applyNoShow, applyRated, applyRecalled, applyStarted,
  applyTransferred,
} from './apply-ticket';
import { recordRequest } from './requests';
import { getDesk, normaliseCode, own, type DeskState, type QueueState } from './state';
import { fromIso } from './time';

// The projection: the only way the state changes. Pure: a new state object is returned, the old one
// is untouched and shares every part that did not change.

/** The state after one event. */
export function applyEvent(state: QueueState, event: QueueEvent): QueueState {
  return recordRequest(applyDomain(state, event), event);
}

/** The state after each event in turn, starting from `state`. */
export function applyEvents(state: QueueState, events: readonly QueueEvent[]): QueueState {
  return events.reduce(applyEvent, state);
}

function applyDomain(state: QueueState, e: QueueEvent): QueueState {
  const at = fromIso(e.at);
  switch (e.type) {
    case 'center.configured': return applyConfigured(state, e);
    case 'bookings.imported': return applyBookings(state, e);
    case 'ticket.issued': return applyIssued(state, e, at);
    case 'ticket.called': return applyCalled(state, e, at);
    case 'ticket.recalled': return applyRecalled(state, e, at);
    case 'ticket.started': return applyStarted(state, e, at);
    case 'ticket.finished': return applyFinished(state, e, at);
    case 'ticket.no_show': return applyNoShow(state, e, at);
    case 'ticket.transferred': return applyTransferred(state, e, at);
    case 'visit.rated': return applyRated(state, e);
    case 'day.closed': return applyDayClosed(state, e, at);
    case 'desk.opened': return patchDesk(state, e.deskNo, () => ({ open: true }));
    case 'desk.closed': return patchDesk(state, e.deskNo, () => ({ open: false, onBreak: null, lastEnded: null }));
    case 'desk.break_started': return patchDesk(state, e.deskNo, () => ({ onBreak: { reason: e.reason, since: at }, lastEnded: null }));
    case 'desk.break_ended': return patchDesk(state, e.deskNo, () => ({ onBreak: null }));
    case 'center.paused': return { ...state, paused: { since: at, reason: e.reason } };
    case 'center.resumed': return applyResumed(state, at);
  }
}

function patchDesk(state: QueueState, deskNo: number, patch: (d: DeskState) => Partial<DeskState>): QueueState {
  const d = getDesk(state, deskNo);
  if (d === undefined) throw new Error(`queue log inconsistent: unknown desk ${deskNo}`);
  return { ...state, desks: { ...state.desks, [String(deskNo)]: { ...d, ...patch(d) } } };
}

function applyResumed(state: QueueState, at: number): QueueState {
  if (state.paused === null) return state;
  return { ...state, paused: null, pauses: [...state.pauses, { from: state.paused.since, to: at }] };
}

/** New services and desks; a desk kept by number keeps its live state (open, break, visitor). */
function applyConfigured(state: QueueState, e: QueueEventOf<'center.configured'>): QueueState {
  const services = Object.fromEntries(e.services.map((s) => [s.id, s]));
  const desks = Object.fromEntries(
    e.desks.map((d): [string, DeskState] => {
      const old = own(state.desks, d.deskNo);
      const fresh: DeskState = {
        deskNo: d.deskNo, serviceIds: d.serviceIds, open: false, onBreak: null, ticketId: null, consecutivePriority: 0, lastEnded: null,
      };
      return [String(d.deskNo), old === undefined ? fresh : { ...old, serviceIds: d.serviceIds }];
    }),
  );
  const handleSamples = Object.fromEntries(Object.entries(state.handleSamples).filter(([id]) => Object.hasOwn(services, id)));
  return {
    ...state, configured: true, settings: e.settings, services, serviceOrder: e.services.map((s) => s.id), desks, handleSamples,
  };
}

/** Bookings added or updated by id; a booking already checked in keeps its ticket. */
function applyBookings(state: QueueState, e: QueueEventOf<'bookings.imported'>): QueueState {
  const bookings = { ...state.bookings };
  const byCode = { ...state.bookingByCode };
  for (const b of e.bookings) {
    const old = own(bookings, b.id);
    if (old !== undefined) delete byCode[normaliseCode(old.code)];
    bookings[b.id] = { ...b, slotAt: fromIso(b.slotStart), ticketId: old?.ticketId ?? null };
    byCode[normaliseCode(b.code)] = b.id;
  }
  return { ...state, bookings, bookingByCode: byCode };
}
