import type { VisitLookupResponse } from '../../../contract/queue-hub';
import { bookingCodeFromScan } from './use-wedge-scan';

// Pure decisions of the terminal's "rate your visit" flow and of what a scan at the terminal means.

/** The ticket id in a ticket's QR: the status page link `…/t/<ticketId>` the ticket prints. */
export function ticketIdFromScan(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const match = /^\/t\/([A-Za-z0-9][A-Za-z0-9_.:-]{0,63})\/?$/.exec(url.pathname);
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

/** What a scanned text is at the terminal: a ticket's QR (to rate the visit), a booking (to check in), or neither. */
export type TerminalScan = { kind: 'ticket'; ticketId: string } | { kind: 'booking'; code: string } | { kind: 'other' };

/** Sort a scan: a ticket link first (its last path segment would also pass as a booking code). */
export function classifyTerminalScan(text: string): TerminalScan {
  const ticketId = ticketIdFromScan(text);
  if (ticketId !== null) return { kind: 'ticket', ticketId };
  const code = bookingCodeFromScan(text);
  return code === null ? { kind: 'other' } : { kind: 'booking', code };
}

/** Whether a found visit can be rated now: only a finished (served) visit, once. */
export type RatableVerdict = 'ok' | 'not_finished' | 'already_rated';

/** A visit is ratable when it was served and is over (not waiting, called or serving again), and not rated yet. */
export function ratableVerdict(visit: VisitLookupResponse): RatableVerdict {
  if (visit.rated) return 'already_rated';
  const over = visit.status === 'done' || visit.status === 'no_show' || visit.status === 'closed';
  return visit.served && over ? 'ok' : 'not_finished';
}

/** True when typed text has the shape of a ticket number: one letter, then digits (`А-012`, `а12`). */
export function looksLikeTicketNumber(text: string): boolean {
  return /^\p{L}[\s-]*\d{1,6}$/u.test(text.trim());
}

/** The letters a visitor may need for a number: the services' prefixes and the priority series, once each, in alphabet order. */
export function seriesLetters(prefixes: readonly string[], priorityPrefix: string | null): string[] {
  const all = new Set(prefixes.filter((p) => p.length > 0));
  if (priorityPrefix) all.add(priorityPrefix);
  return [...all].sort((a, b) => a.localeCompare(b, 'uk'));
}
