import { refuse } from './errors';
import {
  checkVersion, requireConfigured, requireDayOpen, requireDesk, requireHeld, requireNotPaused, requireTicket,
  type Cmd, type EventDraft, type RuleContext,
} from './guards';
import { eligibleFor, pickNext } from './pick-next';
import type { DeskState, QueueState } from './state';

// Calling visitors to a desk. A desk holds at most one visitor; a ticket is held by at most one desk.

function requireCanCall(state: QueueState, desk: DeskState, ctx: RuleContext): void {
  requireConfigured(state);
  requireDayOpen(state, ctx.now);
  requireNotPaused(state, 'call visitors');
  if (desk.onBreak !== null) refuse('desk_on_break', `Desk ${desk.deskNo} is on a break (${desk.onBreak.reason}); end the break to call.`);
  if (desk.ticketId !== null) refuse('desk_busy', `Desk ${desk.deskNo} already holds a visitor; finish, transfer or mark a no-show first.`);
}

function opening(desk: DeskState): EventDraft[] {
  return desk.open ? [] : [{ type: 'desk.opened', deskNo: desk.deskNo }];
}

/** call_next: the fair-order pick for this desk. */
export function decideCallNext(state: QueueState, cmd: Cmd<'call_next'>, ctx: RuleContext): EventDraft[] {
  const desk = requireDesk(state, cmd.deskNo);
  requireCanCall(state, desk, ctx);
  const pick = pickNext(state, desk.deskNo, ctx.now);
  if (pick === null) refuse('queue_empty', `Nobody is waiting for desk ${desk.deskNo}.`);
  const t = pick.ticket;
  return [...opening(desk), { type: 'ticket.called', ticketId: t.id, version: t.version + 1, deskNo: desk.deskNo, reason: pick.reason }];
}

/** call_ticket: the desk calls one waiting ticket out of order (its own services or transferred to it). */
export function decideCallTicket(state: QueueState, cmd: Cmd<'call_ticket'>, ctx: RuleContext): EventDraft[] {
  const desk = requireDesk(state, cmd.deskNo);
  requireCanCall(state, desk, ctx);
  const t = requireTicket(state, cmd.ticketId);
  checkVersion(t, cmd.expectedVersion);
  if (t.status !== 'waiting') refuse('ticket_not_waiting', `Ticket ${t.number} is not waiting (${t.status}).`);
  if (t.targetDeskNo !== null && t.targetDeskNo !== desk.deskNo) {
    refuse('ticket_reserved_for_other_desk', `Ticket ${t.number} was transferred to desk ${t.targetDeskNo}.`);
  }
  if (!eligibleFor(desk, t)) refuse('service_not_served', `Desk ${desk.deskNo} does not serve ticket ${t.number}'s service.`);
  return [...opening(desk), { type: 'ticket.called', ticketId: t.id, version: t.version + 1, deskNo: desk.deskNo, reason: 'manual' }];
}

/** recall: announce the held ticket again, up to settings.maxRecalls times. */
export function decideRecall(state: QueueState, cmd: Cmd<'recall'>): EventDraft[] {
  requireNotPaused(state, 'recall');
  const { desk, ticket } = requireHeld(state, cmd);
  if (ticket.status !== 'called') refuse('ticket_not_called', `Ticket ${ticket.number} is already being served.`);
  const max = state.settings.maxRecalls;
  if (ticket.recalls >= max) {
    refuse('recall_limit', `Ticket ${ticket.number} was recalled ${max} times; it becomes a no-show after the grace time.`);
  }
  return [{ type: 'ticket.recalled', ticketId: ticket.id, version: ticket.version + 1, deskNo: desk.deskNo, recalls: ticket.recalls + 1 }];
}
