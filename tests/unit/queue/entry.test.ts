import { describe, expect, it } from 'vitest';
import { Center, DESKS, SERVICES } from './helpers';

// Bookings, ratings, configuration and idempotent retries.

const booking = (id: string, code: string, slotStart: string, serviceId = 'passport') => ({ id, code, serviceId, slotStart });

describe('booking check-in', () => {
  // Slot 11:00 Kyiv (08:00Z); window 15 min early, 10 min late → [10:45, 11:10].
  const slot = '2025-06-02T08:00:00Z';

  it('accepts check-in exactly at the window edges and refuses just outside', () => {
    const c = new Center('2025-06-02T07:00:00Z', { checkInEarlyMin: 15, checkInLateMin: 10 });
    c.ok({ type: 'import_bookings', bookings: [booking('b1', 'AB12CD', slot), booking('b2', 'EF34GH', slot)] });
    c.at('2025-06-02T07:44:59.999Z');
    expect(c.fail({ type: 'check_in', code: 'AB12CD' })).toBe('booking_outside_window');
    c.at('2025-06-02T07:45:00Z');
    const [e] = c.ok({ type: 'check_in', code: ' ab12 cd ' });
    expect(e).toMatchObject({ type: 'ticket.issued', bookingId: 'b1', serviceId: 'passport', number: 'А-001' });
    expect(c.fail({ type: 'check_in', code: 'AB12CD' })).toBe('booking_already_checked_in');
    c.at('2025-06-02T08:10:00.001Z');
    expect(c.fail({ type: 'check_in', code: 'EF34GH' })).toBe('booking_outside_window');
    c.at('2025-06-02T08:10:00Z');
    c.ok({ type: 'check_in', code: 'EF34GH' });
    expect(c.fail({ type: 'check_in', code: 'ZZZZ99' })).toBe('booking_not_found');
  });

  it('explains the window in the refusal message with local times', async () => {
    const { decide } = await import('../../../electron/backend/queue/core');
    const c = new Center('2025-06-02T07:00:00Z');
    c.ok({ type: 'import_bookings', bookings: [booking('b1', 'AB12CD', slot)] });
    const d = decide(c.state, { type: 'check_in', code: 'AB12CD' }, { now: c.now, newId: c.newId });
    expect(d.ok ? '' : d.error.message).toContain('opens at 10:45');
  });

  it('refuses bookings for unknown services and duplicate codes', () => {
    const c = new Center();
    expect(c.fail({ type: 'import_bookings', bookings: [booking('b1', 'AB12CD', slot, 'nope')] })).toBe('service_not_found');
    expect(c.fail({ type: 'import_bookings', bookings: [booking('b1', 'AB12CD', slot), booking('b2', 'ab12cd', slot)] })).toBe('validation_failed');
  });
});

describe('rating', () => {
  it('accepts one 1-5 rating with reason chips after the visit was served', () => {
    const c = new Center();
    const a = c.issue('passport');
    expect(c.fail({ type: 'rate', ticketId: a, score: 5 })).toBe('ticket_not_served');
    c.serveNext(2, 1, 3);
    expect(c.fail({ type: 'rate', ticketId: a, score: 6 })).toBe('validation_failed');
    expect(c.fail({ type: 'rate', ticketId: a, score: 4, reasons: ['polite', 'polite'] })).toBe('validation_failed');
    expect(c.fail({ type: 'rate', ticketId: a, score: 4, reasons: ['bribe'] })).toBe('validation_failed');
    c.ok({ type: 'rate', ticketId: a, score: 4, reasons: ['polite', 'long_wait'] });
    expect(c.ticket(a).rating).toEqual({ score: 4, reasons: ['polite', 'long_wait'] });
    expect(c.fail({ type: 'rate', ticketId: a, score: 1 })).toBe('already_rated');
    expect(c.fail({ type: 'rate', ticketId: 'ghost', score: 1 })).toBe('ticket_not_found');
  });
});

describe('configuration', () => {
  it('refuses duplicate prefixes, the priority prefix, unknown services at a desk', () => {
    const c = new Center(undefined, {}, false);
    const s0 = SERVICES[0]!;
    expect(c.fail({ type: 'configure', services: [s0, { ...s0, id: 'x' }], desks: [] })).toBe('config_invalid');
    expect(c.fail({ type: 'configure', services: [{ ...s0, prefix: 'П' }], desks: [] })).toBe('config_invalid');
    expect(c.fail({ type: 'configure', services: [s0], desks: [{ deskNo: 1, serviceIds: ['ghost'] }] })).toBe('config_invalid');
    expect(c.fail({ type: 'configure', services: [s0], desks: [], settings: { timeZone: 'Mars/Olympus' } })).toBe('validation_failed');
  });

  it('refuses to drop a service or desk a live ticket still needs; keeps desk state across reconfiguration', () => {
    const c = new Center();
    const land = c.issue('land');
    c.issue('passport');
    c.callNext(2);
    const withoutLand = SERVICES.filter((s) => s.id !== 'land');
    const desks = DESKS.map((d) => ({ ...d, serviceIds: d.serviceIds.filter((id) => id !== 'land') }));
    expect(c.fail({ type: 'configure', services: withoutLand, desks })).toBe('config_conflict');
    expect(c.fail({ type: 'configure', services: SERVICES, desks: DESKS.filter((d) => d.deskNo !== 2) })).toBe('config_conflict');
    c.ok({ type: 'configure', services: SERVICES, desks: [...DESKS, { deskNo: 4, serviceIds: ['land'] }] });
    expect(c.desk(2)?.ticketId).not.toBeNull();
    expect(c.callNext(4)).toEqual([land, 'oldest']);
  });
});

describe('idempotent retries', () => {
  it('answers a retried request with the first result and appends nothing', async () => {
    const { decide } = await import('../../../electron/backend/queue/core');
    const c = new Center();
    const first = c.ok({ type: 'issue_ticket', serviceId: 'passport', requestId: 'r1' }, 'kiosk-1');
    expect(first[0]?.meta).toEqual({ clientId: 'kiosk-1', requestId: 'r1', command: 'issue_ticket' });
    const logLength = c.log.length;
    const again = decide(c.state, { type: 'issue_ticket', serviceId: 'passport', requestId: 'r1' }, { now: c.now, newId: c.newId, clientId: 'kiosk-1' });
    expect(again).toEqual({ ok: true, events: [], replayOf: first });
    expect(c.log.length).toBe(logLength);
    // The same id from another client is a different request.
    const other = c.ok({ type: 'issue_ticket', serviceId: 'passport', requestId: 'r1' }, 'kiosk-2');
    expect(other[0]).toMatchObject({ type: 'ticket.issued', number: 'А-002' });
    expect(c.fail({ type: 'call_next', deskNo: 1, requestId: 'r1' }, 'kiosk-1')).toBe('request_id_reused');
  });

  it('keeps all events of a multi-event request and forgets the oldest past requestMemory', () => {
    const c = new Center(undefined, { requestMemory: 3 });
    const remembered = (id: string) => c.state.requests['desk-1']?.find((r) => r.requestId === id)?.events;
    c.issue('passport');
    const call = c.ok({ type: 'call_next', deskNo: 1, requestId: 'c1' }, 'desk-1');
    expect(call.map((e) => e.type)).toEqual(['desk.opened', 'ticket.called']);
    expect(remembered('c1')).toEqual(call);
    for (const r of ['r2', 'r3', 'r4']) c.ok({ type: 'issue_ticket', serviceId: 'land', requestId: r }, 'desk-1');
    expect(remembered('c1')).toBeUndefined();
    // Forgotten, so the same id is decided afresh (and may act again: keep requestMemory above a client's retry horizon).
    expect(c.run({ type: 'call_next', deskNo: 1, requestId: 'c1' }, 'desk-1').ok).toBe(false);
    expect(c.state.requests['desk-1']?.map((r) => r.requestId)).toEqual(['r2', 'r3', 'r4']);
  });

  it('does not remember refused requests: a retry is decided again', () => {
    const c = new Center();
    expect(c.fail({ type: 'call_next', deskNo: 1, requestId: 'x' }, 'desk-1')).toBe('queue_empty');
    c.issue('passport');
    expect(c.ok({ type: 'call_next', deskNo: 1, requestId: 'x' }, 'desk-1').at(-1)?.type).toBe('ticket.called');
  });
});
