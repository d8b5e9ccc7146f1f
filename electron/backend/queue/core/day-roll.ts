import { localDate } from './numbering';
import { activeTickets, normaliseCode, type QueueState } from './state';
import { tableFilter } from './table';

// The first event of a new local day (a ticket issued or the day closed) starts the day: number
// series restart, and what only mattered for earlier days is dropped so the state stays the size of
// one day. Tickets still active (a day that was never closed) are kept with their pauses.

/** The state as it enters local day `date`. */
export function rollDay(state: QueueState, date: string): QueueState {
  const active = activeTickets(state);
  const oldest = active.reduce((min, t) => Math.min(min, t.issuedAt), Number.POSITIVE_INFINITY);
  const tz = state.settings.timeZone;
  const bookings = Object.fromEntries(
    Object.entries(state.bookings).filter(([, b]) => b.ticketId === null && localDate(b.slotAt, tz) >= date),
  );
  const bookingByCode = Object.fromEntries(Object.values(bookings).map((b) => [normaliseCode(b.code), b.id]));
  const desks = Object.fromEntries(Object.entries(state.desks).map(([k, d]) => [k, { ...d, lastEnded: null }]));
  return {
    ...state,
    tickets: tableFilter(state.tickets, (t) => Object.hasOwn(state.active, t.id)),
    bookings, bookingByCode, desks,
    day: { date, closed: false },
    counters: {},
    pauses: state.pauses.filter((p) => p.to > oldest),
    recentCalls: [],
  };
}
