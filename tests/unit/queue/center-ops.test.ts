import { describe, expect, it } from 'vitest';
import { noShowDue, pickNext, visitFigures } from '../../../electron/backend/queue/core';
import { Center, MIN } from './helpers';

// Transfers, breaks, the air-raid pause and closing the day.

describe('transfer', () => {
  it('sends a visitor to another service keeping the original issue time, with the reason recorded', () => {
    const c = new Center();
    const a = c.issue('passport');
    const issuedAt = c.ticket(a).issuedAt;
    c.advance(5);
    const later = c.issue('subsidy');
    c.callNext(2);
    c.ok({ type: 'start', deskNo: 2, ticketId: a });
    const [e] = c.ok({ type: 'transfer', deskNo: 2, ticketId: a, to: { serviceId: 'subsidy' }, reason: 'needs a subsidy form' });
    expect(e).toMatchObject({ type: 'ticket.transferred', fromDeskNo: 2, toServiceId: 'subsidy', toDeskNo: null, reason: 'needs a subsidy form' });
    expect(c.ticket(a)).toMatchObject({ status: 'waiting', serviceId: 'subsidy', issuedAt, chain: ['subsidy'] });
    expect(c.ticket(a).legs.map((l) => l.outcome)).toEqual(['transferred', 'open']);
    expect(c.callNext(3)).toEqual([a, 'oldest']); // ahead of the later subsidy ticket
    expect(c.ticket(later).status).toBe('waiting');
  });

  it('sends a visitor to one desk: only that desk can call them, with reason "transfer"', () => {
    const c = new Center();
    const a = c.issue('passport');
    c.advance(1);
    const b = c.issue('passport');
    c.callNext(2);
    c.ok({ type: 'transfer', deskNo: 2, ticketId: a, to: { deskNo: 1 }, reason: 'senior specialist' });
    expect(c.ticket(a).targetDeskNo).toBe(1);
    expect(c.fail({ type: 'call_ticket', deskNo: 2, ticketId: a })).toBe('ticket_reserved_for_other_desk');
    expect(pickNext(c.state, 2, c.now)?.ticket.id).toBe(b);
    expect(c.callNext(1)).toEqual([a, 'transfer']);
  });

  it('refuses a transfer to a service nobody serves, to a desk not serving it, or to the same place', () => {
    const c = new Center();
    const a = c.issue('passport');
    c.callNext(2);
    const base = { type: 'transfer' as const, deskNo: 2, ticketId: a, reason: 'x' };
    expect(c.fail({ ...base, to: { serviceId: 'orphan' } })).toBe('service_not_served');
    expect(c.fail({ ...base, to: { serviceId: 'land', deskNo: 2 } })).toBe('service_not_served');
    expect(c.fail({ ...base, to: { serviceId: 'nope' } })).toBe('service_not_found');
    expect(c.fail({ ...base, to: { deskNo: 7 } })).toBe('desk_not_found');
    expect(c.fail({ ...base, to: { serviceId: 'passport' } })).toBe('transfer_to_same_place');
    expect(c.fail({ ...base, to: { deskNo: 2 } })).toBe('transfer_to_same_place');
    expect(c.fail({ ...base, to: {} })).toBe('validation_failed');
    expect(c.fail({ ...base, deskNo: 1, to: { serviceId: 'subsidy' } })).toBe('ticket_not_held_by_desk');
  });
});

describe('desk breaks', () => {
  it('a desk on a break cannot call; the break needs an empty desk and ends cleanly', () => {
    const c = new Center();
    const a = c.issue('passport');
    c.callNext(2);
    expect(c.fail({ type: 'break_start', deskNo: 2, reason: 'lunch' })).toBe('desk_busy');
    c.ok({ type: 'no_show', deskNo: 2, ticketId: a });
    c.issue('passport');
    c.ok({ type: 'break_start', deskNo: 2, reason: 'lunch' });
    expect(c.desk(2)?.onBreak).toEqual({ reason: 'lunch', since: c.now });
    expect(c.fail({ type: 'call_next', deskNo: 2 })).toBe('desk_on_break');
    expect(c.fail({ type: 'break_start', deskNo: 2, reason: 'again' })).toBe('desk_on_break');
    c.ok({ type: 'break_end', deskNo: 2 });
    expect(c.fail({ type: 'break_end', deskNo: 2 })).toBe('desk_not_on_break');
    c.callNext(2);
  });
});

describe('air-raid pause', () => {
  it('stops issuing, calling, recalling, starting and no-shows; finishing is still recorded', () => {
    const c = new Center();
    const a = c.issue('passport');
    const b = c.issue('passport');
    c.callNext(1);
    c.callNext(2);
    c.ok({ type: 'start', deskNo: 2, ticketId: b });
    c.ok({ type: 'pause', reason: 'air_raid' });
    expect(c.fail({ type: 'pause' })).toBe('center_paused');
    expect(c.fail({ type: 'issue_ticket', serviceId: 'passport' })).toBe('center_paused');
    expect(c.fail({ type: 'recall', deskNo: 1, ticketId: a })).toBe('center_paused');
    expect(c.fail({ type: 'start', deskNo: 1, ticketId: a })).toBe('center_paused');
    expect(c.fail({ type: 'no_show', deskNo: 1, ticketId: a })).toBe('center_paused');
    c.ok({ type: 'finish', deskNo: 2, ticketId: b });
    expect(c.fail({ type: 'call_next', deskNo: 2 })).toBe('center_paused');
    c.ok({ type: 'resume' });
    expect(c.fail({ type: 'resume' })).toBe('center_not_paused');
  });

  it('freezes wait clocks and keeps the order on resume', () => {
    const c = new Center();
    const a = c.issue('passport'); // 10:00
    c.advance(5);
    const b = c.issue('passport'); // 10:05
    c.advance(5).ok({ type: 'pause' }); // 10:10
    c.advance(40).ok({ type: 'resume' }); // 10:50
    c.advance(2);
    expect(c.callNext(2)).toEqual([a, 'oldest']);
    // a waited 10:00→10:52 = 52 min, minus the 40-min pause = 12 min.
    expect(visitFigures(c.state, a)?.legs[0]?.waitMs).toBe(12 * MIN);
    c.ok({ type: 'start', deskNo: 2, ticketId: a });
    c.ok({ type: 'finish', deskNo: 2, ticketId: a });
    expect(c.callNext(2)).toEqual([b, 'oldest']);
    // b waited 10:05→10:52 = 47 min, minus 40 = 7 min.
    expect(visitFigures(c.state, b)?.legs[0]?.waitMs).toBe(7 * MIN);
  });

  it('does not let a pause push a ticket over the ageing line', () => {
    const c = new Center(undefined, { ageingFactor: 2 }); // land target 30 min → ages past 60 min
    const regular = c.issue('land'); // 10:00
    c.advance(1).ok({ type: 'pause' }); // 10:01
    c.advance(120).ok({ type: 'resume' }); // 12:01
    c.advance(1);
    const priority = c.issue('land', { priority: 'military' }); // 12:02; regular has waited 2 min net
    expect(pickNext(c.state, 3, c.now)).toMatchObject({ reason: 'priority', ticket: { id: priority } });
    c.advance(59); // 13:01: regular 181 - 120 = 61 min net > 60; priority 59 min
    expect(pickNext(c.state, 3, c.now)).toMatchObject({ reason: 'ageing', ticket: { id: regular }, waitedMs: 61 * MIN });
  });

  it('the no-show grace excludes the pause', () => {
    const c = new Center(undefined, { maxRecalls: 0, noShowGraceSec: 120 });
    const a = c.issue('passport');
    c.callNext(2);
    c.advance(1).ok({ type: 'pause' });
    expect(noShowDue(c.state, c.now + 30 * MIN)).toEqual([]);
    c.advance(30).ok({ type: 'resume' });
    expect(noShowDue(c.state, c.now + 59_999)).toEqual([]);
    expect(noShowDue(c.state, c.now + 60_000).map((d) => d.ticketId)).toEqual([a]);
  });
});

describe('closing the day', () => {
  it('closes waiting and called tickets as not served, keeps the one being served, ends a pause', () => {
    const c = new Center();
    const waiting = c.issue('land');
    const called = c.issue('passport');
    const serving = c.issue('subsidy');
    c.callNext(2);
    c.ok({ type: 'call_ticket', deskNo: 1, ticketId: serving });
    c.ok({ type: 'start', deskNo: 1, ticketId: serving });
    c.ok({ type: 'pause' });
    const types = c.ok({ type: 'close_day' }).map((e) => e.type);
    expect(types).toEqual(['center.resumed', 'day.closed']);
    expect(c.ticket(waiting).status).toBe('closed');
    expect(c.ticket(called).status).toBe('closed');
    expect(c.ticket(serving).status).toBe('serving');
    expect(c.desk(2)).toMatchObject({ ticketId: null, open: false });
    expect(c.state.paused).toBeNull();
    expect(c.fail({ type: 'issue_ticket', serviceId: 'passport' })).toBe('day_closed');
    expect(c.fail({ type: 'call_next', deskNo: 3 })).toBe('day_closed');
    expect(c.fail({ type: 'close_day' })).toBe('day_closed');
    c.ok({ type: 'finish', deskNo: 1, ticketId: serving });
  });

  it('opens again the next local day with numbering restarted', () => {
    const c = new Center('2025-06-02T15:00:00Z'); // 18:00 Kyiv
    c.issue('passport');
    c.issue('passport');
    c.ok({ type: 'close_day' });
    c.at('2025-06-03T05:00:00Z'); // 08:00 next day
    const id = c.issue('passport');
    expect(c.ticket(id).number).toBe('А-001');
    expect(c.state.day).toEqual({ date: '2025-06-03', closed: false });
  });
});
