import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_SUPERVISOR_OPTIONS as OPTS,
  initialSupervisorState,
  nextRestart,
  type SupervisorEvent,
  type SupervisorState,
  type SupervisorStep,
} from '../../../electron/main/policy/supervisor';

/** Feeds events in order, each at its time, and returns every step. */
function run(events: [SupervisorEvent, number][], start: SupervisorState = initialSupervisorState()): SupervisorStep[] {
  const steps: SupervisorStep[] = [];
  let state = start;
  for (const [event, now] of events) {
    const step = nextRestart(state, event, now);
    steps.push(step);
    state = step.state;
  }
  return steps;
}

/** A child that gets ready and then crashes `upMs` later, `times` times, restarting when told. */
function crashLoop(times: number, upMs: number): SupervisorStep[] {
  let now = 0;
  let state = nextRestart(initialSupervisorState(), { type: 'start' }, 0).state;
  const steps: SupervisorStep[] = [];
  for (let i = 0; i < times; i += 1) {
    for (const event of [{ type: 'ready' }, { type: 'exited', code: 1 }] as SupervisorEvent[]) {
      now += event.type === 'exited' ? upMs : 0;
      const step = nextRestart(state, event, now);
      steps.push(step);
      state = step.state;
    }
    const last = steps.at(-1);
    if (last?.action.kind !== 'restart') break;
    now += last.action.delayMs;
    state = nextRestart(state, { type: 'start' }, now).state;
  }
  return steps;
}

describe('nextRestart', () => {
  it('spawns on start and runs once ready', () => {
    const [started, ready] = run([
      [{ type: 'start' }, 0],
      [{ type: 'ready' }, 100],
    ]);
    expect(started?.action).toEqual({ kind: 'spawn' });
    expect(ready?.state.phase).toBe('running');
    expect(ready?.state.readyAt).toBe(100);
  });

  it('backs off exponentially from 0.5 s and caps at 30 s', () => {
    const delays = crashLoop(9, 1_000)
      .map((s) => s.action)
      .flatMap((a) => (a.kind === 'restart' ? [a.delayMs] : []));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('resets the backoff after the child stayed up for 60 s', () => {
    const [, , firstCrash] = run([
      [{ type: 'start' }, 0],
      [{ type: 'ready' }, 0],
      [{ type: 'exited', code: 1 }, 1_000],
    ]);
    const state = firstCrash?.state as SupervisorState;
    const steps = run(
      [
        [{ type: 'start' }, 2_000],
        [{ type: 'ready' }, 2_100],
        [{ type: 'exited', code: 1 }, 2_100 + 59_999],
      ],
      state,
    );
    expect(steps[2]?.action).toEqual({ kind: 'restart', delayMs: 1_000 });
    const stable = run(
      [
        [{ type: 'start' }, 2_000],
        [{ type: 'ready' }, 2_100],
        [{ type: 'exited', code: 1 }, 2_100 + 60_000],
      ],
      state,
    );
    expect(stable[2]?.action).toEqual({ kind: 'restart', delayMs: 500 });
  });

  it('gives up after too many crashes within the window', () => {
    const steps = crashLoop(20, 1_000);
    expect(steps.at(-1)?.action).toEqual({ kind: 'give_up', reason: 'crash_loop' });
    expect(steps.filter((s) => s.action.kind === 'restart')).toHaveLength(OPTS.maxCrashes - 1);
    expect(steps.at(-1)?.state.phase).toBe('gave_up');
  });

  it('keeps restarting a child that crashes rarely', () => {
    // Up 70 s each time: never inside the crash window ten times over, backoff resets each time.
    const steps = crashLoop(12, 70_000);
    expect(steps.every((s) => s.action.kind !== 'give_up')).toBe(true);
  });

  it('gives up quickly on a child that never gets ready (bad config, port in use)', () => {
    const steps = run([
      [{ type: 'start' }, 0],
      [{ type: 'exited', code: 1 }, 50],
      [{ type: 'start' }, 550],
      [{ type: 'exited', code: 1 }, 600],
      [{ type: 'start' }, 1_600],
      [{ type: 'exited', code: 1 }, 1_650],
    ]);
    expect(steps.map((s) => s.action.kind)).toEqual(['spawn', 'restart', 'spawn', 'restart', 'spawn', 'give_up']);
    expect(steps.at(-1)?.action).toEqual({ kind: 'give_up', reason: 'never_ready' });
  });

  it('retries from scratch when started again after giving up', () => {
    const gaveUp = crashLoop(20, 1_000).at(-1)?.state as SupervisorState;
    const retry = nextRestart(gaveUp, { type: 'start' }, 10_000_000);
    expect(retry.action).toEqual({ kind: 'spawn' });
    expect(retry.state).toMatchObject({ phase: 'starting', attempt: 0, crashes: [], startFailures: 0 });
  });

  it('does nothing once stopped, and ignores exits it did not expect', () => {
    const steps = run([
      [{ type: 'start' }, 0],
      [{ type: 'stop' }, 10],
      [{ type: 'exited', code: 0 }, 20],
      [{ type: 'start' }, 30],
    ]);
    expect(steps.slice(1).map((s) => s.action.kind)).toEqual(['none', 'none', 'none']);
    expect(nextRestart(initialSupervisorState(), { type: 'exited', code: 1 }, 0).action.kind).toBe('none');
    expect(nextRestart(initialSupervisorState(), { type: 'ready' }, 0).state.phase).toBe('idle');
  });

  it('never restarts faster than 0.5 s or slower than 30 s, whatever happens', () => {
    const event = fc.oneof(
      fc.constant<SupervisorEvent>({ type: 'start' }),
      fc.constant<SupervisorEvent>({ type: 'ready' }),
      fc.integer({ min: 0, max: 255 }).map<SupervisorEvent>((code) => ({ type: 'exited', code })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 120_000 })), { maxLength: 60 }), (script) => {
        let state = initialSupervisorState();
        let now = 0;
        for (const [e, gap] of script) {
          now += gap;
          const step = nextRestart(state, e, now);
          state = step.state;
          if (step.action.kind === 'restart') {
            expect(step.action.delayMs).toBeGreaterThanOrEqual(OPTS.initialDelayMs);
            expect(step.action.delayMs).toBeLessThanOrEqual(OPTS.maxDelayMs);
          }
          expect(state.crashes.length).toBeLessThanOrEqual(OPTS.maxCrashes);
        }
      }),
    );
  });
});

describe('backoffDelay', () => {
  it('doubles and caps', () => {
    expect([0, 1, 2, 5, 6, 100, -3].map((a) => backoffDelay(a))).toEqual([500, 1_000, 2_000, 16_000, 30_000, 30_000, 500]);
  });
});
