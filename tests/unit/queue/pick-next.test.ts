import { describe, expect, it } from 'vitest';
import { pickNext, rankForDesk } from '../../../electron/backend/queue/core';
import { Center } from './helpers';

// Fair order: transfer → booking (slot started) → ageing → priority → oldest, with a priority cap.

function serveAll(c: Center, deskNo: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  while (pickNext(c.state, deskNo, c.now) !== null) {
    const [id, reason] = c.callNext(deskNo);
    out.push([c.ticket(id).number, reason]);
    c.ok({ type: 'start', deskNo, ticketId: id });
    c.ok({ type: 'finish', deskNo, ticketId: id });
  }
  return out;
}

describe('pickNext', () => {
  it('booked visitors go first once their slot has started, then priority, then the rest', () => {
    const c = new Center('2025-06-02T07:00:00Z'); // 10:00
    c.ok({ type: 'import_bookings', bookings: [{ id: 'b1', code: 'BOOK01', serviceId: 'passport', slotStart: '2025-06-02T07:05:00Z' }] });
    c.issue('passport'); // А-001 10:00
    c.advance(1).issue('passport', { priority: 'disability' }); // П-001 10:01
    c.advance(1).ok({ type: 'check_in', code: 'BOOK01' }); // А-002 10:02, slot 10:05
    c.advance(1); // 10:03: slot not started → the booking waits as a regular ticket by check-in time
    expect(rankForDesk(c.state, 2, c.now).map((x) => [x.ticket.number, x.reason])).toEqual([
      ['П-001', 'priority'], ['А-001', 'oldest'], ['А-002', 'oldest'],
    ]);
    c.advance(2); // 10:05
    expect(serveAll(c, 2)).toEqual([['А-002', 'booking'], ['П-001', 'priority'], ['А-001', 'oldest']]);
  });

  it('serves everyone else oldest first across the desk services', () => {
    const c = new Center();
    c.issue('passport');
    c.advance(1).issue('subsidy');
    c.advance(1).issue('passport');
    c.advance(1).issue('land'); // desk 1 does not serve land
    expect(serveAll(c, 1)).toEqual([['А-001', 'oldest'], ['Б-001', 'oldest'], ['А-002', 'oldest']]);
  });

  it('breaks equal issue times by issue order, deterministically', () => {
    const c = new Center();
    c.issue('subsidy');
    c.issue('passport');
    c.issue('subsidy');
    expect(rankForDesk(c.state, 1, c.now).map((x) => x.ticket.number)).toEqual(['Б-001', 'А-001', 'Б-002']);
  });

  it('after priorityCap consecutive priority calls, one waiting regular visitor is called', () => {
    const c = new Center(undefined, { priorityCap: 3 });
    c.issue('passport'); // А-001
    c.advance(1).issue('passport'); // А-002
    for (let i = 0; i < 5; i++) c.advance(1).issue('passport', { priority: 'military' }); // П-001..005
    expect(serveAll(c, 2)).toEqual([
      ['П-001', 'priority'], ['П-002', 'priority'], ['П-003', 'priority'], ['А-001', 'oldest'],
      ['П-004', 'priority'], ['П-005', 'priority'], ['А-002', 'oldest'],
    ]);
  });

  it('keeps calling priority past the cap when no regular visitor waits; cap 0 means no cap', () => {
    const c = new Center(undefined, { priorityCap: 2 });
    for (let i = 0; i < 4; i++) c.issue('passport', { priority: 'fallen_defender_family' });
    expect(serveAll(c, 2).map(([, r]) => r)).toEqual(['priority', 'priority', 'priority', 'priority']);
    const d = new Center(undefined, { priorityCap: 0 });
    d.issue('passport');
    for (let i = 0; i < 5; i++) d.issue('passport', { priority: 'military' });
    expect(serveAll(d, 2).map(([n]) => n)).toEqual(['П-001', 'П-002', 'П-003', 'П-004', 'П-005', 'А-001']);
  });

  it('ageing: a ticket waiting over factor × target jumps ahead of priority, but not of bookings', () => {
    const c = new Center('2025-06-02T07:00:00Z', { ageingFactor: 2 }); // subsidy target 20 → ages past 40 min
    c.ok({ type: 'import_bookings', bookings: [{ id: 'b1', code: 'BOOK02', serviceId: 'passport', slotStart: '2025-06-02T07:40:00Z' }] });
    const old = c.issue('subsidy'); // 10:00
    c.advance(39).issue('passport', { priority: 'military' }); // 10:39
    c.advance(1); // 10:40: exactly 2 × target, not over
    expect(pickNext(c.state, 1, c.now)?.reason).toBe('priority');
    c.advance(0.5).ok({ type: 'check_in', code: 'BOOK02' }); // slot 10:40 started
    expect(rankForDesk(c.state, 1, c.now).map((x) => [x.ticket.number, x.reason])).toEqual([
      ['А-001', 'booking'], ['Б-001', 'ageing'], ['П-001', 'priority'],
    ]);
    expect(pickNext(c.state, 1, c.now)?.ticket.id).not.toBe(old);
  });

  it('ageing ranks by how far past its own target each ticket is, so a slow service is not starved', () => {
    const c = new Center(undefined, { ageingFactor: 1 });
    c.issue('subsidy'); // target 20
    c.advance(5).issue('passport'); // target 15
    c.advance(20); // subsidy 25/20 = 1.25, passport 20/15 = 1.33
    expect(rankForDesk(c.state, 1, c.now).map((x) => [x.ticket.number, x.reason])).toEqual([
      ['А-001', 'ageing'], ['Б-001', 'ageing'],
    ]);
  });

  it('returns null for an unknown desk or an empty queue', () => {
    const c = new Center();
    expect(pickNext(c.state, 1, c.now)).toBeNull();
    expect(pickNext(c.state, 42, c.now)).toBeNull();
  });
});
