import { describe, expect, it } from 'vitest';
import { DeskViewSchema, DisplayViewSchema, TicketStatusViewSchema } from '../../../contract/queue';
import { deskView, displayView, ticketStatusView } from '../../../electron/backend/queue/core';
import { Center, MIN } from './helpers';

// The read models the screens get, checked against the contract schemas.

describe('display view', () => {
  it('shows current calls newest first, recent calls and recalls, waiting and estimates, the pause', () => {
    const c = new Center(undefined, { recentCallsShown: 3, defaultServiceMin: 10 });
    const a = c.issue('passport');
    const b = c.issue('passport', { priority: 'military' });
    c.issue('subsidy');
    c.issue('passport');
    c.advance(1).callNext(2); // П-001 (priority)
    c.advance(1).callNext(1); // А-001
    c.advance(1).ok({ type: 'recall', deskNo: 2, ticketId: b });
    c.ok({ type: 'pause' });
    const v = displayView(c.state, c.now);
    expect(DisplayViewSchema.parse(v)).toEqual(v);
    expect(v.paused).toMatchObject({ reason: 'air_raid' });
    expect(v.currentCalls.map((x) => [x.number, x.deskNo, x.reason, x.recalls])).toEqual([
      ['П-001', 2, 'priority', 1], // recalled last, so newest
      ['А-001', 1, 'oldest', 0],
    ]);
    expect(v.recentCalls.map((x) => [x.number, x.recall])).toEqual([['П-001', true], ['А-001', false], ['П-001', false]]);
    // passport: А-002 waits; desks 1 and 2 open (both serve passport): 1 × 10 / 2 = 5 min.
    // subsidy: Б-001 waits; desk 1 serves subsidy → 1 × 10 / 1 = 10. land: nobody waiting, no desk open → null.
    expect(v.services.map((s) => [s.serviceId, s.waiting, s.estimatedWaitMin])).toEqual([
      ['passport', 1, 5], ['subsidy', 1, 10], ['land', 0, null], ['orphan', 0, null],
    ]);
    expect(v.currentCalls.some((x) => x.ticketId === a)).toBe(true);
  });

  it('never carries a visitor name', () => {
    const c = new Center('2025-06-02T07:00:00Z');
    c.ok({ type: 'import_bookings', bookings: [{ id: 'b1', code: 'NAME01', serviceId: 'passport', slotStart: '2025-06-02T07:00:00Z', visitorName: 'Олена Петренко' }] });
    c.ok({ type: 'check_in', code: 'NAME01' });
    c.callNext(2);
    const v = displayView(c.state, c.now);
    expect(v.currentCalls[0]?.reason).toBe('booking');
    expect(JSON.stringify(v)).not.toContain('Петренко');
  });
});

describe('ticket status view', () => {
  it('gives a waiting visitor their position and estimate, and null for unknown tickets', () => {
    const c = new Center(undefined, { defaultServiceMin: 6 });
    c.ok({ type: 'open_desk', deskNo: 2 });
    const first = c.issue('passport');
    const second = c.issue('passport');
    const prio = c.advance(1).issue('passport', { priority: 'disability' });
    const s = ticketStatusView(c.state, second, c.now);
    expect(s && TicketStatusViewSchema.parse(s)).toEqual(s);
    // Priority goes first, then `first`: 2 ahead × 6 min / 1 open desk = 12 min.
    expect(s).toMatchObject({ number: 'А-002', status: 'waiting', position: 3, estimatedWaitMin: 12, paused: false });
    expect(ticketStatusView(c.state, prio, c.now)).toMatchObject({ position: 1, estimatedWaitMin: 0 });
    c.callNext(2);
    c.callNext(1);
    expect(ticketStatusView(c.state, first, c.now)).toMatchObject({ status: 'called', position: null, deskNo: 1 });
    expect(ticketStatusView(c.state, 'ghost', c.now)).toBeNull();
  });
});

describe('desk view', () => {
  it('shows the held visitor with its chain and the waiting list in call order with reasons', () => {
    const c = new Center();
    const a = c.issue('passport', { nextServiceIds: ['subsidy'] });
    c.advance(2).issue('subsidy');
    c.advance(1).issue('passport', { priority: 'fallen_defender_family' });
    c.ok({ type: 'call_ticket', deskNo: 1, ticketId: a });
    const v = deskView(c.state, 1, c.now);
    expect(v && DeskViewSchema.parse(v)).toEqual(v);
    expect(v?.current).toMatchObject({ ticketId: a, chain: ['passport', 'subsidy'], step: 0, status: 'called' });
    expect(v?.waiting.map((w) => [w.ticket.number, w.reason, w.waitedMs])).toEqual([['П-001', 'priority', 0], ['Б-001', 'oldest', MIN]]);
    expect(deskView(c.state, 99, c.now)).toBeNull();
  });
});
