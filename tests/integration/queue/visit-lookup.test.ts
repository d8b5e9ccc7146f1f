import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalSettingsResponseSchema, VisitLookupResponseSchema } from '../../../contract/queue-hub';
import { api, startQueueBackend, type QueueTestBackend } from './helpers';

// Rating at the terminal: the terminal (the visitor-facing role) finds a visit by the id in its
// ticket's QR or by the number typed on the kiosk, and may rate it; a display may do neither.

describe('queue hub: visit lookup and rating from the terminal', () => {
  let t: QueueTestBackend;
  let terminal: string;
  let display: string;
  let desk1: string;
  const post = (path: string, token: string, body: unknown = {}) => api(t.url, path, { method: 'POST', token, body });
  const lookup = (query: string, token = terminal) => api(t.url, `/api/queue/visits/lookup?${query}`, { token });

  beforeAll(async () => {
    t = await startQueueBackend();
    [terminal, display, desk1] = await Promise.all([t.pair('terminal'), t.pair('display'), t.pair('desk', 1)]);
  });
  afterAll(() => t?.stop());

  it('finds a visit by QR id or typed number, says whether it can be rated, and lets the terminal rate it', async () => {
    const issued = await post('/api/queue/tickets', terminal, { serviceId: 'passport-id' });
    const { ticketId, number } = issued.body.ticket as { ticketId: string; number: string };
    expect(number).toBe('А-001');

    // Waiting: found, not yet served.
    const waiting = await lookup(`ticketId=${ticketId}`);
    expect(waiting.status).toBe(200);
    expect(VisitLookupResponseSchema.parse(waiting.body)).toEqual({ ticketId, number, status: 'waiting', served: false, rated: false });
    expect((await post('/api/queue/ratings', terminal, { ticketId, score: 4 })).body.code).toBe('ticket_not_served');

    await post('/api/queue/desks/1/call-next', desk1);
    await post('/api/queue/desks/1/start', desk1, { ticketId });
    await post('/api/queue/desks/1/finish', desk1, { ticketId });

    // Typed on the kiosk, however it is typed (Latin look-alike letter, no dash, no zeros).
    for (const typed of ['А-001', 'а001', 'A 1', 'a-01']) {
      const found = await lookup(`number=${encodeURIComponent(typed)}`);
      expect(found.status, typed).toBe(200);
      expect(found.body).toEqual({ ticketId, number, status: 'done', served: true, rated: false });
    }
    const rated = await post('/api/queue/ratings', terminal, { ticketId, score: 5, reasons: ['fast'] });
    expect(rated.status).toBe(201);
    expect((await lookup(`ticketId=${ticketId}`)).body).toMatchObject({ status: 'done', rated: true });
    expect((await post('/api/queue/ratings', terminal, { ticketId, score: 1 })).body.code).toBe('already_rated');
  });

  it('answers 404 for an unknown ticket, 400 for a bad query, 403 for a display', async () => {
    const unknown = await lookup('number=%D0%90-999');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ticket_not_found']);
    expect((await lookup('number=hello')).status).toBe(404);
    expect((await lookup('ticketId=tNOPE')).status).toBe(404);
    expect((await lookup('')).status).toBe(400);
    expect((await lookup('ticketId=a&number=b')).status).toBe(400);
    expect((await lookup('ticketId=t1', display)).status).toBe(403);
    expect((await post('/api/queue/ratings', display, { ticketId: 't1', score: 5 })).status).toBe(403);
  });

  it('tells the terminal its settings: no camera by default, the priority series letter', async () => {
    const settings = await api(t.url, '/api/queue/terminal/settings', { token: terminal });
    expect(settings.status).toBe(200);
    expect(TerminalSettingsResponseSchema.parse(settings.body)).toEqual({ camera: false, priorityPrefix: 'П' });
  });

  it('says camera: true where the admin fitted the terminal with one (config terminal.camera)', async () => {
    const fitted = await startQueueBackend({}, { terminal: { camera: true } });
    try {
      const token = await fitted.pair('terminal');
      expect((await api(fitted.url, '/api/queue/terminal/settings', { token })).body).toEqual({ camera: true, priorityPrefix: 'П' });
    } finally {
      await fitted.stop();
    }
  });
});
