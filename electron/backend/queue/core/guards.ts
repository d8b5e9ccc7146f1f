import type { QueueCommand, QueueCommandType, QueueEvent } from '../../../../contract/queue';
import { refuse } from './errors';
import { localDate } from './numbering';
import { getDesk, getService, getTicket, type DeskState, type QueueState, type Ticket } from './state';

// Checks shared by the command rules. Each returns what it checked or refuses the command.

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a rule produces it; decide() stamps `at` and `meta`. */
export type EventDraft = DistributiveOmit<QueueEvent, 'at' | 'meta'>;

/** The parsed command of one type. */
export type Cmd<T extends QueueCommandType> = Extract<QueueCommand, { type: T }>;

/** What every rule receives besides the state and the command. */
export interface RuleContext {
  readonly now: number;
  readonly newId: () => string;
}

/** Refuse unless the center has been configured with services and desks. */
export function requireConfigured(state: QueueState): void {
  if (!state.configured) refuse('not_configured', 'The queue has no services and desks configured yet.');
}

/** The desk, or refuse. */
export function requireDesk(state: QueueState, deskNo: number): DeskState {
  const desk = getDesk(state, deskNo);
  if (desk === undefined) refuse('desk_not_found', `Desk ${deskNo} is not configured.`);
  return desk;
}

/** Refuse while the center is paused for an air raid. */
export function requireNotPaused(state: QueueState, action: string): void {
  if (state.paused !== null) refuse('center_paused', `The center is paused (air-raid alert): cannot ${action} until it resumes.`);
}

/** Refuse after the day was closed, until the next local day begins. */
export function requireDayOpen(state: QueueState, now: number): void {
  if (state.day.closed && state.day.date === localDate(now, state.settings.timeZone)) {
    refuse('day_closed', `The day ${state.day.date} is closed; the queue opens again tomorrow.`);
  }
}

/** The ticket, or refuse. */
export function requireTicket(state: QueueState, ticketId: string): Ticket {
  const t = getTicket(state, ticketId);
  if (t === undefined) refuse('ticket_not_found', `Ticket ${ticketId} does not exist (or belongs to an earlier day).`);
  return t;
}

/** Refuse when the client acted on an older version of the ticket than the current one. */
export function checkVersion(t: Ticket, expected: number | undefined): void {
  if (expected !== undefined && expected !== t.version) {
    refuse('version_conflict', `Ticket ${t.number} changed meanwhile (version ${t.version}, expected ${expected}); reload and retry.`);
  }
}

/** The desk and the ticket it holds (called or serving), or refuse. */
export function requireHeld(
  state: QueueState,
  cmd: { deskNo: number; ticketId: string; expectedVersion?: number | undefined },
): { desk: DeskState; ticket: Ticket } {
  const desk = requireDesk(state, cmd.deskNo);
  const ticket = requireTicket(state, cmd.ticketId);
  if (desk.ticketId !== ticket.id || ticket.deskNo !== desk.deskNo) {
    refuse('ticket_not_held_by_desk', `Ticket ${ticket.number} is not held by desk ${desk.deskNo}.`);
  }
  checkVersion(ticket, cmd.expectedVersion);
  return { desk, ticket };
}

/** Refuse unless the service exists. */
export function requireService(state: QueueState, serviceId: string): void {
  if (getService(state, serviceId) === undefined) refuse('service_not_found', `Service ${serviceId} is not offered here.`);
}

/** True when at least one configured desk serves the service (breaks and closed desks count: they return). */
export function isServed(state: QueueState, serviceId: string): boolean {
  return Object.values(state.desks).some((d) => d.serviceIds.includes(serviceId));
}

/** Refuse unless the service exists and some desk serves it. */
export function requireServed(state: QueueState, serviceId: string): void {
  requireService(state, serviceId);
  if (!isServed(state, serviceId)) refuse('service_not_served', `No desk serves service ${serviceId}.`);
}
