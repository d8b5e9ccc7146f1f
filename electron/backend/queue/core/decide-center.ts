import { refuse } from './errors';
import { requireConfigured, requireDayOpen, requireService, type Cmd, type EventDraft, type RuleContext } from './guards';
import { localDate } from './numbering';
import { activeTickets, normaliseCode, own, type QueueState } from './state';

// Center-wide commands: configuration, bookings, the air-raid pause, closing the day.

/** configure: replace services, desks and settings; refused if it would orphan a live ticket. */
export function decideConfigure(state: QueueState, cmd: Cmd<'configure'>): EventDraft[] {
  const ids = new Set<string>();
  const prefixes = new Set<string>();
  for (const s of cmd.services) {
    if (ids.has(s.id)) refuse('config_invalid', `Service id ${s.id} appears twice.`);
    if (prefixes.has(s.prefix)) refuse('config_invalid', `Prefix ${s.prefix} is used by two services; each service needs its own series.`);
    if (s.prefix === cmd.settings.priorityPrefix) refuse('config_invalid', `Prefix ${s.prefix} is reserved for the priority series.`);
    ids.add(s.id);
    prefixes.add(s.prefix);
  }
  const desks = new Set<number>();
  for (const d of cmd.desks) {
    if (desks.has(d.deskNo)) refuse('config_invalid', `Desk ${d.deskNo} appears twice.`);
    desks.add(d.deskNo);
    const unknown = d.serviceIds.find((id) => !ids.has(id));
    if (unknown !== undefined) refuse('config_invalid', `Desk ${d.deskNo} serves unknown service ${unknown}.`);
  }
  for (const t of activeTickets(state)) {
    const lost = t.chain.slice(t.step).find((id) => !ids.has(id));
    if (lost !== undefined) refuse('config_conflict', `Ticket ${t.number} still needs service ${lost}; serve or close it first.`);
    if (t.deskNo !== null && !desks.has(t.deskNo)) refuse('config_conflict', `Desk ${t.deskNo} holds ticket ${t.number}; it cannot be removed now.`);
    if (t.targetDeskNo !== null && !desks.has(t.targetDeskNo)) refuse('config_conflict', `Ticket ${t.number} waits for desk ${t.targetDeskNo}; it cannot be removed now.`);
  }
  return [{ type: 'center.configured', services: cmd.services, desks: cmd.desks, settings: cmd.settings }];
}

/** import_bookings: add or update bookings from the portal. */
export function decideImportBookings(state: QueueState, cmd: Cmd<'import_bookings'>): EventDraft[] {
  requireConfigured(state);
  const codes = new Map<string, string>();
  for (const b of cmd.bookings) {
    requireService(state, b.serviceId);
    const code = normaliseCode(b.code);
    const holder = codes.get(code) ?? own(state.bookingByCode, code);
    if (holder !== undefined && holder !== b.id) refuse('validation_failed', `Booking code ${b.code} is used by two bookings.`);
    codes.set(code, b.id);
  }
  return [{ type: 'bookings.imported', bookings: cmd.bookings }];
}

/** pause: the air-raid alert; every wait clock freezes. */
export function decidePause(state: QueueState, cmd: Cmd<'pause'>): EventDraft[] {
  if (state.paused !== null) refuse('center_paused', 'The center is already paused.');
  return [{ type: 'center.paused', reason: cmd.reason }];
}

/** resume: the alert is over; the queue continues in the same order. */
export function decideResume(state: QueueState): EventDraft[] {
  if (state.paused === null) refuse('center_not_paused', 'The center is not paused.');
  return [{ type: 'center.resumed' }];
}

/** close_day: tickets still waiting or called end as closed; a running pause ends first. */
export function decideCloseDay(state: QueueState, ctx: RuleContext): EventDraft[] {
  requireConfigured(state);
  requireDayOpen(state, ctx.now);
  const closing = activeTickets(state)
    .filter((t) => t.status === 'waiting' || t.status === 'called')
    .sort((a, b) => a.order - b.order)
    .map((t) => ({ ticketId: t.id, version: t.version + 1 }));
  const resume: EventDraft[] = state.paused === null ? [] : [{ type: 'center.resumed' }];
  return [...resume, { type: 'day.closed', date: localDate(ctx.now, state.settings.timeZone), tickets: closing }];
}
