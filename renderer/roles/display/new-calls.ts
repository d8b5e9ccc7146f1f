import type { DisplayView } from '../../../contract/queue';

type RecentCall = DisplayView['recentCalls'][number];

/** Identity of one call or recall on the display. */
export function callKey(call: RecentCall): string {
  return `${call.ticketId}|${call.at}|${call.recall ? 'r' : 'c'}`;
}

/**
 * Calls in `next` not seen in `previous`, oldest first (so they are announced in the order made).
 * With no previous view (the display just started) nothing is new: old calls are not re-announced.
 */
export function newCalls(previous: DisplayView | null, next: DisplayView): RecentCall[] {
  if (!previous) return [];
  const seen = new Set(previous.recentCalls.map(callKey));
  return next.recentCalls.filter((call) => !seen.has(callKey(call))).reverse();
}
