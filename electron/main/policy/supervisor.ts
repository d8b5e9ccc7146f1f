// Restart policy for a supervised child (the backend utilityProcess, or a crashed renderer).
// A pure state machine: the caller owns the timers and the clock and feeds events with `now`.

export interface SupervisorOptions {
  /** First restart delay. */
  initialDelayMs: number;
  /** Delay cap: backoff doubles up to here. */
  maxDelayMs: number;
  /** A child that stayed up this long counts as healthy again: backoff resets. */
  stableAfterMs: number;
  /** Give up after this many crashes within `crashWindowMs`. */
  maxCrashes: number;
  crashWindowMs: number;
  /** Give up after this many exits in a row before the child ever got ready (bad config, port in use). */
  maxStartFailures: number;
}

export const DEFAULT_SUPERVISOR_OPTIONS: SupervisorOptions = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxCrashes: 10,
  crashWindowMs: 10 * 60_000,
  maxStartFailures: 3,
};

export type SupervisorPhase = 'idle' | 'starting' | 'running' | 'waiting' | 'gave_up' | 'stopped';

export interface SupervisorState {
  phase: SupervisorPhase;
  /** Restarts since the last healthy period; the exponent of the backoff. */
  attempt: number;
  /** When the current child got ready, if it did. */
  readyAt: number | null;
  /** Crash times inside the crash window. */
  crashes: readonly number[];
  /** Exits in a row that happened before the child got ready. */
  startFailures: number;
}

export type SupervisorEvent =
  | { type: 'start' }
  | { type: 'ready' }
  | { type: 'exited'; code: number | null }
  | { type: 'stop' };

export type SupervisorAction =
  | { kind: 'none' }
  | { kind: 'spawn' }
  | { kind: 'restart'; delayMs: number }
  | { kind: 'give_up'; reason: 'crash_loop' | 'never_ready' };

export interface SupervisorStep {
  state: SupervisorState;
  action: SupervisorAction;
}

/** The state before the child was ever started. */
export function initialSupervisorState(): SupervisorState {
  return { phase: 'idle', attempt: 0, readyAt: null, crashes: [], startFailures: 0 };
}

/** Decides what to do after `event` at time `now`: spawn, restart after a delay, give up, or nothing. */
export function nextRestart(
  state: SupervisorState,
  event: SupervisorEvent,
  now: number,
  options: SupervisorOptions = DEFAULT_SUPERVISOR_OPTIONS,
): SupervisorStep {
  const none: SupervisorAction = { kind: 'none' };
  if (state.phase === 'stopped') return { state, action: none };
  switch (event.type) {
    case 'start':
      // A 'start' after giving up is the operator's explicit retry: forget the history.
      if (state.phase === 'gave_up' || state.phase === 'idle' || state.phase === 'waiting') {
        const fresh = state.phase === 'waiting' ? state : initialSupervisorState();
        return { state: { ...fresh, phase: 'starting', readyAt: null }, action: { kind: 'spawn' } };
      }
      return { state, action: none };
    case 'ready':
      if (state.phase !== 'starting') return { state, action: none };
      return { state: { ...state, phase: 'running', readyAt: now, startFailures: 0 }, action: none };
    case 'stop':
      return { state: { ...state, phase: 'stopped' }, action: none };
    case 'exited':
      if (state.phase !== 'starting' && state.phase !== 'running') return { state, action: none };
      return afterExit(state, now, options);
  }
}

/** The heart of the policy: reset after a healthy run, count crashes, back off or give up. */
function afterExit(state: SupervisorState, now: number, options: SupervisorOptions): SupervisorStep {
  const wasStable = state.readyAt !== null && now - state.readyAt >= options.stableAfterMs;
  const attempt = wasStable ? 0 : state.attempt;
  const crashes = [...state.crashes.filter((t) => now - t < options.crashWindowMs), now];
  const startFailures = state.readyAt === null ? state.startFailures + 1 : 0;
  const base: SupervisorState = { phase: 'waiting', attempt: attempt + 1, readyAt: null, crashes, startFailures };
  if (startFailures >= options.maxStartFailures) {
    return { state: { ...base, phase: 'gave_up' }, action: { kind: 'give_up', reason: 'never_ready' } };
  }
  if (crashes.length >= options.maxCrashes) {
    return { state: { ...base, phase: 'gave_up' }, action: { kind: 'give_up', reason: 'crash_loop' } };
  }
  return { state: base, action: { kind: 'restart', delayMs: backoffDelay(attempt, options) } };
}

/** Exponential backoff: initial × 2^attempt, capped. */
export function backoffDelay(attempt: number, options: SupervisorOptions = DEFAULT_SUPERVISOR_OPTIONS): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  return Math.min(options.initialDelayMs * 2 ** exponent, options.maxDelayMs);
}
