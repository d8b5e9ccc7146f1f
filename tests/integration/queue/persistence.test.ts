import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventLog } from '../../../electron/backend/events/event-log';
import { silentLogger } from '../../../electron/backend/logging';
import { QueueHub, readQueueLog } from '../../../electron/backend/queue';
import type { WriteWithEvents } from '../../../electron/backend/queue/hub';
import { sqlText } from '../../../electron/backend/storage/sql-text';
import { migrate } from '../../../electron/backend/storage/migrate';
import { tempDatabase } from '../../unit/backend/helpers';
import { applyEvents, emptyState } from '../../../electron/backend/queue/core';
import { api, DAY_START, EventsClient, queueEventsOf, snapshot, startQueueBackend, TestClock, type QueueTestBackend } from './helpers';

// The durable side of the hub: request ids beyond the in-memory window, the compare-and-set on
// ticket rows, writeWithEvents (portal sync's outbox), and the timer's auto no-show and
// midnight close.

const SERVICES = [{ id: 'passport', name: { uk: 'Паспорт', en: 'Passport' }, category: 'documents', prefix: 'А', targetWaitMin: 15 }];
const DESKS = [{ deskNo: 1, serviceIds: ['passport'] }];

describe('queue hub persistence', () => {
  let t: QueueTestBackend | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function configure(settings: Record<string, unknown> = {}): Promise<QueueTestBackend> {
    const b = t as QueueTestBackend;
    const r = await api(b.url, '/api/queue/center/configure', { method: 'POST', token: b.admin, body: { services: SERVICES, desks: DESKS, settings } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return b;
  }
  const issue = (b: QueueTestBackend, requestId?: string) =>
    api(b.url, '/api/queue/tickets', { method: 'POST', token: b.admin, body: { serviceId: 'passport', ...(requestId ? { requestId } : {}) } });

  it('remembers request ids the state forgot (requestMemory 1)', async () => {
    t = await startQueueBackend();
    const b = await configure({ requestMemory: 1 });
    const first = await issue(b, 'r-1');
    await issue(b, 'r-2');
    await issue(b, 'r-3');
    const before = await snapshot(b);
    const again = await issue(b, 'r-1');
    expect(again.status).toBe(201);
    expect(again.body.ticket.ticketId).toBe(first.body.ticket.ticketId);
    expect(await snapshot(b)).toEqual(before);
    const row = await b.backend.context.db.get<{ command: string; first_seq: number }>("SELECT command, first_seq FROM queue_requests WHERE request_id = 'r-1'");
    expect(row?.command).toBe('issue_ticket');
    const reused = await api(b.url, '/api/queue/desks/1/call-next', { method: 'POST', token: b.admin, body: { requestId: 'r-1' } });
    expect([reused.status, reused.body.code]).toEqual([409, 'request_id_reused']);
  });

  it('answers a forgotten request id inside a batch with its first result, and the rest of the batch normally', async () => {
    t = await startQueueBackend();
    const b = await configure({ requestMemory: 1 });
    const hub = b.backend.context.queue.hub;
    const issueAs = (requestId: string) => hub.submit({ type: 'issue_ticket', serviceId: 'passport', requestId }, 'tok:kiosk');
    const ticketOf = (r: Awaited<ReturnType<typeof issueAs>>) => (r.ok ? r.events.find((e) => e.type === 'ticket.issued') : undefined);
    const first = ticketOf(await issueAs('old'));
    await issueAs('newer'); // the state now remembers only "newer"
    const before = { ...hub.stats };
    const [again, c, d] = await Promise.all([issueAs('old'), issueAs('c'), issueAs('d')]);
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(ticketOf(again)).toEqual(first);
    expect([ticketOf(c), ticketOf(d)].map((e) => (e?.type === 'ticket.issued' ? e.number : '?'))).toEqual(['А-003', 'А-004']);
    // One batch found the recorded id, was rolled back and committed once more, asking first.
    expect(hub.stats.retried - before.retried).toBe(1);
    expect(hub.stats.transactions - before.transactions).toBe(1);
    expect((await b.backend.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM queue_tickets'))?.n).toBe(4);
  });

  it('commits concurrent commands in batches, exactly as one by one', async () => {
    t = await startQueueBackend();
    const b = await configure();
    const hub = b.backend.context.queue.hub;
    const before = { ...hub.stats };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => hub.submit({ type: 'issue_ticket', serviceId: 'passport', requestId: `g-${i % 90}` }, 'tok:test')),
    );
    const numbers = results.map((r) => (r.ok ? r.events.find((e) => e.type === 'ticket.issued') : undefined)).map((e) => (e?.type === 'ticket.issued' ? e.number : '?'));
    // 90 distinct requests: 90 tickets numbered 1..90 with no gap; the 10 repeats got their first answer.
    expect(new Set(numbers).size).toBe(90);
    expect([...new Set(numbers)].sort()).toEqual(Array.from({ length: 90 }, (_, i) => `А-${String(i + 1).padStart(3, '0')}`));
    expect(results.slice(90).every((r) => r.ok && r.replayed)).toBe(true);
    const tx = hub.stats.transactions - before.transactions;
    expect(tx).toBeGreaterThan(0);
    expect(tx).toBeLessThan(90);
    const rows = await b.backend.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM queue_tickets');
    expect(rows?.n).toBe(90);
  });

  it('refuses a call when the ticket row is not at the decided version (compare-and-set) and changes nothing', async () => {
    t = await startQueueBackend();
    const b = await configure();
    const issued = await issue(b);
    // Someone else moved the row: the in-memory decision no longer matches the database.
    await b.backend.context.db.run('UPDATE queue_tickets SET version = version + 1 WHERE id = ?', [issued.body.ticket.ticketId]);
    const before = await snapshot(b);
    const r = await api(b.url, '/api/queue/desks/1/call-next', { method: 'POST', token: b.admin, body: {} });
    expect([r.status, r.body.code]).toEqual([409, 'version_conflict']);
    expect(await snapshot(b)).toEqual(before);
  });

  it('writes what writeWithEvents adds in the batch transaction; a failing one rolls the command back', async () => {
    const { db, dispose } = await tempDatabase();
    try {
      await migrate(db);
      await db.exec('CREATE TABLE test_outbox (seq INTEGER PRIMARY KEY, type TEXT NOT NULL)');
      let hook: WriteWithEvents = (events) => [
        sqlText`INSERT INTO test_outbox (seq, type) SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(events.map((e) => [e.seq, e.event.type]))})`,
      ];
      const hub = await QueueHub.open({ db, events: await EventLog.open(db), now: () => new Date(DAY_START), logger: silentLogger(), writeWithEvents: (events) => hook(events) });
      expect((await hub.submit({ type: 'configure', services: SERVICES, desks: DESKS }, 'tok:admin')).ok).toBe(true);
      expect((await hub.submit({ type: 'issue_ticket', serviceId: 'passport' }, 'tok:admin')).ok).toBe(true);
      const rows = await db.all<{ seq: number; type: string }>("SELECT seq, type FROM test_outbox WHERE type = 'ticket.issued'");
      const logged = await db.get<{ seq: number }>("SELECT seq FROM events WHERE type = 'ticket.issued'");
      expect(rows).toEqual([{ seq: logged?.seq, type: 'ticket.issued' }]);
      hook = () => ["INSERT INTO test_outbox (seq, type) VALUES (1, 'a'), (1, 'a')"]; // a statement that fails: UNIQUE
      const before = { state: JSON.stringify(hub.current), events: await db.all('SELECT seq FROM events'), tickets: await db.all('SELECT * FROM queue_tickets') };
      await expect(hub.submit({ type: 'issue_ticket', serviceId: 'passport' }, 'tok:admin')).rejects.toThrow(/UNIQUE constraint failed: test_outbox.seq/);
      expect({ state: JSON.stringify(hub.current), events: await db.all('SELECT seq FROM events'), tickets: await db.all('SELECT * FROM queue_tickets') }).toEqual(before);
    } finally {
      await dispose();
    }
  });

  it('marks a no-show when the grace after the last recall runs out', async () => {
    t = await startQueueBackend({ queue: { tickMs: 20 } });
    const b = await configure({ maxRecalls: 1, noShowGraceSec: 60 });
    const events = await EventsClient.connect(b.url, { type: 'hello', token: b.admin, since: 0 });
    try {
      const issued = await issue(b);
      const id = issued.body.ticket.ticketId;
      await api(b.url, '/api/queue/desks/1/call-next', { method: 'POST', token: b.admin, body: {} });
      await api(b.url, '/api/queue/desks/1/recall', { method: 'POST', token: b.admin, body: { ticketId: id } });
      b.clock.advance(1.01);
      await events.waitFor((m) => queueEventsOf({ messages: m } as EventsClient).some((e) => e.event.type === 'ticket.no_show'), 'auto no-show');
      const noShow = queueEventsOf(events).find((e) => e.event.type === 'ticket.no_show')?.event;
      expect(noShow).toMatchObject({ ticketId: id, auto: true, meta: { clientId: 'hub' } });
    } finally {
      await events.close();
    }
  });

  it("serves an earlier day's figures from its day-end snapshot, not by replaying the whole log", async () => {
    t = await startQueueBackend({ queue: { tickMs: 20 } }, {}, new TestClock(Date.parse('2026-11-23T21:30:00Z'))); // 23:30 in Kyiv
    const b = await configure();
    const events = await EventsClient.connect(b.url, { type: 'hello', token: b.admin, since: 0 });
    try {
      const desk = (action: string, body: object = {}) => api(b.url, `/api/queue/desks/1/${action}`, { method: 'POST', token: b.admin, body });
      const served = (await issue(b)).body.ticket.ticketId;
      await issue(b); // still waiting at midnight: abandoned by the close
      b.clock.advance(4);
      await desk('call-next');
      await desk('start', { ticketId: served });
      b.clock.advance(10);
      await desk('finish', { ticketId: served });
      b.clock.advance(20); // 00:04 on the 24th
      await events.waitFor((m) => queueEventsOf({ messages: m } as EventsClient).some((e) => e.event.type === 'day.closed'), 'day.closed');
      const figuresOf = async (date: string) => {
        const r = await api(b.url, `/api/queue/figures?date=${date}`, { token: b.admin });
        expect(r.status).toBe(200);
        return r.body;
      };
      const atClose = await figuresOf('2026-11-23'); // the live state: the day is closed, not yet rolled
      expect(atClose.services.find((x: { serviceId: string }) => x.serviceId === 'passport')).toMatchObject({ arrived: 2, called: 1, served: 1, abandoned: 1 });
      expect((await issue(b)).body.ticket.number).toBe('А-001'); // the 24th: yesterday's tickets leave the state

      const { db } = b.backend.context;
      const snap = await db.get<{ seq: number }>('SELECT seq FROM queue_snapshots');
      const reads = vi.spyOn(db, 'all');
      expect(await figuresOf('2026-11-23')).toEqual(atClose);
      const logReads = reads.mock.calls.filter(([sql]) => sql.includes('FROM events'));
      expect(logReads.map(([, params]) => (params as unknown[])[0])).toEqual([snap?.seq]); // one page, after the snapshot
      reads.mockRestore();
    } finally {
      await events.close();
    }
  });

  it('closes a day still open at local midnight, dated that day, and numbers the next day from 001', async () => {
    t = await startQueueBackend({ queue: { tickMs: 20 } }, {}, new TestClock(Date.parse('2026-11-23T21:59:00Z')));
    const b = await configure();
    const events = await EventsClient.connect(b.url, { type: 'hello', token: b.admin, since: 0 });
    try {
      expect((await issue(b)).body.ticket.number).toBe('А-001');
      b.clock.advance(2); // 00:01 on the 24th in Kyiv
      await events.waitFor((m) => queueEventsOf({ messages: m } as EventsClient).some((e) => e.event.type === 'day.closed'), 'day.closed');
      const closed = queueEventsOf(events).find((e) => e.event.type === 'day.closed')?.event;
      expect(closed).toMatchObject({ date: '2026-11-23', at: '2026-11-23T21:59:59.999Z' });
      expect((await issue(b)).body.ticket.number).toBe('А-001');
      const { db, events: log, now, queue } = b.backend.context;
      expect(queue.hub.current.day).toEqual({ date: '2026-11-24', closed: false });
      // The day.closed transaction stored a snapshot; start-up from it equals the live state and a
      // replay of the whole log.
      const snap = await db.get<{ seq: number }>('SELECT seq FROM queue_snapshots');
      expect(snap?.seq).toBe(queueEventsOf(events).find((e) => e.event.type === 'day.closed')?.seq);
      const fromSnapshot = await QueueHub.open({ db, events: log, now, logger: silentLogger() });
      expect(fromSnapshot.current).toEqual(queue.hub.current);
      let full = emptyState();
      await readQueueLog(db, (page) => (full = applyEvents(full, page.map((p) => p.event))));
      expect(full).toEqual(queue.hub.current);
    } finally {
      await events.close();
    }
  });
});
