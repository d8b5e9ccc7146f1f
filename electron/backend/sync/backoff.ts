/** How retries space out: exponential from `baseMs`, capped at `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): "full jitter" between half and all of
 * min(max, base·2^(attempt-1)), so machines that lost the portal together do not return together.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const cap = Math.min(policy.maxMs, exp);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** A Retry-After header (seconds or HTTP date) in ms from `nowMs`; null when absent or unreadable. */
export function parseRetryAfterMs(header: unknown, nowMs: number): number | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
