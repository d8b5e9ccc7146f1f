import type { QueueState } from './state';

// Ticket numbers: series letter + at least 3 digits (`А-012`, `П-003`). Each series restarts at the
// center's local midnight. The local date comes from Intl with the center's time zone, so DST days
// (23 or 25 hours long in Europe/Kyiv) are handled by the tz database, not by hour arithmetic.
// After 999 the number simply grows to 4 digits (`А-1000`): a number never repeats within a day.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The last minute formatted per time zone: every command asks for "today", and formatToParts is slow. */
const lastMinute = new Map<string, { minute: number; parts: Readonly<Record<string, string>> }>();

// Offsets of time zones in use are whole minutes, so every instant of one UTC minute has the same
// local date, hour and minute.
function localParts(ms: number, timeZone: string): Readonly<Record<string, string>> {
  const minute = Math.floor(ms / 60_000);
  const hit = lastMinute.get(timeZone);
  if (hit !== undefined && hit.minute === minute) return hit.parts;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  lastMinute.set(timeZone, { minute, parts });
  return parts;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in the given time zone. */
export function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The local hour (0-23) of an instant; the repeated hour of a DST fall-back day maps to one bucket. */
export function localHour(ms: number, timeZone: string): number {
  return Number(localParts(ms, timeZone).hour);
}

/** The local wall-clock time `HH:MM` of an instant (for messages). */
export function localTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** Display number: series letter, a dash, the sequence padded to 3 digits (wider past 999). */
export function formatTicketNumber(series: string, seq: number): string {
  return `${series}-${String(seq).padStart(3, '0')}`;
}

/** The next sequence in `series` for local `date`: 1 on a new day, else one past the last issued. */
export function nextSeq(state: QueueState, series: string, date: string): number {
  if (state.day.date !== date) return 1;
  return (Object.hasOwn(state.counters, series) ? (state.counters[series] ?? 0) : 0) + 1;
}
