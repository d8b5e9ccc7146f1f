import { activeTickets, type QueueState } from './state';
import { effectiveMs } from './time';

// Recall up to N times, then no-show after a grace time. The core has no timers: the hub asks
// noShowDue(state, now) on its own tick and sends a `no_show` command with `auto: true` for each.

export interface NoShowDue {
  readonly ticketId: string;
  readonly deskNo: number;
  readonly version: number;
}

/** Called tickets recalled the maximum number of times whose grace (minus pauses) has run out. */
export function noShowDue(state: QueueState, now: number): NoShowDue[] {
  const { maxRecalls, noShowGraceSec } = state.settings;
  if (state.paused !== null) return [];
  return activeTickets(state)
    .filter(
      (t) => t.status === 'called' && t.deskNo !== null && t.lastCalledAt !== null && t.recalls >= maxRecalls &&
        effectiveMs(state, t.lastCalledAt, now) >= noShowGraceSec * 1000,
    )
    .sort((a, b) => a.order - b.order)
    .map((t) => ({ ticketId: t.id, deskNo: t.deskNo ?? 0, version: t.version }));
}
