import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueFiguresSchema, QueueEventSchema } from '../../../contract/queue';
import { DeskActionResponseSchema, IssuedTicketResponseSchema } from '../../../contract/queue-hub';
import { startBackend } from '../../../electron/backend/app';
import { testConfig } from '../backend/helpers';
import { api, EventsClient, queueEventsOf, startQueueBackend, withTokens, type QueueTestBackend } from './helpers';

// A whole (short) center day over HTTP against the demo center pulled from the simulator, at 09:30
// in Kyiv: tickets (one priority), a booking check-in, call / recall / start / finish / transfer /
// no-show, an air-raid pause (calls refused, order kept), a rating and the day's figures. Then the
// backend restarts on the same data dir and must rebuild the very same state from the log.

describe('queue hub: a mini day over HTTP', () => {
  let t: QueueTestBackend;
  let terminal: string;
  let display: string;
  let desks: { 1: string; 2: string; 3: string };
  let displayEvents: EventsClient;
  const post = async (path: string, token: string, body: unknown = {}) => api(t.url, path, { method: 'POST', token, body });

  beforeAll(async () => {
    t = await startQueueBackend();
    [terminal, display] = await Promise.all([t.pair('terminal'), t.pair('display')]);
    desks = { 1: await t.pair('desk', 1), 2: await t.pair('desk', 2), 3: await t.pair('desk', 3) };
    displayEvents = await EventsClient.connect(t.url, { type: 'hello', token: display, since: 0 });
  });
  afterAll(async () => {
    await displayEvents?.close();
    await t?.stop();
  });

  it('runs the day, survives a restart and tells the screens', async () => {
    // Morning: a regular, a priority visitor (military), a registration, and a booking check-in.
    const a1 = await post('/api/queue/tickets', terminal, { serviceId: 'passport-id', requestId: 'k-1' });
    expect(a1.status).toBe(201);
    IssuedTicketResponseSchema.parse(a1.body);
    expect(a1.body).toMatchObject({ ticket: { number: 'А-001', status: 'waiting' }, position: 1, statusUrl: `/t/${a1.body.ticket.ticketId}` });
    expect(a1.body.ticket.ticketId).toMatch(/^t[A-Za-z0-9_-]{20}$/);
    t.clock.advance(1);
    const p1 = await post('/api/queue/tickets', terminal, { serviceId: 'passport-id', priority: 'military', requestId: 'k-2' });
    expect(p1.body.ticket.number).toBe('П-001');
    const v1 = await post('/api/queue/tickets', terminal, { serviceId: 'residence', requestId: 'k-3' });
    expect(v1.body.ticket.number).toBe('В-001');
    const booked = await post('/api/queue/check-ins', terminal, { code: 'bk3x9d23', requestId: 'k-4' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.ticket).toMatchObject({ number: 'Б-001', bookingId: 'bk-2026-11-23-02' });
    expect((await post('/api/queue/check-ins', terminal, { code: 'BK3X9D23' })).body.code).toBe('booking_already_checked_in');

    // The public status page: no token, position and estimate.
    const status = await api(t.url, `/api/public/tickets/${a1.body.ticket.ticketId}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ number: 'А-001', status: 'waiting', position: 2 });
    expect((await api(t.url, '/api/public/tickets/tNOPE')).status).toBe(404);

    // Desk 1: the booking first (its slot started), served.
    t.clock.advance(2);
    const c1 = await post('/api/queue/desks/1/call-next', desks[1]);
    DeskActionResponseSchema.parse(c1.body);
    expect(c1.body.ticket).toMatchObject({ number: 'Б-001', status: 'called', deskNo: 1 });
    expect(c1.body.desk.current.number).toBe('Б-001');
    await post('/api/queue/desks/1/start', desks[1], { ticketId: booked.body.ticket.ticketId });
    t.clock.advance(6);
    const f1 = await post('/api/queue/desks/1/finish', desks[1], { ticketId: booked.body.ticket.ticketId });
    expect(f1.body.ticket.status).toBe('done');

    // Desk 1: the priority visitor, recalled once, started, then transferred to residence.
    const c2 = await post('/api/queue/desks/1/call-next', desks[1]);
    expect(c2.body.ticket.number).toBe('П-001');
    expect(c2.body.desk.waiting.map((w: { ticket: { number: string } }) => w.ticket.number)).toEqual(['А-001']);
    t.clock.advance(1);
    expect((await post('/api/queue/desks/1/recall', desks[1], { ticketId: p1.body.ticket.ticketId })).body.ticket.recalls).toBe(1);
    await post('/api/queue/desks/1/start', desks[1], { ticketId: p1.body.ticket.ticketId });
    t.clock.advance(4);
    const tr = await post('/api/queue/desks/1/transfer', desks[1], { ticketId: p1.body.ticket.ticketId, to: { serviceId: 'residence' }, reason: 'потрібна реєстрація' });
    expect(tr.status, JSON.stringify(tr.body)).toBe(200);
    expect(tr.body.ticket).toMatchObject({ status: 'waiting', serviceId: 'residence', issuedAt: p1.body.ticket.issuedAt });

    // Desk 2: the regular passport visitor does not come.
    const c3 = await post('/api/queue/desks/2/call-next', desks[2]);
    expect(c3.body.ticket.number).toBe('А-001');
    expect((await post('/api/queue/desks/2/no-show', desks[2], { ticketId: a1.body.ticket.ticketId })).body.ticket.status).toBe('no_show');

    // Air raid: everything stops, calls refused, order kept.
    const paused = await post('/api/queue/center/pause', t.admin, { reason: 'air_raid' });
    expect(paused.status).toBe(200);
    expect((await api(t.url, '/api/queue/display', { token: display })).body.paused.reason).toBe('air_raid');
    const refused = await post('/api/queue/desks/3/call-next', desks[3]);
    expect([refused.status, refused.body.code]).toEqual([409, 'center_paused']);
    expect((await post('/api/queue/tickets', terminal, { serviceId: 'residence' })).body.code).toBe('center_paused');
    t.clock.advance(30);
    expect((await post('/api/queue/center/resume', t.admin)).status).toBe(200);
    const c4 = await post('/api/queue/desks/3/call-next', desks[3]);
    expect(c4.body.ticket.number).toBe('П-001'); // priority, transferred, still first
    await post('/api/queue/desks/3/start', desks[3], { ticketId: p1.body.ticket.ticketId });
    t.clock.advance(5);
    await post('/api/queue/desks/3/finish', desks[3], { ticketId: p1.body.ticket.ticketId });
    const c5 = await post('/api/queue/desks/3/call-next', desks[3]);
    expect(c5.body.ticket.number).toBe('В-001');

    // The visitor rates the visit at the terminal; once.
    const rated = await post('/api/queue/ratings', terminal, { ticketId: p1.body.ticket.ticketId, score: 5, reasons: ['polite', 'fast'] });
    expect(rated.status).toBe(201);
    expect((await post('/api/queue/ratings', terminal, { ticketId: p1.body.ticket.ticketId, score: 1 })).body.code).toBe('already_rated');

    // Figures of the day.
    const fig = await api(t.url, '/api/queue/figures?date=2026-11-23', { token: t.admin });
    expect(fig.status).toBe(200);
    const figures = QueueFiguresSchema.parse(fig.body);
    const passport = figures.services.find((s) => s.serviceId === 'passport-id');
    expect(passport).toMatchObject({ arrived: 2, called: 2, served: 0, noShows: 1, transferredOut: 1 });
    const residence = figures.services.find((s) => s.serviceId === 'residence');
    // П-001's residence leg waited from the transfer to the call: the 30 paused minutes do not count.
    // В-001 waited 09:31 → 10:19 = 48 min, 30 of them paused: 18 min; П-001 was called as the pause ended: 0.
    expect(residence).toMatchObject({ arrived: 2, called: 2, served: 1, avgWaitMs: 9 * 60_000 });
    expect(figures.desks.find((d) => d.deskNo === 1)).toMatchObject({ called: 2, served: 1, transferredOut: 1 });
    expect((await api(t.url, '/api/queue/figures?date=23.11.2026', { token: t.admin })).status).toBe(400);

    // Every screen heard the day; no event carries a visitor's name.
    await displayEvents.waitFor((m) => queueEventsOf({ messages: m } as EventsClient).some((e) => e.event.type === 'visit.rated'), 'visit.rated');
    const heard = queueEventsOf(displayEvents);
    for (const { event } of heard) QueueEventSchema.parse(event);
    const types = heard.map((e) => e.event.type);
    for (const type of ['center.configured', 'bookings.imported', 'ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.transferred', 'ticket.no_show', 'center.paused', 'center.resumed', 'visit.rated']) {
      expect(types).toContain(type);
    }
    expect(JSON.stringify(displayEvents.messages)).not.toMatch(/visitorName|Шевчук|Коваленко/);

    // Restart on the same data dir: the replayed state is the live one.
    const live = structuredClone(t.backend.context.queue.hub.current);
    await t.backend.close();
    const again = await startBackend(testConfig(t.dataDir, { log: { level: 'warn' } }), { console: null, rendererDir: null, now: t.clock.now });
    const dataDir = t.dataDir;
    t = await withTokens({ backend: again, dataDir, stop: async () => {
      await again.close();
      await rm(dataDir, { recursive: true, force: true });
    } }, t.clock);
    expect(again.context.queue.hub.current).toEqual(live);
    const desk3 = await api(t.url, '/api/queue/desks/3', { token: t.admin });
    expect(desk3.body.current.number).toBe('В-001');
    // A retried request from before the restart is still answered, not repeated.
    const retry = await post('/api/queue/tickets', terminal, { serviceId: 'passport-id', requestId: 'k-1' });
    expect([retry.status, retry.body.ticket.number]).toEqual([201, 'А-001']);
  });
});
