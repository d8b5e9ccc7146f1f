import { QueueCommandSchema, type QueueCommand, type QueueEvent } from '../../../../contract/queue';
import { decideCallNext, decideCallTicket, decideRecall } from './decide-call';
import { decideCloseDay, decideConfigure, decideImportBookings, decidePause, decideResume } from './decide-center';
import { decideBreakEnd, decideBreakStart, decideCloseDesk, decideOpenDesk } from './decide-desk';
import { decideCheckIn, decideIssueTicket, decideRate } from './decide-issue';
import { decideFinish, decideNoShow, decideStart, decideTransfer } from './decide-serve';
import { Refusal, type Decision } from './errors';
import type { EventDraft, RuleContext } from './guards';
import { findReplay } from './requests';
import type { QueueState } from './state';
import { toIso } from './time';

// The command side: validate, check the rules against the current state, and answer with the events
// to append, or a refusal. Nothing here changes the state; the caller appends the events to the log
// and folds them in with applyEvent.

/** Inputs decide() may not pick up on its own: the time, id generation, and who is asking. */
export interface DecideContext {
  /** Epoch milliseconds. */
  readonly now: number;
  /** A new unique ticket id (the hub uses a UUID; tests a counter). */
  readonly newId: () => string;
  /** The paired client (token) the command came from; scopes request ids. */
  readonly clientId?: string;
}

function rule(state: QueueState, cmd: QueueCommand, ctx: RuleContext): EventDraft[] {
  switch (cmd.type) {
    case 'configure': return decideConfigure(state, cmd);
    case 'import_bookings': return decideImportBookings(state, cmd);
    case 'issue_ticket': return decideIssueTicket(state, cmd, ctx);
    case 'check_in': return decideCheckIn(state, cmd, ctx);
    case 'call_next': return decideCallNext(state, cmd, ctx);
    case 'call_ticket': return decideCallTicket(state, cmd, ctx);
    case 'recall': return decideRecall(state, cmd);
    case 'start': return decideStart(state, cmd);
    case 'finish': return decideFinish(state, cmd);
    case 'no_show': return decideNoShow(state, cmd);
    case 'transfer': return decideTransfer(state, cmd);
    case 'break_start': return decideBreakStart(state, cmd);
    case 'break_end': return decideBreakEnd(state, cmd);
    case 'open_desk': return decideOpenDesk(state, cmd);
    case 'close_desk': return decideCloseDesk(state, cmd);
    case 'pause': return decidePause(state, cmd);
    case 'resume': return decideResume(state);
    case 'close_day': return decideCloseDay(state, ctx);
    case 'rate': return decideRate(state, cmd);
  }
}

/** Decide a command (any input; it is validated here) against the state: events to append, a replay, or a refusal. */
export function decide(state: QueueState, command: unknown, ctx: DecideContext): Decision {
  if (!Number.isFinite(ctx.now)) throw new Error('decide: ctx.now must be epoch milliseconds');
  const parsed = QueueCommandSchema.safeParse(command);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'validation_failed', message } };
  }
  const cmd = parsed.data;
  try {
    const replayOf = findReplay(state, ctx.clientId, cmd.requestId, cmd.type);
    if (replayOf !== undefined) return { ok: true, events: [], replayOf };
    const drafts = rule(state, cmd, { now: ctx.now, newId: ctx.newId });
    const at = toIso(ctx.now);
    const meta = metaOf(cmd, ctx.clientId);
    const events = drafts.map((d) => ({ ...d, at, ...(meta === undefined ? {} : { meta }) }) as QueueEvent);
    return { ok: true, events };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}

function metaOf(cmd: QueueCommand, clientId: string | undefined): QueueEvent['meta'] {
  if (cmd.requestId === undefined && clientId === undefined) return undefined;
  return {
    ...(clientId === undefined ? {} : { clientId }),
    ...(cmd.requestId === undefined ? {} : { requestId: cmd.requestId }),
    command: cmd.type,
  };
}
