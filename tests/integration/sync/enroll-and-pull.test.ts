import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import { PortalCallError } from '../../../electron/backend/portal/portal-http';
import { DEVICE_SECRET_KEY } from '../../../electron/backend/sync/enrollment';
import { makeTempDir } from '../backend/helpers';
import { openRig, type SyncRig } from './rig';

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('enrollment against the simulator', () => {
  it('refuses a wrong enrollment code with a 4xx and stays not enrolled', async () => {
    rig = await openRig();
    const error = await rig.sync.enroll('NOPE-0000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalCallError);
    expect((error as PortalCallError).status).toBeGreaterThanOrEqual(400);
    expect((error as PortalCallError).status).toBeLessThan(500);
    const status = await rig.sync.status();
    expect(status.enrollment).toBe('not_enrolled');
    expect(status.demoEnrollmentCodes).toEqual([...DEMO_ENROLLMENT_CODES]);
  });

  it('enrolls with a demo code, keeps the secret only in the secret store, and gets a token', async () => {
    rig = await openRig();
    const { deviceId, centerId } = await rig.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
    const secret = await rig.secrets.get(DEVICE_SECRET_KEY);
    expect(secret).toMatch(/.{16,}/);
    const status = await rig.sync.status();
    expect(status).toMatchObject({ enrolled: true, deviceId, centerId });
    expect(await rig.sync.getPortalToken()).toMatch(/.{16,}/);
    await rig.db.close().catch(() => undefined);
    const file = await readFile(join(rig.dir, 'varta.sqlite'));
    const wal = await readFile(join(rig.dir, 'varta.sqlite-wal')).catch(() => Buffer.alloc(0));
    expect(file.includes(secret ?? 'x')).toBe(false);
    expect(wal.includes(secret ?? 'x')).toBe(false);
  });

  it('pulls center, services (304 the second time) and bookings, with ages', async () => {
    rig = await openRig({ config: { sync: { bookingsDaysAhead: 2 } } });
    await rig.sync.enroll(DEMO_ENROLLMENT_CODES[1]);
    const heard: string[] = [];
    rig.sync.onDatasetPulled((name) => void heard.push(name));
    expect(await rig.sync.pullNow()).toEqual(['center', 'services', 'bookings']);
    const status = await rig.sync.status();
    for (const set of status.datasets) expect(set).toMatchObject({ stale: false, ageS: 0 });
    expect(status.datasets.find((d) => d.name === 'services')?.count).toBeGreaterThan(0);
    expect(await rig.sync.pullNow()).toEqual([]); // ETag → 304, same bookings
    expect(heard).toEqual(['center', 'services', 'bookings']);
  });

  it('marks the device revoked when the portal refuses its token, and unenrolls', async () => {
    rig = await openRig();
    const { deviceId } = await rig.sync.enroll(DEMO_ENROLLMENT_CODES[2]);
    await rig.simPost('/sim/devices/revoke', { deviceId });
    rig.sync.enrollment.invalidateToken();
    await expect(rig.sync.getPortalToken()).rejects.toThrow(/revoked/);
    expect((await rig.sync.status()).enrollment).toBe('revoked');
    await rig.sync.unenroll();
    expect(await rig.secrets.get(DEVICE_SECRET_KEY)).toBeNull();
    expect((await rig.sync.status()).enrollment).toBe('not_enrolled');
  });

  it('re-enrolls silently in training mode when a restarted simulator forgot the device', async () => {
    const temp = await makeTempDir('varta-sync-');
    const first = await openRig({ dir: temp.dir });
    const before = await first.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
    await first.close(); // its simulator goes with it
    rig = await openRig({ dir: temp.dir, secrets: first.secrets });
    await rig.sync.start();
    const deadline = Date.now() + 10_000;
    let status = await rig.sync.status();
    while ((status.deviceId === before.deviceId || status.enrollment !== 'enrolled') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      status = await rig.sync.status();
    }
    expect(status.enrollment).toBe('enrolled');
    expect(status.deviceId).not.toBe(before.deviceId);
    await rig.close();
    rig = null;
    await temp.remove();
  });
});

describe('credentials for the checkpoint', () => {
  it('are the enrolled device while enrolled, the training fallback otherwise', async () => {
    const { syncCredentials } = await import('../../../electron/backend/sync/create-sync');
    const { createPortalHttp } = await import('../../../electron/backend/portal/portal-http');
    const { enrollOnceCredentials } = await import('../../../electron/backend/portal/portal-session');
    const { TRAINING_ENROLLMENT_CODE } = await import('../../../electron/backend/portal/simulator/devices');
    const r = await openRig();
    try {
      // As app.ts composes them: sync's enrollment first, the checkpoint's training enrollment as the fallback.
      const http = createPortalHttp({ baseUrl: r.sim.url, timeoutMs: 2000 });
      const fallback = enrollOnceCredentials(http, { enrollmentCode: TRAINING_ENROLLMENT_CODE, deviceName: 'Varta Вхід 1', role: 'checkpoint' });
      const source = syncCredentials(r.sync, fallback);
      const training = await source.get();
      expect(training?.deviceId).toMatch(/.+/);
      const { deviceId } = await r.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
      expect((await source.get())?.deviceId).toBe(deviceId);
    } finally {
      await r.close();
    }
  });
});
