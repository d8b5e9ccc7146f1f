/*
 * When to refresh the portal session token (pure). The portal gives a token for `expiresIn`
 * seconds (2 h); we refresh once REFRESH_FRACTION of that life has passed, so a check never
 * goes out with a token about to die, and clock jitter or a slow refresh has room.
 */

export const REFRESH_FRACTION = 0.8;

/** A portal session token and when it was obtained (local epoch ms). */
export interface HeldToken {
  token: string;
  obtainedAtMs: number;
  expiresInS: number;
}

/** Epoch ms at which `held` should be replaced (80 % of its life by default). */
export function refreshDueAtMs(held: HeldToken, fraction = REFRESH_FRACTION): number {
  const f = Math.min(Math.max(fraction, 0), 1);
  return held.obtainedAtMs + Math.floor(held.expiresInS * 1000 * f);
}

/** True when `held` is missing or due for refresh at `nowMs` (also when the clock went backwards past obtaining it). */
export function needsRefresh(held: HeldToken | null, nowMs: number, fraction = REFRESH_FRACTION): boolean {
  if (held === null) return true;
  if (nowMs < held.obtainedAtMs) return true;
  return nowMs >= refreshDueAtMs(held, fraction);
}
