import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import { drainAll, enqueueRatings, openRig, type SyncRig } from './rig';

// The outbox against the simulator's fault knobs, over real HTTP. Backoff is shortened with
// config (base 10 ms) and retries are driven by drainDue with a clock that jumps past the wait.

let rig: SyncRig | null = null;
let clockMs = Date.parse('2026-11-23T09:00:00Z');
const now = () => new Date(clockMs);
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function enrolledRig(config = {}): Promise<SyncRig> {
  const r = await openRig({ now, simNow: () => new Date(), config: { sync: { backoffBaseMs: 10, backoffMaxMs: 100, batchSize: 50 }, ...config } });
  await r.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
  return r;
}

/** Drain, jumping the clock past each backoff, until empty; returns the rounds. */
async function drainWithJumps(r: SyncRig, maxRounds = 100): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    const { nextWakeMs } = await r.sync.drainDue();
    if ((await r.sync.status()).pending === 0) return round;
    if (nextWakeMs !== null) clockMs = Math.max(clockMs, nextWakeMs);
  }
  throw new Error('the outbox did not drain');
}

async function received(r: SyncRig): Promise<{ ratings: number; duplicates: number; posts: number }> {
  const s = (await r.simGet('/sim/sync')) as { received: { ratings: number }; duplicates: number; posts: number };
  return { ratings: s.received.ratings, duplicates: s.duplicates, posts: s.posts };
}

describe('outbox delivery with portal faults', () => {
  it('delivers in batches, in order, each item once', async () => {
    rig = await enrolledRig();
    const ids = await enqueueRatings(rig, 230);
    await drainAll(rig.sync);
    expect(await received(rig)).toEqual({ ratings: 230, duplicates: 0, posts: 5 });
    const got = (await rig.simGet('/sim/sync/ids?stream=ratings')) as { ids: string[] };
    expect(got.ids).toEqual(ids); // arrival order = enqueue order
    expect((await rig.sync.status()).lastSuccessAt).not.toBeNull();
  });

  it('retries a portal that is down (503) with backoff, says why, then catches up', async () => {
    rig = await enrolledRig();
    await enqueueRatings(rig, 60);
    await rig.simPost('/sim/faults', { down: true });
    const first = await rig.sync.drainDue();
    expect(first.delivered).toBe(0);
    expect(first.nextWakeMs).toBeGreaterThan(clockMs);
    const status = await rig.sync.status();
    expect(status.lastError).toMatch(/503/);
    expect(status.pending).toBe(60);
    expect((await rig.sync.drainDue()).delivered).toBe(0); // still waiting for the backoff: no request
    await rig.simPost('/sim/faults', {});
    await drainWithJumps(rig);
    expect(await received(rig)).toMatchObject({ ratings: 60, duplicates: 0 });
  });

  it('honours 429 Retry-After', async () => {
    rig = await enrolledRig();
    await enqueueRatings(rig, 10);
    await rig.simPost('/sim/sync', { tooManyRequests: 1, retryAfterS: 7 });
    const start = clockMs;
    const { nextWakeMs } = await rig.sync.drainDue();
    expect(nextWakeMs).toBe(start + 7000);
    await drainWithJumps(rig);
    expect((await received(rig)).ratings).toBe(10);
  });

  it('survives a connection dropped after the batch was processed: exactly once in effect', async () => {
    rig = await enrolledRig();
    const ids = await enqueueRatings(rig, 120);
    await rig.simPost('/sim/sync', { dropAfterReceive: 2 });
    await drainWithJumps(rig);
    const r = await received(rig);
    expect(r.ratings).toBe(120);
    expect(r.duplicates).toBeGreaterThan(0); // the lost answers were re-sent and recognised
    const got = (await rig.simGet('/sim/sync/ids?stream=ratings')) as { ids: string[] };
    expect(new Set(got.ids)).toEqual(new Set(ids));
  });

  it('retries malformed JSON answers and timeouts', async () => {
    rig = await enrolledRig({ portal: { timeoutMs: 300 } });
    await rig.sync.getPortalToken(); // hold a token before the faults
    await enqueueRatings(rig, 20);
    await rig.simPost('/sim/faults', { malformed: true });
    const first = await rig.sync.drainDue();
    expect(first.delivered).toBe(0);
    expect((await rig.sync.status()).lastError).toMatch(/malformed/);
    clockMs = first.nextWakeMs ?? clockMs;
    await rig.simPost('/sim/faults', { latencyMs: 1000 });
    expect((await rig.sync.drainDue()).delivered).toBe(0);
    await rig.simPost('/sim/faults', {});
    const status = await rig.sync.status();
    expect(status.lastError).toMatch(/did not answer within 300 ms/);
    expect(status.portalReachable).toBe(false);
    await drainWithJumps(rig);
    expect((await received(rig)).ratings).toBe(20); // processed under "malformed", duplicates after
  });

  it('quarantines items the portal rejects as invalid, with the reason, and delivers the rest', async () => {
    rig = await enrolledRig();
    await rig.db.transaction(async (tx) => {
      await rig?.sync.enqueue(tx, 'ratings', { ticketId: 't-1', score: 5, reasons: [] }, { idempotencyId: 'ok-1' });
      await rig?.sync.enqueue(tx, 'ratings', { ticketId: 't-2', score: 9, reasons: [] }, { idempotencyId: 'bad-1' });
      await rig?.sync.enqueue(tx, 'ratings', { ticketId: 't-3', score: 4, reasons: [] }, { idempotencyId: 'ok-2' });
    });
    await drainWithJumps(rig);
    const status = await rig.sync.status();
    expect(status).toMatchObject({ pending: 0, quarantined: 1 });
    const [item] = await rig.sync.quarantined();
    expect(item).toMatchObject({ idempotencyId: 'bad-1', stream: 'ratings' });
    expect(item?.reason).toMatch(/score/);
    expect((await received(rig)).ratings).toBe(2);

    // The admin's retry puts it back in line; the portal refuses it again, so it returns to quarantine
    // with its reason, and nothing is delivered twice.
    expect(await rig.sync.retryQuarantined()).toBe(1);
    expect(await rig.sync.status()).toMatchObject({ pending: 1, quarantined: 0 });
    await drainWithJumps(rig);
    expect(await rig.sync.status()).toMatchObject({ pending: 0, quarantined: 1 });
    expect((await rig.sync.quarantined())[0]).toMatchObject({ idempotencyId: 'bad-1' });
    expect((await received(rig)).ratings).toBe(2);
    expect(await rig.sync.retryQuarantined()).toBe(1);
    expect(await rig.sync.retryQuarantined()).toBe(0);
  });

  it('refreshes an expired token on 401 and keeps delivering', async () => {
    rig = await enrolledRig();
    await enqueueRatings(rig, 5, 'a');
    await drainAll(rig.sync);
    await rig.simPost('/sim/devices/token-ttl', { tokenTtlSeconds: 1 });
    rig.sync.enrollment.invalidateToken();
    await rig.sync.getPortalToken(); // a 1-second token
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the simulator's real clock must pass it
    await enqueueRatings(rig, 5, 'b');
    await drainWithJumps(rig);
    expect((await received(rig)).ratings).toBe(10);
    expect((await rig.sync.status()).enrollment).toBe('enrolled');
  });
});
