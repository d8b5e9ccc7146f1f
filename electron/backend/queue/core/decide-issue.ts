import type { PriorityCategory } from '../../../../contract/queue';
import { refuse } from './errors';
import {
  requireConfigured, requireDayOpen, requireNotPaused, requireServed, requireTicket, type Cmd, type EventDraft,
  type RuleContext,
} from './guards';
import { formatTicketNumber, localDate, localTime, nextSeq } from './numbering';
import { getService, getTicket, normaliseCode, own, type QueueState } from './state';

// Visitors entering the queue: a ticket from the terminal, a booking check-in, and the rating after.

interface NewTicket {
  serviceId: string;
  nextServiceIds: string[];
  priority: PriorityCategory | null;
  bookingId: string | null;
}

function issued(state: QueueState, ctx: RuleContext, n: NewTicket): EventDraft {
  const service = getService(state, n.serviceId);
  if (service === undefined) refuse('service_not_found', `Service ${n.serviceId} is not offered here.`);
  const date = localDate(ctx.now, state.settings.timeZone);
  const series = n.priority === null ? service.prefix : state.settings.priorityPrefix;
  const seq = nextSeq(state, series, date);
  const ticketId = ctx.newId();
  if (getTicket(state, ticketId) !== undefined) throw new Error(`newId() returned an id already in use: ${ticketId}`);
  return {
    type: 'ticket.issued', ticketId, version: 1, number: formatTicketNumber(series, seq), series, seq, date,
    serviceId: n.serviceId, nextServiceIds: n.nextServiceIds, priority: n.priority, bookingId: n.bookingId,
  };
}

function requireCanEnter(state: QueueState, ctx: RuleContext, action: string): void {
  requireConfigured(state);
  requireDayOpen(state, ctx.now);
  requireNotPaused(state, action);
}

/** issue_ticket: a new visit for a service (and optionally further services in order). */
export function decideIssueTicket(state: QueueState, cmd: Cmd<'issue_ticket'>, ctx: RuleContext): EventDraft[] {
  requireCanEnter(state, ctx, 'issue tickets');
  for (const id of [cmd.serviceId, ...cmd.nextServiceIds]) requireServed(state, id);
  return [issued(state, ctx, { serviceId: cmd.serviceId, nextServiceIds: cmd.nextServiceIds, priority: cmd.priority, bookingId: null })];
}

/** check_in: a booked visitor arrives within [slot - early, slot + late] and gets a ticket. */
export function decideCheckIn(state: QueueState, cmd: Cmd<'check_in'>, ctx: RuleContext): EventDraft[] {
  requireCanEnter(state, ctx, 'check in');
  const id = own(state.bookingByCode, normaliseCode(cmd.code));
  const booking = id === undefined ? undefined : own(state.bookings, id);
  if (booking === undefined) refuse('booking_not_found', 'No booking has this code; check the code or take a regular ticket.');
  if (booking.ticketId !== null) refuse('booking_already_checked_in', 'This booking is already checked in.');
  const { timeZone, checkInEarlyMin, checkInLateMin } = state.settings;
  const opens = booking.slotAt - checkInEarlyMin * 60_000;
  const closes = booking.slotAt + checkInLateMin * 60_000;
  const slot = `${localDate(booking.slotAt, timeZone)} ${localTime(booking.slotAt, timeZone)}`;
  if (ctx.now < opens) {
    refuse('booking_outside_window', `Too early: check-in for the ${slot} slot opens at ${localTime(opens, timeZone)}.`);
  }
  if (ctx.now > closes) {
    refuse('booking_outside_window', `Too late: check-in for the ${slot} slot closed at ${localTime(closes, timeZone)}; take a regular ticket.`);
  }
  requireServed(state, booking.serviceId);
  return [issued(state, ctx, { serviceId: booking.serviceId, nextServiceIds: [], priority: cmd.priority, bookingId: booking.id })];
}

/** rate: the visitor scores a visit that was served at least once; one rating per visit. */
export function decideRate(state: QueueState, cmd: Cmd<'rate'>): EventDraft[] {
  const t = requireTicket(state, cmd.ticketId);
  if (!t.legs.some((l) => l.outcome === 'served')) refuse('ticket_not_served', `Ticket ${t.number} has not been served yet.`);
  if (t.rating !== null) refuse('already_rated', `Ticket ${t.number} is already rated.`);
  return [{ type: 'visit.rated', ticketId: t.id, version: t.version + 1, score: cmd.score, reasons: cmd.reasons }];
}
