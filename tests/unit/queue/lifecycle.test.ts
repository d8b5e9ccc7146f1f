import { describe, expect, it } from 'vitest';
import { Center } from './helpers';

// A visit from ticket to done, and the refusals around holding a visitor.

describe('ticket lifecycle', () => {
  it('issues, calls, recalls, starts and finishes one visit, bumping the version each step', () => {
    const c = new Center();
    const id = c.issue('passport');
    expect(c.ticket(id)).toMatchObject({ number: 'А-001', status: 'waiting', version: 1, serviceId: 'passport' });
    const [called, reason] = c.callNext(2);
    expect([called, reason]).toEqual([id, 'oldest']);
    expect(c.ticket(id)).toMatchObject({ status: 'called', deskNo: 2, version: 2 });
    expect(c.desk(2)).toMatchObject({ open: true, ticketId: id });
    c.advance(1).ok({ type: 'recall', deskNo: 2, ticketId: id });
    expect(c.ticket(id)).toMatchObject({ recalls: 1, version: 3 });
    c.ok({ type: 'start', deskNo: 2, ticketId: id });
    expect(c.ticket(id)).toMatchObject({ status: 'serving', version: 4 });
    c.advance(5).ok({ type: 'finish', deskNo: 2, ticketId: id });
    expect(c.ticket(id)).toMatchObject({ status: 'done', deskNo: null, version: 5 });
    expect(c.desk(2)?.ticketId).toBeNull();
    expect(c.state.active).toEqual({});
  });

  it('a call opens a closed desk in the same decision', () => {
    const c = new Center();
    c.issue('passport');
    const types = c.ok({ type: 'call_next', deskNo: 1 }).map((e) => e.type);
    expect(types).toEqual(['desk.opened', 'ticket.called']);
  });

  it('moves a visit along its service chain, keeping the original issue time', () => {
    const c = new Center();
    const early = c.issue('passport', { nextServiceIds: ['subsidy'] });
    const issuedAt = c.ticket(early).issuedAt;
    c.advance(1);
    const late = c.issue('subsidy');
    c.advance(2);
    c.serveNext(2, 1, 4);
    expect(c.ticket(early)).toMatchObject({ status: 'waiting', serviceId: 'subsidy', step: 1, issuedAt, number: 'А-001' });
    expect(c.ticket(early).legs).toHaveLength(2);
    // Desk 3 serves subsidy: the chained visitor (issued earlier) goes before the later subsidy ticket.
    expect(c.callNext(3)).toEqual([early, 'oldest']);
    c.ok({ type: 'start', deskNo: 3, ticketId: early });
    c.ok({ type: 'finish', deskNo: 3, ticketId: early });
    expect(c.ticket(early).status).toBe('done');
    expect(c.callNext(3)[0]).toBe(late);
  });

  it('refuses actions on a ticket the desk does not hold, and unknown tickets', () => {
    const c = new Center();
    const a = c.issue('passport');
    expect(c.fail({ type: 'finish', deskNo: 1, ticketId: a })).toBe('ticket_not_held_by_desk');
    c.callNext(2);
    expect(c.fail({ type: 'start', deskNo: 1, ticketId: a })).toBe('ticket_not_held_by_desk');
    expect(c.fail({ type: 'finish', deskNo: 2, ticketId: a })).toBe('ticket_not_serving');
    expect(c.fail({ type: 'start', deskNo: 2, ticketId: 'nope' })).toBe('ticket_not_found');
    expect(c.fail({ type: 'call_next', deskNo: 2 })).toBe('desk_busy');
    expect(c.fail({ type: 'call_next', deskNo: 9 })).toBe('desk_not_found');
    c.ok({ type: 'start', deskNo: 2, ticketId: a });
    expect(c.fail({ type: 'no_show', deskNo: 2, ticketId: a })).toBe('ticket_not_called');
    expect(c.fail({ type: 'recall', deskNo: 2, ticketId: a })).toBe('ticket_not_called');
  });

  it('refuses a stale version (compare-and-set) and a queue with nobody for the desk', () => {
    const c = new Center();
    const a = c.issue('passport');
    expect(c.fail({ type: 'call_next', deskNo: 3 })).toBe('queue_empty');
    expect(c.fail({ type: 'call_ticket', deskNo: 2, ticketId: a, expectedVersion: 7 })).toBe('version_conflict');
    c.ok({ type: 'call_ticket', deskNo: 2, ticketId: a, expectedVersion: 1 });
    expect(c.fail({ type: 'start', deskNo: 2, ticketId: a, expectedVersion: 1 })).toBe('version_conflict');
    c.ok({ type: 'start', deskNo: 2, ticketId: a, expectedVersion: 2 });
  });

  it('calls a specific ticket only from a desk that serves it', () => {
    const c = new Center();
    const land = c.issue('land');
    expect(c.fail({ type: 'call_ticket', deskNo: 2, ticketId: land })).toBe('service_not_served');
    const events = c.ok({ type: 'call_ticket', deskNo: 3, ticketId: land });
    expect(events.at(-1)).toMatchObject({ type: 'ticket.called', reason: 'manual' });
    expect(c.fail({ type: 'call_ticket', deskNo: 1, ticketId: land })).toBe('ticket_not_waiting');
    const other = c.issue('subsidy');
    expect(c.fail({ type: 'call_ticket', deskNo: 3, ticketId: other })).toBe('desk_busy');
  });

  it('refuses bad bodies with validation_failed', () => {
    const c = new Center();
    expect(c.fail({ type: 'issue_ticket' })).toBe('validation_failed');
    expect(c.fail({ type: 'issue_ticket', serviceId: 'passport', extra: 1 })).toBe('validation_failed');
    expect(c.fail({ type: 'teleport' })).toBe('validation_failed');
    expect(c.fail({ type: 'call_next', deskNo: 0 })).toBe('validation_failed');
    expect(c.fail({ type: 'issue_ticket', serviceId: 'orphan' })).toBe('service_not_served');
    expect(c.fail({ type: 'issue_ticket', serviceId: 'nope' })).toBe('service_not_found');
    expect(c.fail({ type: 'issue_ticket', serviceId: 'passport', nextServiceIds: ['orphan'] })).toBe('service_not_served');
  });

  it('refuses everything but configuration before the center is configured', () => {
    const c = new Center(undefined, {}, false);
    expect(c.fail({ type: 'issue_ticket', serviceId: 'passport' })).toBe('not_configured');
    expect(c.fail({ type: 'call_next', deskNo: 1 })).toBe('desk_not_found');
  });
});

describe('recall and no-show', () => {
  it('allows maxRecalls recalls, then refuses and reports the ticket due after the grace time', async () => {
    const { noShowDue } = await import('../../../electron/backend/queue/core');
    const c = new Center(undefined, { maxRecalls: 2, noShowGraceSec: 120 });
    const a = c.issue('passport');
    c.callNext(2);
    c.advance(1).ok({ type: 'recall', deskNo: 2, ticketId: a });
    expect(noShowDue(c.state, c.now + 10 * 60_000)).toEqual([]); // only after the last allowed recall
    c.advance(1).ok({ type: 'recall', deskNo: 2, ticketId: a });
    expect(c.fail({ type: 'recall', deskNo: 2, ticketId: a })).toBe('recall_limit');
    expect(noShowDue(c.state, c.now + 119_999)).toEqual([]);
    const due = noShowDue(c.state, c.now + 120_000);
    expect(due).toEqual([{ ticketId: a, deskNo: 2, version: c.ticket(a).version }]);
    c.advance(2).ok({ type: 'no_show', deskNo: 2, ticketId: a, auto: true, expectedVersion: due[0]?.version });
    expect(c.ticket(a)).toMatchObject({ status: 'no_show' });
    expect(c.ticket(a).legs[0]?.outcome).toBe('no_show');
    expect(c.desk(2)?.ticketId).toBeNull();
  });

  it('the desk can mark a no-show itself before the limit', () => {
    const c = new Center();
    const a = c.issue('passport');
    c.callNext(1);
    const [e] = c.ok({ type: 'no_show', deskNo: 1, ticketId: a });
    expect(e).toMatchObject({ type: 'ticket.no_show', auto: false });
  });
});
