import { refuse } from './errors';
import { requireDesk, requireHeld, requireNotPaused, requireService, requireServed, type Cmd, type EventDraft } from './guards';
import type { QueueState } from './state';

// What a desk does with the visitor it holds: start, finish, no-show, transfer.

/** start: the called visitor arrived at the desk. */
export function decideStart(state: QueueState, cmd: Cmd<'start'>): EventDraft[] {
  requireNotPaused(state, 'start serving');
  const { desk, ticket } = requireHeld(state, cmd);
  if (ticket.status !== 'called') refuse('ticket_not_called', `Ticket ${ticket.number} is already being served.`);
  return [{ type: 'ticket.started', ticketId: ticket.id, version: ticket.version + 1, deskNo: desk.deskNo }];
}

/** finish: the leg is done; the visit goes on to its next service (keeping its issue time) or ends. */
export function decideFinish(state: QueueState, cmd: Cmd<'finish'>): EventDraft[] {
  const { desk, ticket } = requireHeld(state, cmd);
  if (ticket.status !== 'serving') refuse('ticket_not_serving', `Ticket ${ticket.number} has not been started.`);
  const nextServiceId = ticket.chain[ticket.step + 1] ?? null;
  return [{ type: 'ticket.finished', ticketId: ticket.id, version: ticket.version + 1, deskNo: desk.deskNo, nextServiceId }];
}

/** no_show: the called visitor did not come (by the desk, or by the hub once noShowDue says so). */
export function decideNoShow(state: QueueState, cmd: Cmd<'no_show'>): EventDraft[] {
  requireNotPaused(state, 'mark a no-show');
  const { desk, ticket } = requireHeld(state, cmd);
  if (ticket.status !== 'called') refuse('ticket_not_called', `Ticket ${ticket.number} is already being served; finish or transfer it.`);
  return [{ type: 'ticket.no_show', ticketId: ticket.id, version: ticket.version + 1, deskNo: desk.deskNo, auto: cmd.auto }];
}

/** transfer: send the held visitor to another service and/or desk; they keep their original issue time. */
export function decideTransfer(state: QueueState, cmd: Cmd<'transfer'>): EventDraft[] {
  const { desk, ticket } = requireHeld(state, cmd);
  const toServiceId = cmd.to.serviceId ?? ticket.serviceId;
  requireService(state, toServiceId);
  const toDeskNo = cmd.to.deskNo ?? null;
  if (toDeskNo !== null) {
    const target = requireDesk(state, toDeskNo);
    if (!target.serviceIds.includes(toServiceId)) refuse('service_not_served', `Desk ${toDeskNo} does not serve service ${toServiceId}.`);
    if (toDeskNo === desk.deskNo && toServiceId === ticket.serviceId) refuse('transfer_to_same_place', 'The visitor is already here.');
  } else {
    if (toServiceId === ticket.serviceId) refuse('transfer_to_same_place', `Ticket ${ticket.number} is already in service ${toServiceId}.`);
    requireServed(state, toServiceId);
  }
  return [{
    type: 'ticket.transferred', ticketId: ticket.id, version: ticket.version + 1, fromDeskNo: desk.deskNo,
    toServiceId, toDeskNo, reason: cmd.reason,
  }];
}
