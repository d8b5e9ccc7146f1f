/*
 * Clock skew between this kiosk and the portal. Expiry and single use are decided by the
 * portal's clock; the kiosk only warns when its own clock is far off, because a wrong local
 * clock makes every "used at" time and the audit log misleading.
 *
 * skew = portal time - local time at the request's midpoint. The HTTP `Date` header has one-
 * second resolution and is truncated, so the portal's real time lies in [Date, Date + 1 s):
 * we add 500 ms to centre the estimate. Positive skew = the portal is ahead of us.
 */

export const SKEW_WARNING_MS = 60_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// IMF-fixdate only (RFC 9110 §5.6.7), the form every current server sends.
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Parses an HTTP `Date` header (IMF-fixdate) to epoch ms, or null when it is absent or not well-formed; never throws. */
export function parseHttpDate(header: unknown): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.length > 64) return null;
  const m = IMF_FIXDATE.exec(value.trim());
  if (m === null) return null;
  const [day, month, year, hour, minute, second] = [
    Number(m[1]),
    MONTHS.indexOf(m[2] ?? ''),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  ];
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb into March; a real header never does, so refuse it.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}

export interface SkewSample {
  /** The portal's `Date` response header (string, or the array node gives for repeated headers). */
  dateHeader: unknown;
  /** Local epoch ms just before the request was sent. */
  sentAtMs: number;
  /** Local epoch ms when the response headers arrived. */
  receivedAtMs: number;
}

/** The portal clock minus ours in ms (rounded), or null without a usable `Date` header or timings; never throws. */
export function measureClockSkew(sample: SkewSample): number | null {
  const portalMs = parseHttpDate(sample.dateHeader);
  const { sentAtMs, receivedAtMs } = sample;
  if (portalMs === null || !Number.isFinite(sentAtMs) || !Number.isFinite(receivedAtMs)) return null;
  if (receivedAtMs < sentAtMs) return null;
  const midpoint = sentAtMs + (receivedAtMs - sentAtMs) / 2;
  return Math.round(portalMs + 500 - midpoint);
}

/** True when the skew is known and its size is over the threshold (default 60 s). */
export function isSkewWarning(skewMs: number | null | undefined, thresholdMs: number = SKEW_WARNING_MS): boolean {
  return typeof skewMs === 'number' && Number.isFinite(skewMs) && Math.abs(skewMs) > thresholdMs;
}
