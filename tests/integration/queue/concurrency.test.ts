import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/backend/logging';
import { QueueHub } from '../../../electron/backend/queue';
import { api, startQueueBackend, type QueueTestBackend } from './helpers';

// 50 desks (50 desk tokens) serving the same services press "call next" at the same moment over
// real HTTP. Each ticket may be called by at most one desk; each desk gets a distinct ticket or a
// clean 409 queue_empty. The ticket rows (compare-and-set by version) must agree.

const DESKS = 50;
const SERVICES = [
  { id: 'passport', name: { uk: 'Паспорт', en: 'Passport' }, category: 'documents', prefix: 'А', targetWaitMin: 15 },
  { id: 'residence', name: { uk: 'Реєстрація місця проживання', en: 'Residence' }, category: 'residence', prefix: 'В', targetWaitMin: 15 },
];

describe('queue hub: 50 desks calling next at once', () => {
  let t: QueueTestBackend;
  let tokens: string[];

  beforeAll(async () => {
    t = await startQueueBackend();
    const desks = Array.from({ length: DESKS }, (_, i) => ({ deskNo: i + 1, serviceIds: ['passport', 'residence'] }));
    const c = await api(t.url, '/api/queue/center/configure', { method: 'POST', token: t.admin, body: { services: SERVICES, desks } });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    tokens = await Promise.all(desks.map((d) => t.pair('desk', d.deskNo)));
  });
  afterAll(async () => t.stop());

  async function issue(n: number): Promise<void> {
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        api(t.url, '/api/queue/tickets', { method: 'POST', token: t.admin, body: { serviceId: i % 3 === 0 ? 'residence' : 'passport' } }).then((r) => {
          if (r.status !== 201) throw new Error(`issue failed: ${r.status}`);
        }),
      ),
    );
  }

  async function callAll(round: string): Promise<{ status: number; body: { code?: string; ticket?: { ticketId: string; deskNo: number } } }[]> {
    return Promise.all(
      tokens.map((token, i) => api(t.url, `/api/queue/desks/${i + 1}/call-next`, { method: 'POST', token, body: { requestId: `${round}-${i}` } })),
    );
  }

  async function finishAll(results: Awaited<ReturnType<typeof callAll>>): Promise<void> {
    for (const [i, r] of results.entries()) {
      if (r.status !== 200 || r.body.ticket === undefined) continue;
      const body = { ticketId: r.body.ticket.ticketId };
      expect((await api(t.url, `/api/queue/desks/${i + 1}/start`, { method: 'POST', token: tokens[i], body })).status).toBe(200);
      expect((await api(t.url, `/api/queue/desks/${i + 1}/finish`, { method: 'POST', token: tokens[i], body })).status).toBe(200);
    }
  }

  function checkNoDuplicates(results: Awaited<ReturnType<typeof callAll>>): string[] {
    const called = results.filter((r) => r.status === 200).map((r) => r.body.ticket?.ticketId ?? '');
    expect(new Set(called).size).toBe(called.length);
    results.forEach((r, i) => {
      if (r.status === 200) expect(r.body.ticket?.deskNo).toBe(i + 1);
      else expect([r.status, r.body.code]).toEqual([409, 'queue_empty']);
    });
    return called;
  }

  it('with 60 waiting: every desk gets a distinct ticket', async () => {
    await issue(60);
    const results = await callAll('a');
    const called = checkNoDuplicates(results);
    expect(called.length).toBe(DESKS);
    const rows = await t.backend.context.db.all<{ id: string; desk_no: number; status: string }>(
      "SELECT id, desk_no, status FROM queue_tickets WHERE status = 'called'",
    );
    expect(rows.length).toBe(DESKS);
    expect(new Set(rows.map((r) => r.desk_no)).size).toBe(DESKS);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(called));
    await finishAll(results);
  });

  it('with 30 waiting: 30 distinct tickets and 20 clean "nobody waiting"', async () => {
    // 10 are left from the first round.
    await issue(20);
    const results = await callAll('b');
    const called = checkNoDuplicates(results);
    expect(called.length).toBe(30);
    expect(results.filter((r) => r.status === 409).length).toBe(20);
    const events = await t.backend.context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called'");
    expect(events?.n).toBe(80);
  });

  it('replaying the log rebuilds exactly the live state', async () => {
    const { db, events, now, queue } = t.backend.context;
    const rebuilt = await QueueHub.open({ db, events, now, logger: silentLogger() });
    expect(rebuilt.current).toEqual(queue.hub.current);
  });
});
