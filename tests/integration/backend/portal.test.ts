import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../contract/events';
import { PortalUnavailableError } from '../../../electron/backend/errors';
import { PORTAL_STATUS_CHANGED } from '../../../electron/backend/events/event-types';
import { silentLogger } from '../../../electron/backend/logging/logger';
import { PortalClient } from '../../../electron/backend/portal/client';
import { PortalHealthSchema } from '../../../electron/backend/portal/schemas';
import { MALFORMED_BODY } from '../../../electron/backend/portal/simulator/faults';
import { type Simulator, startSimulator } from '../../../electron/backend/portal/simulator/simulator';
import { api, claim, codeOf, startTestBackend, type TestBackend } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(random?: () => number): Promise<Simulator> {
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, logger: silentLogger(), random });
  cleanups.push(() => sim.close());
  return sim;
}

describe('portal simulator', () => {
  it('answers health on its own loopback port', async () => {
    const sim = await simulator();
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await api(sim.url, '/api/v1/health');
    expect(res.status).toBe(200);
    expect(PortalHealthSchema.parse(res.body).ok).toBe(true);
  });

  it('reads and replaces its faults, and rejects invalid ones with 400', async () => {
    const sim = await simulator();
    expect((await api(sim.url, '/sim/faults')).body).toEqual({ latencyMs: 0, errorRate: 0, down: false, malformed: false });
    const set = await api(sim.url, '/sim/faults', { method: 'POST', body: { down: true } });
    expect(set.body).toEqual({ latencyMs: 0, errorRate: 0, down: true, malformed: false });
    for (const body of [{ errorRate: 2 }, { latencyMs: -1 }, { down: 'yes' }, { explode: true }]) {
      const bad = await api(sim.url, '/sim/faults', { method: 'POST', body });
      expect(bad.status).toBe(400);
      expect(bad.type).toContain('application/problem+json');
      expect(bad.body.errors.length).toBeGreaterThan(0);
    }
    // A rejected body changed nothing.
    expect((await api(sim.url, '/sim/faults')).body.down).toBe(true);
  });

  it('is down (503 problem) when told, while /sim stays reachable', async () => {
    const sim = await simulator();
    await api(sim.url, '/sim/faults', { method: 'POST', body: { down: true } });
    const res = await api(sim.url, '/api/v1/health');
    expect(res.status).toBe(503);
    expect(res.type).toContain('application/problem+json');
    expect((await api(sim.url, '/sim/faults')).status).toBe(200);
    await api(sim.url, '/sim/faults', { method: 'POST', body: {} });
    expect((await api(sim.url, '/api/v1/health')).status).toBe(200);
  });

  it('fails with 500 at the error rate, decided by the injected random source', async () => {
    const draws = [0.1, 0.9, 0.49, 0.5];
    const sim = await simulator(() => draws.shift() ?? 0);
    await api(sim.url, '/sim/faults', { method: 'POST', body: { errorRate: 0.5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(sim.url, '/api/v1/health')).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it('sends malformed JSON when told, and the client calls that unavailable', async () => {
    const sim = await simulator();
    await api(sim.url, '/sim/faults', { method: 'POST', body: { malformed: true } });
    const res = await fetch(`${sim.url}/api/v1/health`);
    expect(await res.text()).toBe(MALFORMED_BODY);
    const client = new PortalClient({ baseUrl: sim.url, timeoutMs: 2000 });
    await expect(client.checkHealth()).rejects.toThrow(/malformed JSON/);
  });

  it('delays answers by latencyMs, and the client gives up at its timeout', async () => {
    const sim = await simulator();
    await api(sim.url, '/sim/faults', { method: 'POST', body: { latencyMs: 400 } });
    const client = new PortalClient({ baseUrl: sim.url, timeoutMs: 100 });
    const error = await client.checkHealth().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalUnavailableError);
    expect((error as PortalUnavailableError).detail).toBe('the portal did not answer within 100 ms');
    const patient = new PortalClient({ baseUrl: sim.url, timeoutMs: 5000 });
    const health = await patient.checkHealth();
    expect(health.latencyMs).toBeGreaterThanOrEqual(350);
  });

  it('is reported unavailable when nothing listens', async () => {
    const sim = await simulator();
    const url = sim.url;
    await sim.close();
    const client = new PortalClient({ baseUrl: url, timeoutMs: 1000 });
    await expect(client.checkHealth()).rejects.toThrow('the portal refused the connection');
  });
});

describe('portal monitor in a running backend', () => {
  let t: TestBackend;

  it('flips to unreachable when the simulator is down, emits the event, and flips back', async () => {
    t = await startTestBackend({ portal: { healthIntervalMs: 500 } });
    cleanups.push(() => t.stop());
    const { events, portal } = t.backend.context;
    const changes: EventEnvelope[] = [];
    const waiters: Array<() => void> = [];
    events.subscribe((e) => {
      if (e.type !== PORTAL_STATUS_CHANGED) return;
      changes.push(e);
      waiters.splice(0).forEach((wake) => wake());
    });
    // Waits for a change to `reachable` recorded after the first `seen` changes.
    const waitForChange = async (reachable: boolean, seen: number) => {
      while (!changes.slice(seen).some((c) => (c.data as { reachable: boolean }).reachable === reachable)) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    // The first check happened at start, or is about to: wait until the status is known.
    const initial = await portal.monitor.checkNow();
    expect(initial.reachable).toBe(true);
    expect(t.backend.simulatorUrl).not.toBeNull();

    const beforeDown = changes.length;
    await api(t.backend.simulatorUrl!, '/sim/faults', { method: 'POST', body: { down: true } });
    await waitForChange(false, beforeDown);
    const down = portal.monitor.status();
    expect(down.reachable).toBe(false);
    expect(down.lastError).toBe('the portal answered HTTP 503');

    const token = await claim(t.backend.url, codeOf(t.backend.pairingLink));
    const status = await api(t.backend.url, '/api/status', { token });
    expect(status.body.portal.reachable).toBe(false);

    const beforeUp = changes.length;
    await api(t.backend.simulatorUrl!, '/sim/faults', { method: 'POST', body: {} });
    await waitForChange(true, beforeUp);
    expect(portal.monitor.status().reachable).toBe(true);
    const stored = (await events.since(0, 10_000)).filter((e) => e.type === PORTAL_STATUS_CHANGED);
    const flips = stored.map((e) => (e.data as { reachable: boolean }).reachable);
    // Only flips are recorded: never the same reachability twice in a row.
    expect(flips.every((r, i) => i === 0 || r !== flips[i - 1])).toBe(true);
    expect(flips.slice(-2)).toEqual([false, true]);
  });

  it('does not start a simulator in production mode', async () => {
    t = await startTestBackend({ mode: 'production', portal: { baseUrl: 'http://127.0.0.1:9' } });
    cleanups.push(() => t.stop());
    expect(t.backend.simulatorUrl).toBeNull();
    const status = await t.backend.context.portal.monitor.checkNow();
    expect(status.reachable).toBe(false);
    expect(status.baseUrl).toBe('http://127.0.0.1:9');
  });
});
