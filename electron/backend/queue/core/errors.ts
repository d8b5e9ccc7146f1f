import type { QueueError, QueueErrorCode, QueueEvent } from '../../../../contract/queue';

// A refused command: decide() throws a Refusal from deep inside a rule and turns it into a
// returned QueueError at its edge, so every rule reads as a straight line of checks.

/** Thrown by rules inside decide(); never escapes decide(). */
export class Refusal extends Error {
  readonly error: QueueError;
  constructor(code: QueueErrorCode, message: string) {
    super(message);
    this.name = 'Refusal';
    this.error = { code, message };
  }
}

/** Stop the current command with a machine code and a plain English message. */
export function refuse(code: QueueErrorCode, message: string): never {
  throw new Refusal(code, message);
}

/**
 * The outcome of decide():
 * - `ok` with `events` to append (possibly none when nothing needs to change);
 * - `ok` with `events: []` and `replayOf`: the request id was already handled, these are the events it
 *   produced then (answer with them; append nothing);
 * - not `ok`: refused, nothing to append.
 */
export type Decision =
  | { readonly ok: true; readonly events: readonly QueueEvent[]; readonly replayOf?: readonly QueueEvent[] }
  | { readonly ok: false; readonly error: QueueError };
