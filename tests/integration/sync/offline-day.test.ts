import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import { openRig, type SyncRig } from './rig';

// 24 hours without the portal, compressed: the sync service's clock is fake and jumps to each
// wake-up time it asks for; the portal is "down" (503) the whole day, then comes back.

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('a day offline, then catch-up', () => {
  it('keeps every item through 24 h of 503s with capped backoff, then delivers all once', async () => {
    const start = Date.parse('2026-11-23T06:00:00Z');
    let clockMs = start;
    rig = await openRig({ now: () => new Date(clockMs), simNow: () => new Date() });
    await rig.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
    await rig.simPost('/sim/faults', { down: true });

    const wakes: number[] = [];
    let made = 0;
    let nextItemAt = start;
    while (clockMs < start + 24 * 3_600_000) {
      while (nextItemAt <= clockMs) {
        // A visit rated every 10 minutes, through the event log like the queue hub does it.
        await rig.events.append('visit.rated', { type: 'visit.rated', at: new Date(nextItemAt).toISOString(), ticketId: `t-${made}`, version: 3, score: 1 + (made % 5), reasons: [] });
        made += 1;
        nextItemAt += 600_000;
      }
      await rig.sync.catchUpFeed();
      const { nextWakeMs } = await rig.sync.drainDue();
      expect(nextWakeMs).not.toBeNull();
      wakes.push(nextWakeMs ?? 0);
      clockMs = Math.min(nextWakeMs ?? clockMs, nextItemAt);
    }
    const offline = await rig.sync.status();
    expect(offline.pending).toBe(made);
    expect(offline.oldestPendingAgeS).toBeGreaterThan(23 * 3600);
    expect(offline.lastError).toMatch(/503/);
    // The backoff caps at backoffMaxMs (5 min): one attempt per 2.5-5 min at most, not a storm.
    const attempts = (await rig.db.get<{ a: number }>("SELECT attempts AS a FROM outbox WHERE stream = 'ratings' ORDER BY id LIMIT 1"))?.a ?? 0;
    expect(attempts).toBeGreaterThan(24 * 12);
    expect(attempts).toBeLessThan(24 * 30);
    const gaps = wakes.slice(1).map((w, i) => w - (wakes[i] ?? 0)).filter((g) => g > 0);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000);

    await rig.simPost('/sim/faults', {});
    clockMs = Math.max(...wakes);
    const { delivered } = await rig.sync.drainDue();
    expect(delivered).toBe(made);
    const received = (await rig.simGet('/sim/sync')) as { received: { ratings: number }; duplicates: number };
    expect(received.received.ratings).toBe(made);
    expect(received.duplicates).toBe(0);
    const after = await rig.sync.status();
    expect(after).toMatchObject({ pending: 0, oldestPendingAgeS: null, lastError: null, portalReachable: true });
  });
});
