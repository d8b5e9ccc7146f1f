import { describe, expect, it } from 'vitest';
import { QueueIdSchema, type QueueEvent } from '../../../contract/queue';
import { localDateOf, localWallTimeToUtc } from '../../../electron/backend/portal/simulator/center-data';
import { localDate } from '../../../electron/backend/queue/core';
import { newTicketId } from '../../../electron/backend/queue/hub';
import { IssueLimiter } from '../../../electron/backend/queue/issue-limiter';
import { touchedTickets } from '../../../electron/backend/queue/ticket-rows';
import { lastInstantOfLocalDate } from '../../../electron/backend/queue/timers';

const KYIV = 'Europe/Kyiv';

describe('lastInstantOfLocalDate (the midnight close)', () => {
  it.each([
    ['2026-11-23', '2026-11-23T21:59:59.999Z', Date.parse('2026-11-24T05:00:00Z')], // winter, UTC+2
    ['2026-07-01', '2026-07-01T20:59:59.999Z', Date.parse('2026-07-02T00:00:01Z')], // summer, UTC+3
    ['2026-03-29', '2026-03-29T20:59:59.999Z', Date.parse('2026-03-30T10:00:00Z')], // spring forward: a 23-hour day
    ['2026-10-25', '2026-10-25T21:59:59.999Z', Date.parse('2026-10-26T00:30:00Z')], // fall back: a 25-hour day
    ['2026-11-20', '2026-11-20T21:59:59.999Z', Date.parse('2026-11-24T05:00:00Z')], // days later (the hub was off)
  ])('%s ends at %s', (date, iso, later) => {
    const last = lastInstantOfLocalDate(date, KYIV, later);
    expect(new Date(last).toISOString()).toBe(iso);
    expect(localDate(last, KYIV)).toBe(date);
    expect(localDate(last + 1, KYIV) > date).toBe(true);
  });

  it('returns `later` itself while it is still on the date', () => {
    const later = Date.parse('2026-11-23T12:00:00Z');
    expect(lastInstantOfLocalDate('2026-11-23', KYIV, later)).toBe(later);
  });
});

describe('demo bookings: local wall time to UTC', () => {
  it.each([
    ['2026-11-23', '09:00', '2026-11-23T07:00:00.000Z'],
    ['2026-07-01', '09:00', '2026-07-01T06:00:00.000Z'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'], // the skipped hour lands an hour later (04:30 local)
    ['2026-10-25', '16:00', '2026-10-25T14:00:00.000Z'],
  ])('%s %s in Kyiv is %s', (date, time, iso) => {
    expect(new Date(localWallTimeToUtc(date, time, KYIV)).toISOString()).toBe(iso);
  });

  it('localDateOf agrees with the core', () => {
    const ms = Date.parse('2026-11-23T22:30:00Z');
    expect(localDateOf(ms, KYIV)).toBe('2026-11-24');
    expect(localDate(ms, KYIV)).toBe('2026-11-24');
  });
});

describe('IssueLimiter (terminal taps)', () => {
  it('lets a burst through, refuses the excess, refills with time, per key', () => {
    const l = new IssueLimiter({ ratePerSec: 10, burst: 10 });
    const at0 = Array.from({ length: 20 }, () => l.take('k', 0));
    expect(at0.filter(Boolean).length).toBe(10);
    expect(l.take('other', 0)).toBe(true);
    expect(l.take('k', 50)).toBe(false);
    expect(l.take('k', 100)).toBe(true);
    expect(l.take('k', 100)).toBe(false);
    expect(Array.from({ length: 12 }, () => l.take('k', 5000)).filter(Boolean).length).toBe(10);
  });
});

describe('ticket ids and rows', () => {
  it('ticket ids carry 120 random bits and are valid queue ids', () => {
    const ids = Array.from({ length: 2000 }, newTicketId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^t[A-Za-z0-9_-]{20}$/);
      expect(QueueIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('names the tickets each event moves (day.closed moves many, desk events none)', () => {
    const at = '2026-11-23T10:00:00.000Z';
    expect(touchedTickets({ type: 'ticket.called', at, ticketId: 'a', version: 2, deskNo: 1, reason: 'oldest' })).toEqual([{ ticketId: 'a', version: 2 }]);
    const closed: QueueEvent = { type: 'day.closed', at, date: '2026-11-23', tickets: [{ ticketId: 'a', version: 3 }, { ticketId: 'b', version: 2 }] };
    expect(touchedTickets(closed)).toHaveLength(2);
    expect(touchedTickets({ type: 'desk.opened', at, deskNo: 1 })).toEqual([]);
  });
});
