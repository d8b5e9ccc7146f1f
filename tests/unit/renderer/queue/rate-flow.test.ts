import { describe, expect, it } from 'vitest';
import { parseTicketNumber } from '../../../../electron/backend/queue/core';
import { classifyTerminalScan, looksLikeTicketNumber, ratableVerdict, seriesLetters, ticketIdFromScan } from '../../../../renderer/roles/terminal/rate-flow';

const visit = { ticketId: 't1', number: 'А-001', status: 'done', served: true, rated: false } as const;

describe('terminal rate flow (pure)', () => {
  it('reads the ticket id out of a ticket’s QR link, and nothing out of other links', () => {
    expect(ticketIdFromScan('http://192.168.1.10:8470/t/tAbc_12-x')).toBe('tAbc_12-x');
    expect(ticketIdFromScan(' https://hub.local/t/tXYZ/ ')).toBe('tXYZ');
    expect(ticketIdFromScan('https://hub.local/t/')).toBeNull();
    expect(ticketIdFromScan('https://hub.local/booking/BK7Q2M23')).toBeNull();
    expect(ticketIdFromScan('javascript:alert(1)//t/x')).toBeNull();
    expect(ticketIdFromScan('BK7Q2M23')).toBeNull();
  });

  it('sorts a scan into a ticket, a booking or neither', () => {
    expect(classifyTerminalScan('http://hub/t/tK1')).toEqual({ kind: 'ticket', ticketId: 'tK1' });
    expect(classifyTerminalScan('BK7Q2M23')).toEqual({ kind: 'booking', code: 'BK7Q2M23' });
    expect(classifyTerminalScan('https://portal/booking?code=BK3X9D23')).toEqual({ kind: 'booking', code: 'BK3X9D23' });
    expect(classifyTerminalScan('hi!')).toEqual({ kind: 'other' });
  });

  it('lets only a served, finished, unrated visit be rated', () => {
    expect(ratableVerdict(visit)).toBe('ok');
    expect(ratableVerdict({ ...visit, rated: true })).toBe('already_rated');
    expect(ratableVerdict({ ...visit, status: 'waiting', served: false })).toBe('not_finished');
    // Served once, now waiting for the next service of its chain: not finished yet.
    expect(ratableVerdict({ ...visit, status: 'waiting' })).toBe('not_finished');
    expect(ratableVerdict({ ...visit, status: 'no_show', served: false })).toBe('not_finished');
    expect(ratableVerdict({ ...visit, status: 'no_show' })).toBe('ok');
  });

  it('checks a typed number’s shape and offers the letters in alphabet order, once each', () => {
    expect(looksLikeTicketNumber('А-012')).toBe(true);
    expect(looksLikeTicketNumber('п 3')).toBe(true);
    expect(looksLikeTicketNumber('12')).toBe(false);
    expect(looksLikeTicketNumber('АБ12')).toBe(false);
    expect(seriesLetters(['В', 'А', 'В', 'Є'], 'П')).toEqual(['А', 'В', 'Є', 'П']);
    expect(seriesLetters([], null)).toEqual([]);
  });

  it('parses a typed number on the hub the same way whatever the letters and dashes', () => {
    expect(parseTicketNumber('А-012')).toEqual({ series: 'А', seq: 12 });
    expect(parseTicketNumber('a12')).toEqual({ series: 'А', seq: 12 }); // Latin a → Cyrillic А
    expect(parseTicketNumber(' п — 003 ')).toEqual({ series: 'П', seq: 3 });
    expect(parseTicketNumber('і7')).toEqual({ series: 'І', seq: 7 });
    expect(parseTicketNumber('А-000')).toBeNull();
    expect(parseTicketNumber('АБ-1')).toBeNull();
    expect(parseTicketNumber('12')).toBeNull();
  });
});
