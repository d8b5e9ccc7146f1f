import { refuse } from './errors';
import { requireDesk, type Cmd, type EventDraft } from './guards';
import type { QueueState } from './state';

// A desk's own state: open, closed, on a break.

/** open_desk: the desk is staffed (a call opens it too); nothing to do if already open. */
export function decideOpenDesk(state: QueueState, cmd: Cmd<'open_desk'>): EventDraft[] {
  const desk = requireDesk(state, cmd.deskNo);
  return desk.open ? [] : [{ type: 'desk.opened', deskNo: desk.deskNo }];
}

/** close_desk: end of shift; refused while it holds a visitor. */
export function decideCloseDesk(state: QueueState, cmd: Cmd<'close_desk'>): EventDraft[] {
  const desk = requireDesk(state, cmd.deskNo);
  if (desk.ticketId !== null) refuse('desk_busy', `Desk ${desk.deskNo} still holds a visitor; finish, transfer or mark a no-show first.`);
  return !desk.open && desk.onBreak === null ? [] : [{ type: 'desk.closed', deskNo: desk.deskNo }];
}

/** break_start: the desk stops calling; refused while it holds a visitor or is already on a break. */
export function decideBreakStart(state: QueueState, cmd: Cmd<'break_start'>): EventDraft[] {
  const desk = requireDesk(state, cmd.deskNo);
  if (desk.onBreak !== null) refuse('desk_on_break', `Desk ${desk.deskNo} is already on a break.`);
  if (desk.ticketId !== null) refuse('desk_busy', `Desk ${desk.deskNo} still holds a visitor; finish, transfer or mark a no-show first.`);
  return [{ type: 'desk.break_started', deskNo: desk.deskNo, reason: cmd.reason }];
}

/** break_end: the desk can call again. */
export function decideBreakEnd(state: QueueState, cmd: Cmd<'break_end'>): EventDraft[] {
  const desk = requireDesk(state, cmd.deskNo);
  if (desk.onBreak === null) refuse('desk_not_on_break', `Desk ${desk.deskNo} is not on a break.`);
  return [{ type: 'desk.break_ended', deskNo: desk.deskNo }];
}
