import { describe, expect, it } from 'vitest';
import { formatTicketNumber, localDate, localHour } from '../../../electron/backend/queue/core';
import { Center } from './helpers';

// Numbers: series letter + 3 digits, priority in its own series, restart at Kyiv midnight (DST-safe).

const KYIV = 'Europe/Kyiv';

function numberAt(c: Center, iso: string, serviceId = 'passport'): string {
  return c.ticket(c.at(iso).issue(serviceId)).number;
}

describe('formatTicketNumber', () => {
  it('pads to three digits and grows past 999 instead of wrapping', () => {
    expect(formatTicketNumber('А', 1)).toBe('А-001');
    expect(formatTicketNumber('А', 12)).toBe('А-012');
    expect(formatTicketNumber('П', 999)).toBe('П-999');
    expect(formatTicketNumber('П', 1000)).toBe('П-1000');
  });
});

describe('localDate / localHour in Europe/Kyiv', () => {
  it('switches the date at local midnight in winter (UTC+2) and summer (UTC+3)', () => {
    expect(localDate(Date.parse('2025-01-15T21:59:59Z'), KYIV)).toBe('2025-01-15');
    expect(localDate(Date.parse('2025-01-15T22:00:00Z'), KYIV)).toBe('2025-01-16');
    expect(localDate(Date.parse('2025-07-15T20:59:59Z'), KYIV)).toBe('2025-07-15');
    expect(localDate(Date.parse('2025-07-15T21:00:00Z'), KYIV)).toBe('2025-07-16');
  });

  it('handles the spring-forward day (30 March 2025: 03:00 → 04:00, a 23-hour day)', () => {
    expect(localHour(Date.parse('2025-03-30T00:59:59Z'), KYIV)).toBe(2);
    expect(localHour(Date.parse('2025-03-30T01:00:00Z'), KYIV)).toBe(4);
    // Next midnight is at 21:00Z (UTC+3 now), only 23 hours after the previous one at 22:00Z.
    expect(localDate(Date.parse('2025-03-30T20:59:59Z'), KYIV)).toBe('2025-03-30');
    expect(localDate(Date.parse('2025-03-30T21:00:00Z'), KYIV)).toBe('2025-03-31');
  });

  it('handles the fall-back day (26 October 2025: 04:00 → 03:00, a 25-hour day)', () => {
    expect(localHour(Date.parse('2025-10-26T00:30:00Z'), KYIV)).toBe(3);
    expect(localHour(Date.parse('2025-10-26T01:30:00Z'), KYIV)).toBe(3); // the repeated hour
    expect(localDate(Date.parse('2025-10-25T20:59:59Z'), KYIV)).toBe('2025-10-25');
    expect(localDate(Date.parse('2025-10-25T21:00:00Z'), KYIV)).toBe('2025-10-26');
    expect(localDate(Date.parse('2025-10-26T21:59:59Z'), KYIV)).toBe('2025-10-26');
    expect(localDate(Date.parse('2025-10-26T22:00:00Z'), KYIV)).toBe('2025-10-27');
  });
});

describe('ticket numbering', () => {
  it('numbers each service in its own series and priority visitors in the П series', () => {
    const c = new Center();
    const n = (id: string) => c.ticket(id).number;
    expect(n(c.issue('passport'))).toBe('А-001');
    expect(n(c.issue('subsidy'))).toBe('Б-001');
    expect(n(c.issue('passport'))).toBe('А-002');
    expect(n(c.issue('subsidy', { priority: 'military' }))).toBe('П-001');
    expect(n(c.issue('passport', { priority: 'disability' }))).toBe('П-002');
    expect(n(c.issue('passport'))).toBe('А-003');
    expect(c.ticket('t1').id).not.toBe(c.ticket('t1').number); // ids are not display numbers
  });

  it('restarts every series at local midnight, not at UTC midnight', () => {
    const c = new Center('2025-06-02T20:00:00Z'); // 23:00 Kyiv
    expect(numberAt(c, '2025-06-02T20:58:00Z')).toBe('А-001');
    expect(numberAt(c, '2025-06-02T20:59:59Z')).toBe('А-002'); // 23:59:59 local
    expect(numberAt(c, '2025-06-02T21:00:00Z')).toBe('А-001'); // 00:00 local, 3 June
    expect(numberAt(c, '2025-06-02T23:59:59Z')).toBe('А-002'); // UTC midnight is not a boundary
    expect(numberAt(c, '2025-06-03T00:00:00Z')).toBe('А-003');
  });

  it('restarts correctly around the spring DST change', () => {
    const c = new Center('2025-03-29T20:00:00Z'); // 22:00 on 29 March (UTC+2)
    expect(numberAt(c, '2025-03-29T21:59:59Z')).toBe('А-001');
    expect(numberAt(c, '2025-03-29T22:00:00Z')).toBe('А-001'); // 00:00 on 30 March
    expect(numberAt(c, '2025-03-30T00:59:59Z')).toBe('А-002'); // 02:59:59 local
    expect(numberAt(c, '2025-03-30T01:00:00Z')).toBe('А-003'); // 04:00 local, same day
    expect(numberAt(c, '2025-03-30T20:59:59Z')).toBe('А-004'); // 23:59:59 (UTC+3)
    expect(numberAt(c, '2025-03-30T21:00:00Z')).toBe('А-001'); // 00:00 on 31 March
  });

  it('restarts correctly around the autumn DST change, numbering through the repeated hour', () => {
    const c = new Center('2025-10-25T20:00:00Z'); // 23:00 on 25 October (UTC+3)
    expect(numberAt(c, '2025-10-25T20:59:59Z')).toBe('А-001');
    expect(numberAt(c, '2025-10-25T21:00:00Z')).toBe('А-001'); // 00:00 on 26 October
    expect(numberAt(c, '2025-10-26T00:30:00Z')).toBe('А-002'); // 03:30 summer time
    expect(numberAt(c, '2025-10-26T01:30:00Z')).toBe('А-003'); // 03:30 again, winter time
    expect(numberAt(c, '2025-10-26T21:59:59Z')).toBe('А-004'); // 23:59:59 (UTC+2)
    expect(numberAt(c, '2025-10-26T22:00:00Z')).toBe('А-001'); // 00:00 on 27 October
  });

  it('grows past 999 in one day without repeating a number', () => {
    const c = new Center();
    const numbers = new Set<string>();
    for (let i = 0; i < 1001; i++) numbers.add(c.ticket(c.issue('passport')).number);
    expect(numbers.size).toBe(1001);
    expect(numbers.has('А-999')).toBe(true);
    expect(numbers.has('А-1000')).toBe(true);
    expect(numbers.has('А-1001')).toBe(true);
  });

  it('drops the previous day from the state at the day roll but keeps tickets still waiting', () => {
    const c = new Center('2025-06-02T15:00:00Z');
    const done = c.issue('passport');
    const left = c.issue('land');
    c.serveNext(2);
    c.at('2025-06-03T05:00:00Z').issue('passport');
    expect(() => c.ticket(done)).toThrow();
    expect(c.ticket(left).status).toBe('waiting');
    expect(c.state.tickets.size).toBe(2);
  });
});
