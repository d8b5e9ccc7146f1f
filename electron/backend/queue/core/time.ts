import type { QueueState } from './state';

// Time arithmetic of the queue. All instants are epoch milliseconds; the only clock is the `now`
// a caller passes in. Air-raid pauses freeze every wait clock, so durations exclude them.

/** Epoch ms → ISO 8601 in UTC (what events carry). */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO 8601 → epoch ms. */
export function fromIso(iso: string): number {
  return Date.parse(iso);
}

/** Milliseconds of [from, to) that fell inside air-raid pauses, including a pause still running. */
export function pausedWithin(state: QueueState, from: number, to: number): number {
  let total = 0;
  const overlap = (a: number, b: number): void => {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi > lo) total += hi - lo;
  };
  for (const p of state.pauses) overlap(p.from, p.to);
  if (state.paused !== null) overlap(state.paused.since, to);
  return total;
}

/** Duration from → to minus paused time, never negative. */
export function effectiveMs(state: QueueState, from: number, to: number): number {
  return Math.max(0, to - from - pausedWithin(state, from, to));
}
