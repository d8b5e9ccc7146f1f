import type { Logger } from '../logging/logger';
import { localDate, noShowDue } from './core';
import type { QueueHub } from './hub';

// The hub's clock-driven commands, on one timer: visitors recalled the maximum number of times
// become no-shows once their grace time has run out, and a day still open at the center's local
// midnight is closed (dated the old day, at its last millisecond, so the new day opens normally).

export const HUB_CLIENT_ID = 'hub';

/** The last millisecond that still falls on local `date` (binary search: DST-safe, no tz arithmetic). */
export function lastInstantOfLocalDate(date: string, timeZone: string, laterMs: number): number {
  // Noon UTC of `date` is on that local date for every zone within ±11 h of UTC.
  let lo = Math.min(Date.parse(`${date}T12:00:00Z`), laterMs);
  let hi = laterMs;
  if (localDate(hi, timeZone) <= date) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(mid, timeZone) <= date) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** One tick: auto no-shows, then the midnight close. Returns how many commands were committed. */
export async function tickQueue(hub: QueueHub, log: Logger): Promise<number> {
  let done = 0;
  const now = hub.nowMs();
  for (const due of noShowDue(hub.current, now)) {
    const r = await hub.submit({ type: 'no_show', deskNo: due.deskNo, ticketId: due.ticketId, expectedVersion: due.version, auto: true }, HUB_CLIENT_ID);
    if (r.ok) done++;
  }
  const { day, settings, configured } = hub.current;
  if (configured && day.date !== null && !day.closed && localDate(now, settings.timeZone) > day.date) {
    const at = lastInstantOfLocalDate(day.date, settings.timeZone, now);
    const r = await hub.submit({ type: 'close_day' }, HUB_CLIENT_ID, at);
    if (r.ok) {
      done++;
      log.info({ date: day.date }, 'queue day closed at local midnight');
    } else {
      log.warn({ errorCode: r.error.code }, 'closing the day at midnight was refused');
    }
  }
  return done;
}

/** Run tickQueue every `everyMs`; returns the stop function. */
export function startQueueTimer(hub: QueueHub, log: Logger, everyMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = tickQueue(hub, log)
      .catch((error: unknown) => log.error({ err: error }, 'queue timer tick failed'))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
