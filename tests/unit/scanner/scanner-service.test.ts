import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type Config, ConfigSchema } from '../../../contract/config';
import type { EventEnvelope } from '../../../contract/events';
import { SCANNER_SCANNED, SCANNER_STATUS, ScannerScannedSchema, ScannerStatusSchema } from '../../../contract/scanner';
import { createScannerService, scannerSlots, usesFakeScanner } from '../../../electron/backend/scanners/create-scanner-service';
import { ScannerService } from '../../../electron/backend/scanners/scanner-service';
import { createFakeScannerPort, TRAINING_SCANNER } from '../../../native/hid-scanner/fake-scanner';
import { type ScannerInfo, ScannerOpenError, type ScannerPort } from '../../../native/hid-scanner/scanner-port';
import { VALID_QR } from '../checkpoint-core/fixtures';

// The service over fake ports standing in for node-hid (hot-plug, reconnect) and an in-memory
// event sink; its logs go to a buffer so the test can prove no scanned text is ever logged.

const POS: ScannerInfo = { vendorId: 0x0c2e, productId: 0x0b61, product: 'Voyager', path: '/dev/hidraw5', kind: 'pos' };

function harness(configInput: Record<string, unknown>) {
  const config: Config = ConfigSchema.parse({ dataDir: '/tmp/unused', ...configInput });
  const events: EventEnvelope[] = [];
  const waiters: Array<() => void> = [];
  let logText = '';
  const sink = new Writable({ write: (chunk, _enc, done) => void ((logText += String(chunk)), done()) });
  const root = pino({ level: 'debug' }, sink);
  const hid = createFakeScannerPort({ devices: [] });
  const service = createScannerService(config, {
    events: {
      append: async (type, data) => {
        const event = { seq: events.length + 1, type, at: new Date().toISOString(), data };
        events.push(event);
        for (const wake of waiters.splice(0)) wake();
        return event;
      },
    },
    now: () => new Date('2026-11-23T09:00:00Z'),
    createLogger: (name) => root.child({ name }),
    hid,
  });
  const waitFor = async (what: string, predicate: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50).unref();
      });
    }
  };
  const statuses = () => events.filter((e) => e.type === SCANNER_STATUS).map((e) => ScannerStatusSchema.parse(e.data).devices);
  return { config, service, hid, events, waitFor, statuses, log: () => logText };
}

describe('scanner configuration', () => {
  it('defaults keep old configs valid; the training scanner is on in training mode only', () => {
    const training = ConfigSchema.parse({ dataDir: '/d' });
    expect(training.scanners).toEqual({ enabled: true, devices: [] });
    expect(usesFakeScanner(training)).toBe(true);
    expect(usesFakeScanner(ConfigSchema.parse({ dataDir: '/d', scanners: { fake: false } }))).toBe(false);
    const production = ConfigSchema.parse({ dataDir: '/d', mode: 'production', portal: { baseUrl: 'https://p.example' }, scanners: { fake: true } });
    expect(usesFakeScanner(production)).toBe(false);
    expect(ConfigSchema.safeParse({ dataDir: '/d', scanners: { devices: [{ vendorId: 70000, productId: 1 }] } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ dataDir: '/d', scanners: { colour: 'red' } }).success).toBe(false);
  });

  it('one slot per configured device (duplicates once), then the training scanner', () => {
    const config = ConfigSchema.parse({
      dataDir: '/d',
      scanners: { devices: [{ vendorId: 0x0c2e, productId: 0x0b61, label: 'Door' }, { vendorId: 0x0c2e, productId: 0x0b61 }, { vendorId: 1, productId: 2 }] },
    });
    expect(scannerSlots(config).map((s) => [s.id, s.label, s.source])).toEqual([
      ['usb-0c2e-0b61', 'Door', 'hid'],
      ['usb-0001-0002', 'USB 0001:0002', 'hid'],
      ['training', 'Training scanner', 'fake'],
    ]);
  });
});

describe('ScannerService', () => {
  it('opens the training scanner at start; a training scan becomes scanner.scanned and is never logged', async () => {
    const t = harness({});
    await t.service.start();
    expect(t.statuses().at(-1)).toEqual([{ id: 'training', label: 'Training scanner', connected: true, kind: 'keyboard' }]);
    const { seq } = await t.service.injectTrainingScan(VALID_QR);
    const scanned = t.events.find((e) => e.seq === seq);
    expect(scanned?.type).toBe(SCANNER_SCANNED);
    expect(ScannerScannedSchema.parse(scanned?.data)).toEqual({ text: VALID_QR, deviceId: 'training', at: '2026-11-23T09:00:00.000Z' });
    expect(t.log()).toContain(`"length":${VALID_QR.length}`);
    expect(t.log()).not.toContain('diia.app');
    const described = await t.service.describe();
    expect(described).toMatchObject({ enabled: true, fake: true, available: [] });
    expect(described.devices[0]).toMatchObject({ id: 'training', vendorId: TRAINING_SCANNER.vendorId, ignoredReports: 0 });
    await t.service.close();
  });

  it('opens a configured device when it is plugged in, marks it disconnected when unplugged, reconnects when it returns', async () => {
    const t = harness({ mode: 'training', scanners: { fake: false, devices: [{ vendorId: POS.vendorId, productId: POS.productId, label: 'Door' }] } });
    await t.service.start();
    expect(t.statuses()).toEqual([[{ id: 'usb-0c2e-0b61', label: 'Door', connected: false, kind: null }]]);
    await expect(t.service.injectTrainingScan('x')).rejects.toThrow('There is no training scanner.');

    t.hid.attach(POS);
    await t.waitFor('connected', () => t.statuses().at(-1)?.[0]?.connected === true);
    expect(t.statuses().at(-1)?.[0]?.kind).toBe('pos');
    t.hid.inject('1234567890128', POS.path);
    await t.waitFor('scan', () => t.events.some((e) => e.type === SCANNER_SCANNED));
    expect(t.events.find((e) => e.type === SCANNER_SCANNED)?.data).toMatchObject({ text: '1234567890128', deviceId: 'usb-0c2e-0b61' });

    t.hid.injectReport([0xde, 0xad]);
    t.hid.detach(POS.path);
    await t.waitFor('disconnected', () => t.statuses().at(-1)?.[0]?.connected === false);
    expect((await t.service.describe()).devices[0]).toMatchObject({ connected: false, ignoredReports: 1 });

    t.hid.attach(POS);
    await t.waitFor('reconnected', () => t.statuses().at(-1)?.[0]?.connected === true);
    expect(t.statuses().map((d) => d[0]?.connected)).toEqual([false, true, false, true]);
    expect(t.log()).not.toContain('1234567890128');
    await t.service.close();
  });

  it('disabled: no slots, no events, no training scanner', async () => {
    const t = harness({ scanners: { enabled: false, devices: [{ vendorId: 1, productId: 2 }] } });
    await t.service.start();
    expect(t.events).toEqual([]);
    expect(await t.service.describe()).toEqual({ enabled: false, fake: false, devices: [], available: [] });
    await expect(t.service.injectTrainingScan('x')).rejects.toThrow('There is no training scanner.');
    await t.service.close();
  });

  it('a device that is present but cannot be opened is retried (backing off) until it opens', async () => {
    const fake = createFakeScannerPort({ devices: [POS] });
    let refusals = 2;
    const hid: ScannerPort = {
      list: () => fake.list(),
      watch: (onChange) => {
        void fake.list().then((devices) => onChange({ added: devices, removed: [], devices }));
        return () => undefined;
      },
      open: async (match) => {
        if (refusals > 0) {
          refusals -= 1;
          throw new ScannerOpenError('permission denied');
        }
        return fake.open(match);
      },
    };
    const statuses: boolean[] = [];
    let wake: () => void = () => undefined;
    let warnings = 0;
    const logger = pino({ level: 'warn' }, new Writable({ write: (_c, _e, done) => void ((warnings += 1), done()) }));
    const service = new ScannerService({
      enabled: true,
      slots: [{ id: 'usb-0c2e-0b61', label: 'Door', vendorId: POS.vendorId, productId: POS.productId, source: 'hid' }],
      hid,
      fake: null,
      logger,
      now: () => new Date(),
      retryMs: 5,
      events: {
        append: async (type, data) => {
          if (type === SCANNER_STATUS) statuses.push(ScannerStatusSchema.parse(data).devices[0]?.connected ?? false);
          wake();
          return { seq: statuses.length, type, at: new Date().toISOString(), data };
        },
      },
    });
    const connected = new Promise<void>((resolve) => (wake = () => statuses.at(-1) === true && resolve()));
    await service.start();
    await connected;
    expect(refusals).toBe(0);
    expect(statuses).toEqual([false, true]);
    expect(warnings).toBe(1); // one warning per failure streak, not one per retry
    await service.close();
  });
});
