import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import { quarantine } from '../../../electron/backend/sync/outbox-repository';
import { drainAll, enqueueRatings, openRig, type SyncRig } from './rig';

// A hub runs for weeks: items the portal has had are deleted after sync.keepDeliveredDays, a chunk
// at a time; items still waiting or quarantined are never touched.

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const DAY_MS = 86_400_000;

describe('purging delivered outbox items', () => {
  it('deletes delivered items older than keepDeliveredDays and keeps pending and quarantined ones', async () => {
    const start = Date.parse('2026-11-23T09:00:00Z');
    let clockMs = start;
    rig = await openRig({ now: () => new Date(clockMs), simNow: () => new Date(), config: { sync: { keepDeliveredDays: 7 } } });
    await rig.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
    await enqueueRatings(rig, 2500, 'sent');
    await drainAll(rig.sync);
    expect((await rig.sync.status()).pending).toBe(0);

    await rig.simPost('/sim/faults', { down: true });
    await enqueueRatings(rig, 5, 'waiting');
    await rig.sync.drainDue();
    const first = await rig.db.get<{ id: number }>("SELECT id FROM outbox WHERE idempotency_id = 'waiting-0'");
    await quarantine(rig.db, first?.id ?? 0, 'rejected by the portal');

    clockMs = start + 7 * DAY_MS - 60_000; // not yet a week old
    expect(await rig.sync.purgeDelivered()).toBe(0);
    clockMs = start + 7 * DAY_MS + 60_000;
    expect(await rig.sync.purgeDelivered()).toBe(2500); // two chunks
    const left = await rig.db.all<{ idempotency_id: string; state: string }>('SELECT idempotency_id, state FROM outbox ORDER BY id');
    expect(left.map((r) => r.idempotency_id)).toEqual(['waiting-0', 'waiting-1', 'waiting-2', 'waiting-3', 'waiting-4']);
    expect(await rig.sync.status()).toMatchObject({ pending: 4, quarantined: 1 });
  });
});
