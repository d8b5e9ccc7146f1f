import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueCommandInput } from '../../../contract/queue';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import type { QueueHub } from '../../../electron/backend/queue/hub';
import { MemorySecretStore } from '../../../native/secret-store/memory-store';
import { api, claim, codeOf, EventsClient, startTestBackend, type TestBackend } from '../backend/helpers';

// The Hub API of sync over real HTTP, with the backend's own training simulator.

let running: TestBackend | null = null;

/** A whole visit through the queue hub (training center): issue, call, start, finish, a 5-star rating. */
async function rateOneVisit(hub: QueueHub): Promise<void> {
  const desk = Object.values(hub.current.desks)[0];
  const serviceId = desk?.serviceIds[0];
  if (desk === undefined || serviceId === undefined) throw new Error('the training center has no desk');
  const submit = async (command: QueueCommandInput) => {
    const r = await hub.submit(command, 'tok:test');
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
    return r.events;
  };
  const issued = (await submit({ type: 'issue_ticket', serviceId })).find((e) => e.type === 'ticket.issued');
  if (issued?.type !== 'ticket.issued') throw new Error('no ticket issued');
  const { deskNo } = desk;
  await submit({ type: 'call_ticket', deskNo, ticketId: issued.ticketId });
  await submit({ type: 'start', deskNo, ticketId: issued.ticketId });
  await submit({ type: 'finish', deskNo, ticketId: issued.ticketId });
  await submit({ type: 'rate', ticketId: issued.ticketId, score: 5, reasons: ['fast'] });
}
afterEach(async () => {
  await running?.stop();
  running = null;
});

async function adminBackend(): Promise<{ url: string; token: string; t: TestBackend }> {
  running = await startTestBackend({}, { secretStore: new MemorySecretStore() });
  const url = running.backend.url;
  return { url, token: await claim(url, codeOf(running.backend.pairingLink)), t: running };
}

describe('sync routes', () => {
  it('shows the status, refuses a wrong code in words, enrolls, pulls and unenrolls', async () => {
    const { url, token } = await adminBackend();
    expect((await api(url, '/api/sync/status')).status).toBe(401);
    const before = await api(url, '/api/sync/status', { token });
    expect(before.body).toMatchObject({ enrolled: false, enrollment: 'not_enrolled', mode: 'training', pending: 0, demoEnrollmentCodes: [...DEMO_ENROLLMENT_CODES] });

    const events = await EventsClient.connect(url, { type: 'hello', token, since: 0 });
    const wrong = await api(url, '/api/sync/enroll', { method: 'POST', token, body: { enrollmentCode: 'WRONG-1' } });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toMatch(/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'enrollment_refused' });
    expect((await api(url, '/api/sync/enroll', { method: 'POST', token, body: {} })).status).toBe(400);

    const ok = await api(url, '/api/sync/enroll', { method: 'POST', token, body: { enrollmentCode: DEMO_ENROLLMENT_CODES[0], deviceName: 'Desk PC' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ enrolled: true, centerId: 'cnap-demo' });
    await events.waitFor((m) => m.some((x) => x.kind === 'event' && x.event.type === 'sync.status_changed' && (x.event.data as { enrolled: boolean }).enrolled), 'sync.status_changed (enrolled)');

    const pulled = await api(url, '/api/sync/pull', { method: 'POST', token });
    expect(pulled.status).toBe(200);
    expect(pulled.body.status.datasets.every((d: { fetchedAt: string | null }) => d.fetchedAt !== null)).toBe(true);

    const gone = await api(url, '/api/sync/unenroll', { method: 'POST', token });
    expect(gone.body).toMatchObject({ enrolled: false, deviceId: null });
    const noPull = await api(url, '/api/sync/pull', { method: 'POST', token });
    expect(noPull.status).toBe(409);
    expect(noPull.body.detail).toMatch(/not enrolled/);
    events.socket.close();
  });

  it('turns ratings and verification verdicts from the event log into outbox items and delivers them', async () => {
    const { url, token, t } = await adminBackend();
    await api(url, '/api/sync/enroll', { method: 'POST', token, body: { enrollmentCode: DEMO_ENROLLMENT_CODES[1] } });
    const ctx = t.backend.context;
    await rateOneVisit(ctx.queue.hub);
    await ctx.events.append('checkpoint.verified', { verdict: 'valid' });
    await ctx.events.append('checkpoint.verified', { verdict: 'valid' });
    await ctx.events.append('checkpoint.verified', { verdict: 'expired_code' });
    await ctx.sync.catchUpFeed();
    const counts = await ctx.db.all<{ verdict: string; count: number }>('SELECT verdict, count FROM sync_counters ORDER BY verdict');
    expect(counts).toEqual([{ verdict: 'expired_code', count: 1 }, { verdict: 'valid', count: 2 }]);
    // Wait for the named condition: the rating is delivered (the loop runs on every committed event).
    const deadline = Date.now() + 10_000;
    while ((await ctx.sync.status()).pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const status = (await api(url, '/api/sync/status', { token })).body;
    expect(status).toMatchObject({ pending: 0, quarantined: 0, lastError: null, portalReachable: true });
    const sim = (await (await fetch(`${t.backend.simulatorUrl}/sim/sync`)).json()) as { received: Record<string, number> };
    expect(sim.received.ratings).toBe(1);
  });

  it('needs the admin PIN to switch mode and persists the switch to config.json (restart required)', async () => {
    const { url, token, t } = await adminBackend();
    const noPin = await api(url, '/api/sync/mode', { method: 'POST', token, body: { mode: 'production', pin: '1234', portalUrl: 'https://portal.example.gov.ua' } });
    expect(noPin.status).toBe(409);
    expect(noPin.body.code).toBe('admin_pin_not_set');
    expect((await api(url, '/api/sync/admin-pin', { method: 'POST', token, body: { pin: '12' } })).status).toBe(400);
    expect((await api(url, '/api/sync/admin-pin', { method: 'POST', token, body: { pin: '482916' } })).body.adminPinSet).toBe(true);
    expect((await api(url, '/api/sync/admin-pin', { method: 'POST', token, body: { pin: '111111' } })).status).toBe(403); // change needs the current PIN
    const wrong = await api(url, '/api/sync/mode', { method: 'POST', token, body: { mode: 'production', pin: '000000', portalUrl: 'https://portal.example.gov.ua' } });
    expect(wrong.status).toBe(403);
    const switched = await api(url, '/api/sync/mode', { method: 'POST', token, body: { mode: 'production', pin: '482916', portalUrl: 'https://portal.example.gov.ua' } });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ mode: 'production', restartRequired: true });
    const file = JSON.parse(await readFile(join(t.dataDir, 'config.json'), 'utf8')) as { mode: string; portal: { baseUrl: string } };
    expect(file).toMatchObject({ mode: 'production', portal: { baseUrl: 'https://portal.example.gov.ua' } });
    expect((await api(url, '/api/sync/status', { token })).body).toMatchObject({ mode: 'training', restartRequired: true });
  });
});
