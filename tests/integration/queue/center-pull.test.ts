import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalBookingsPageSchema, PortalCenterSchema, PortalServicesSchema } from '../../../contract/portal-center';
import { api, startQueueBackend, type QueueTestBackend } from './helpers';

// The simulator's center routes (ETag, cursor paging) and the hub's pull of them at start.

describe('center pulled from the portal simulator', () => {
  let t: QueueTestBackend;
  let sim: string;
  beforeAll(async () => {
    t = await startQueueBackend();
    sim = t.backend.simulatorUrl ?? '';
  });
  afterAll(async () => t.stop());

  it('serves the demo center, services with an ETag, and today\'s bookings page by page', async () => {
    const center = PortalCenterSchema.parse((await api(sim, '/api/v1/centers/cnap-demo')).body);
    expect(center.desks.length).toBe(6);
    const services = await api(sim, '/api/v1/centers/cnap-demo/services');
    expect(PortalServicesSchema.parse(services.body).services.length).toBe(13);
    const etag = services.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${sim}/api/v1/centers/cnap-demo/services`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const page1 = PortalBookingsPageSchema.parse((await api(sim, '/api/v1/centers/cnap-demo/bookings?limit=4')).body);
    expect(page1.items.length).toBe(4);
    expect(page1.items[0]).toMatchObject({ id: 'bk-2026-11-23-01', code: 'BK7Q2M23', slotStart: '2026-11-23T07:00:00.000Z' });
    const page2 = PortalBookingsPageSchema.parse((await api(sim, `/api/v1/centers/cnap-demo/bookings?limit=4&cursor=${page1.nextCursor}`)).body);
    expect(page2.items[0]?.id).toBe('bk-2026-11-23-05');
    const summer = PortalBookingsPageSchema.parse((await api(sim, '/api/v1/centers/cnap-demo/bookings?date=2026-07-01')).body);
    expect(summer.items[0]?.slotStart).toBe('2026-07-01T06:00:00.000Z'); // 09:00 in Kyiv is UTC+3 in summer
    expect((await api(sim, '/api/v1/centers/nope')).status).toBe(404);
    expect((await api(sim, '/api/v1/centers/cnap-demo/bookings?cursor=%%%')).status).toBe(400);
  });

  it('configured the hub at start, without visitor names, and a second pull changes nothing', async () => {
    const c = await api(t.url, '/api/queue/center', { token: t.admin });
    expect(c.body).toMatchObject({ configured: true, bookingsToday: 10, settings: { timeZone: 'Europe/Kyiv', noShowGraceSec: 120 } });
    expect(c.body.services[0].name.uk).toBe('Паспорт громадянина України (ID-картка)');
    const rows = await t.backend.context.db.all<{ data: string }>("SELECT data FROM events WHERE type = 'bookings.imported'");
    expect(rows.length).toBe(1);
    expect(rows[0]?.data).not.toContain('visitorName');
    const pull = await api(t.url, '/api/queue/center/pull', { method: 'POST', token: t.admin });
    expect(pull.body.report).toMatchObject({ configured: false, bookingsImported: 0 });
  });

  it('answers 503 when the portal is down, and the queue keeps working', async () => {
    await api(sim, '/sim/faults', { method: 'POST', body: { down: true } });
    const pull = await api(t.url, '/api/queue/center/pull', { method: 'POST', token: t.admin });
    expect([pull.status, pull.body.code]).toEqual([503, 'portal_unavailable']);
    const term = await t.pair('terminal');
    expect((await api(t.url, '/api/queue/tickets', { method: 'POST', token: term, body: { serviceId: 'residence' } })).status).toBe(201);
    await api(sim, '/sim/faults', { method: 'POST', body: {} });
  });

  it('rate-limits the public status page and never needs a token', async () => {
    const term = await t.pair('terminal');
    const issued = await api(t.url, '/api/queue/tickets', { method: 'POST', token: term, body: { serviceId: 'consultation' } });
    const path = `/api/public/tickets/${issued.body.ticket.ticketId}`;
    const first = await api(t.url, path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(first.body).sort()).toEqual(['deskNo', 'estimatedWaitMin', 'number', 'paused', 'position', 'serviceId', 'status', 'ticketId']);
    const burst = await Promise.all(Array.from({ length: 130 }, () => api(t.url, path)));
    expect(burst.some((r) => r.status === 429)).toBe(true);
  });
});
