import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, snapshot, startQueueBackend, type QueueTestBackend } from './helpers';

// Every kind of bad input gets a clear 4xx (problem+json with a code) and changes nothing: the
// ticket rows, the request rows, the log and the in-memory state are compared before and after.

const SERVICES = [
  { id: 'passport', name: { uk: 'Паспорт', en: 'Passport' }, category: 'documents', prefix: 'А', targetWaitMin: 15 },
  { id: 'subsidy', name: { uk: 'Субсидія', en: 'Subsidy' }, category: 'social', prefix: 'Б', targetWaitMin: 20 },
  { id: 'archive', name: { uk: 'Архів', en: 'Archive' }, category: 'other', prefix: 'Г', targetWaitMin: 30 },
];
const DESKS = [
  { deskNo: 1, serviceIds: ['passport', 'subsidy'] },
  { deskNo: 2, serviceIds: ['passport'] },
];

describe('queue hub: bad input changes nothing', () => {
  let t: QueueTestBackend;
  let terminal: string;
  let display: string;
  let desk1: string;
  let desk2: string;
  let heldByDesk1: string;
  let waitingId: string;

  beforeAll(async () => {
    t = await startQueueBackend();
    const c = await api(t.url, '/api/queue/center/configure', { method: 'POST', token: t.admin, body: { services: SERVICES, desks: DESKS } });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    [terminal, display, desk1, desk2] = await Promise.all([t.pair('terminal'), t.pair('display'), t.pair('desk', 1), t.pair('desk', 2)]);
    for (let i = 0; i < 3; i++) {
      const r = await api(t.url, '/api/queue/tickets', { method: 'POST', token: terminal, body: { serviceId: 'passport', requestId: `seed-${i}` } });
      expect(r.status).toBe(201);
    }
    const called = await api(t.url, '/api/queue/desks/1/call-next', { method: 'POST', token: desk1, body: { requestId: 'c1' } });
    expect(called.status).toBe(200);
    heldByDesk1 = called.body.ticket.ticketId;
    waitingId = called.body.desk.waiting[0].ticket.ticketId;
  });
  afterAll(async () => t.stop());

  /** Run the request, expect the status and code, and that nothing changed. */
  async function refused(path: string, init: Parameters<typeof api>[2], status: number, code?: string): Promise<Record<string, unknown>> {
    const before = await snapshot(t);
    const r = await api(t.url, path, { method: 'POST', ...init });
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.type).toContain('application/problem+json');
    if (code !== undefined) expect(r.body.code).toBe(code);
    expect(typeof r.body.detail).toBe('string');
    expect(await snapshot(t)).toEqual(before);
    return r.body;
  }

  it('a desk calling while on break: 409 desk_on_break', async () => {
    const b = await api(t.url, '/api/queue/desks/2/break', { method: 'POST', token: desk2, body: { reason: 'обід' } });
    expect(b.status).toBe(200);
    expect(b.body.desk.onBreak.reason).toBe('обід');
    await refused('/api/queue/desks/2/call-next', { token: desk2, body: {} }, 409, 'desk_on_break');
    expect((await api(t.url, '/api/queue/desks/2/break-end', { method: 'POST', token: desk2 })).status).toBe(200);
  });

  it('finishing a ticket the desk does not hold: 409', async () => {
    await refused('/api/queue/desks/2/finish', { token: desk2, body: { ticketId: heldByDesk1 } }, 409, 'ticket_not_held_by_desk');
    await refused('/api/queue/desks/1/finish', { token: desk1, body: { ticketId: waitingId } }, 409, 'ticket_not_held_by_desk');
    await refused('/api/queue/desks/1/finish', { token: desk1, body: { ticketId: heldByDesk1 } }, 409, 'ticket_not_serving');
  });

  it('transferring to a service nobody serves: 422', async () => {
    await refused('/api/queue/desks/1/transfer', { token: desk1, body: { ticketId: heldByDesk1, to: { serviceId: 'archive' }, reason: 'архів' } }, 422, 'service_not_served');
    await refused('/api/queue/desks/1/transfer', { token: desk1, body: { ticketId: heldByDesk1, to: { serviceId: 'subsidy', deskNo: 2 }, reason: 'x' } }, 422, 'service_not_served');
    await refused('/api/queue/tickets', { token: terminal, body: { serviceId: 'archive' } }, 422, 'service_not_served');
  });

  it('a body from another role: 403', async () => {
    await refused('/api/queue/tickets', { token: display, body: { serviceId: 'passport' } }, 403, 'forbidden');
    await refused('/api/queue/desks/1/call-next', { token: terminal, body: {} }, 403, 'forbidden');
    await refused('/api/queue/center/pause', { token: desk1, body: {} }, 403, 'forbidden');
    await refused('/api/queue/ratings', { token: display, body: { ticketId: heldByDesk1, score: 5 } }, 403, 'forbidden');
    await refused('/api/queue/tickets', { body: { serviceId: 'passport' } }, 401);
    const figures = await api(t.url, '/api/queue/figures', { token: desk1 });
    expect(figures.status).toBe(403);
  });

  it('a desk token acting on another desk: 403', async () => {
    await refused('/api/queue/desks/2/call-next', { token: desk1, body: {} }, 403, 'forbidden');
    await refused('/api/queue/desks/1/no-show', { token: desk2, body: { ticketId: heldByDesk1 } }, 403, 'forbidden');
    expect((await api(t.url, '/api/queue/desks/2', { token: desk1 })).status).toBe(403);
  });

  it('invalid bodies: 400 naming the paths', async () => {
    const p = await refused('/api/queue/tickets', { token: terminal, body: { serviceId: 5, priority: 'vip', extra: 1 } }, 400, 'invalid_body');
    const paths = (p.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['extra', 'priority', 'serviceId']);
    const q = await refused('/api/queue/desks/1/transfer', { token: desk1, body: { ticketId: heldByDesk1, to: {}, reason: '' } }, 400, 'invalid_body');
    expect((q.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['reason', 'to']);
    const r = await refused('/api/queue/desks/1/call-next', { token: desk1, body: { deskNo: 2 } }, 400, 'invalid_body');
    expect((r.errors as { path: string }[])[0]?.path).toBe('deskNo');
    await refused('/api/queue/ratings', { token: terminal, body: { ticketId: heldByDesk1, score: 6, reasons: ['polite', 'polite'] } }, 400, 'invalid_body');
    await refused('/api/queue/tickets', { token: terminal, rawBody: '{"serviceId":' }, 400);
    await refused('/api/queue/desks/abc/call-next', { token: t.admin, body: {} }, 404);
  });

  it('a terminal tapped 20 times a second: one ticket, the excess 429', async () => {
    const before = (await api(t.url, '/api/queue/services', { token: display })).body.services[0].waiting as number;
    const taps = await Promise.all(
      Array.from({ length: 20 }, () => api(t.url, '/api/queue/tickets', { method: 'POST', token: terminal, body: { serviceId: 'passport', requestId: 'tap-1' } })),
    );
    const ok = taps.filter((r) => r.status === 201);
    const limited = taps.filter((r) => r.status === 429);
    expect(ok.length + limited.length).toBe(20);
    expect(limited.length).toBeGreaterThanOrEqual(9);
    expect(new Set(ok.map((r) => r.body.ticket.ticketId)).size).toBe(1);
    expect(limited[0]?.body.code).toBe('too_many_requests');
    const after = (await api(t.url, '/api/queue/services', { token: display })).body.services[0].waiting as number;
    expect(after).toBe(before + 1);
  });

  it('a stale client replaying an old request gets the original result and no new event', async () => {
    // Another kiosk: the first one's bucket is still empty after the taps.
    const kiosk = await t.pair('terminal');
    const first = await api(t.url, '/api/queue/tickets', { method: 'POST', token: kiosk, body: { serviceId: 'subsidy', requestId: 'old-1' } });
    expect(first.status).toBe(201);
    await api(t.url, '/api/queue/tickets', { method: 'POST', token: kiosk, body: { serviceId: 'passport', requestId: 'newer-1' } });
    const before = await snapshot(t);
    const again = await api(t.url, '/api/queue/tickets', { method: 'POST', token: kiosk, body: { serviceId: 'subsidy', requestId: 'old-1' } });
    expect(again.status).toBe(201);
    expect(again.body.ticket.ticketId).toBe(first.body.ticket.ticketId);
    expect(again.body.ticket.number).toBe(first.body.ticket.number);
    const desk = await api(t.url, '/api/queue/desks/1/call-next', { method: 'POST', token: desk1, body: { requestId: 'c1' } });
    expect(desk.status).toBe(200);
    expect(desk.body.ticket.ticketId).toBe(heldByDesk1);
    expect(await snapshot(t)).toEqual(before);
    // The same id for another kind of command is a client bug, not a retry.
    await refused('/api/queue/desks/1/recall', { token: desk1, body: { ticketId: heldByDesk1, requestId: 'c1' } }, 409, 'request_id_reused');
  });
});
