import { afterEach, describe, expect, it } from 'vitest';
import { api, startQueueBackend, type QueueTestBackend } from './helpers';

describe('queue smoke', () => {
  let t: QueueTestBackend | undefined;
  afterEach(async () => t?.stop());

  it('loads the demo center and issues a ticket', async () => {
    t = await startQueueBackend();
    const term = await t.pair('terminal');
    const s = await api(t.url, '/api/queue/services', { token: term });
    expect(s.status).toBe(200);
    expect(s.body.services.length).toBeGreaterThan(10);
    const r = await api(t.url, '/api/queue/tickets', { method: 'POST', token: term, body: { serviceId: 'passport-id' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.ticket.number).toBe('А-001');
    const desk = await t.pair('desk', 1);
    const c = await api(t.url, '/api/queue/desks/1/call-next', { method: 'POST', token: desk, body: {} });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.ticket.number).toBe('А-001');
    const display = await t.pair('display');
    const view = await api(t.url, '/api/queue/display', { token: display });
    expect(view.body.currentCalls[0]).toMatchObject({ number: 'А-001', deskNo: 1, reason: 'oldest' });
    expect((await api(t.url, '/api/queue/desks/1', { token: desk })).body.current.number).toBe('А-001');
    expect((await api(t.url, '/api/queue/desks/99', { token: t.admin })).status).toBe(404);
    expect((await api(t.url, '/api/queue/services', { token: display })).status).toBe(200);
    // The visitor's page is a client-side route: the backend answers it with the renderer's page.
    const page = await api(t.url, `/t/${c.body.ticket.ticketId}`);
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
  });
});
