import { getTicket, type QueueState, type Ticket } from './state';
import { tableValues } from './table';

// Finding a visit the way a visitor names it: by the id in their ticket's QR, or by the number
// printed on it, typed on a kiosk (`А-012`, `а12`, `A 012` with a Latin A all mean the same ticket).

// Latin capitals that look like the Cyrillic series letters: a kiosk keyboard or a visitor may type either.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};

/** Series letter and sequence of a typed ticket number, or null when it is not one. */
export function parseTicketNumber(text: string): { series: string; seq: number } | null {
  const compact = text.normalize('NFC').toLocaleUpperCase('uk').replace(/[\s\-‐–—_.]/g, '');
  const match = /^(\p{Lu})(\d{1,6})$/u.exec(compact);
  if (match === null) return null;
  const letter = match[1] ?? '';
  const seq = Number(match[2]);
  return seq >= 1 ? { series: LOOK_ALIKES[letter] ?? letter, seq } : null;
}

/** Today's ticket with a typed number (numbers never repeat within a day), or undefined. */
export function findTicketByNumber(state: QueueState, text: string): Ticket | undefined {
  const parsed = parseTicketNumber(text);
  if (parsed === null || state.day.date === null) return undefined;
  return tableValues(state.tickets).find((t) => t.date === state.day.date && t.series === parsed.series && t.seq === parsed.seq);
}

/**
 * How long after its last service a visit can still be found by its typed number. A number is
 * guessable, the QR's ticket id is not: typing only reaches visits that just ended, so a passer-by
 * cannot rate the day's visits one number after another.
 */
export const FIND_BY_NUMBER_WINDOW_MS = 30 * 60 * 1000;

/** A ticket by its id or, failing that, by its number (only while its last service ended recently). */
export function findVisit(state: QueueState, query: { ticketId: string } | { number: string }, nowMs: number): Ticket | undefined {
  if ('ticketId' in query) return getTicket(state, query.ticketId);
  const ticket = findTicketByNumber(state, query.number);
  const endedAt = Math.max(0, ...(ticket?.legs ?? []).map((leg) => leg.endedAt ?? 0));
  return ticket !== undefined && nowMs - endedAt <= FIND_BY_NUMBER_WINDOW_MS ? ticket : undefined;
}
