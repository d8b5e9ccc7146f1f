import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyboardReportsFor, posReportsFor } from '../../../native/hid-scanner/encode-reports';
import { createFakeScannerPort, TRAINING_SCANNER } from '../../../native/hid-scanner/fake-scanner';
import { createReportSink } from '../../../native/hid-scanner/report-sink';
import type { ScanRead, ScannerChange, ScannerInfo } from '../../../native/hid-scanner/scanner-port';
import { ScannerNotFoundError } from '../../../native/hid-scanner/scanner-port';
import { VALID_EAN, VALID_QR } from '../checkpoint-core/fixtures';
import * as reference from '../hid-decode/reports';

const POS_DEVICE: ScannerInfo = { vendorId: 0x0c2e, productId: 0x0b61, product: 'Voyager', path: 'fake:pos', kind: 'pos' };

/** Resolves with the next `n` scans of a handle. */
function nextScans(handle: { on(e: 'scan', l: (s: ScanRead) => void): () => void }, n: number): Promise<ScanRead[]> {
  const got: ScanRead[] = [];
  return new Promise((resolve) => {
    const off = handle.on('scan', (scan) => {
      got.push(scan);
      if (got.length === n) {
        off();
        resolve(got);
      }
    });
  });
}

describe('report encoders (used by the fake)', () => {
  it('build the same bytes as the decoder tests’ reference encoders', () => {
    expect(keyboardReportsFor(VALID_QR)?.map((r) => [...r])).toEqual(reference.keyboardReportsFor(VALID_QR));
    const long = 'x'.repeat(130);
    expect(posReportsFor(long).map((r) => [...r.subarray(0, 61)])).toEqual(reference.posReportsFor(long).map((r) => r.slice(0, 61)));
    expect(keyboardReportsFor('Привіт')).toBeNull();
  });

  it('every printable ASCII character (what the training route accepts) types and decodes back', async () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const port = createFakeScannerPort();
    const handle = await port.open({ path: TRAINING_SCANNER.path });
    const scans = nextScans(handle, 1);
    port.inject(ascii);
    expect((await scans)[0]?.text).toBe(ascii);
  });
});

describe('fake scanner → real decoders → scan', () => {
  it('keyboard-mode: injected codes come out as scans with the device path', async () => {
    const port = createFakeScannerPort();
    expect(await port.list()).toEqual([TRAINING_SCANNER]);
    const handle = await port.open({ vendorId: TRAINING_SCANNER.vendorId, productId: TRAINING_SCANNER.productId });
    const scans: ScanRead[] = [];
    handle.on('scan', (s) => scans.push(s));
    port.inject(VALID_QR);
    port.inject(VALID_EAN);
    expect(scans).toEqual([
      { text: VALID_QR, deviceId: TRAINING_SCANNER.path },
      { text: VALID_EAN, deviceId: TRAINING_SCANNER.path },
    ]);
    expect(handle.stats()).toEqual({ reports: (VALID_QR.length + VALID_EAN.length + 2) * 2, scans: 2, ignored: 0 });
    expect(() => port.inject('Привіт')).toThrow(/cannot type/);
  });

  it('POS mode: UTF-8 text over several reports, with the symbology', async () => {
    const port = createFakeScannerPort({ devices: [POS_DEVICE] });
    const handle = await port.open({ path: 'fake:pos' });
    const scans = nextScans(handle, 1);
    port.inject(`${VALID_QR}?Привіт`);
    expect(await scans).toEqual([{ text: `${VALID_QR}?Привіт`, symbology: 'qr', deviceId: 'fake:pos' }]);
  });

  it('replays a script once the device is open', async () => {
    const port = createFakeScannerPort({ scripted: [{ text: VALID_EAN }, { afterMs: 5, text: VALID_QR }] });
    const handle = await port.open({ path: TRAINING_SCANNER.path });
    expect((await nextScans(handle, 2)).map((s) => s.text)).toEqual([VALID_EAN, VALID_QR]);
  });

  it('random report bytes never throw, are counted as ignored, and a real scan still decodes afterwards', async () => {
    for (const device of [TRAINING_SCANNER, POS_DEVICE]) {
      const port = createFakeScannerPort({ devices: [device] });
      const handle = await port.open({ path: device.path });
      const scans: ScanRead[] = [];
      handle.on('scan', (s) => scans.push(s));
      const junk = fc.oneof(
        fc.uint8Array({ maxLength: 80 }),
        fc.array(fc.integer({ min: -5, max: 300 }), { maxLength: 70 }),
        fc.anything({ maxDepth: 1 }),
      );
      fc.assert(fc.property(junk, (report) => void port.injectReport(report)), { numRuns: 5000 });
      expect(handle.stats().ignored).toBeGreaterThan(0);
      scans.length = 0;
      // Garbage can leave half a code pending; an Enter (or last POS report) flushes it.
      port.inject('flush');
      port.inject(VALID_EAN);
      expect(scans.at(-1)).toMatchObject({ text: VALID_EAN });
    }
  });

  it('the sink never throws on any input', () => {
    for (const kind of ['pos', 'keyboard'] as const) {
      const sink = createReportSink(kind);
      fc.assert(fc.property(fc.anything(), (x) => Array.isArray(sink.push(x))), { numRuns: 2000 });
    }
  });

  it('attach/detach: watchers are told, an open handle is detached, reopening works', async () => {
    const port = createFakeScannerPort({ devices: [] });
    const changes: ScannerChange[] = [];
    const stop = port.watch((c) => changes.push(c));
    await expect(port.open({ path: 'fake:pos' })).rejects.toBeInstanceOf(ScannerNotFoundError);
    port.attach(POS_DEVICE);
    const handle = await port.open({ vendorId: POS_DEVICE.vendorId, productId: POS_DEVICE.productId });
    let detached = 0;
    handle.on('detached', () => (detached += 1));
    port.detach('fake:pos');
    expect(detached).toBe(1);
    expect(() => port.inject(VALID_EAN)).toThrow(ScannerNotFoundError);
    port.attach(POS_DEVICE);
    expect(changes.map((c) => [c.added.length, c.removed.length])).toEqual([[1, 0], [0, 1], [1, 0]]);
    stop();
    port.detach('fake:pos');
    expect(changes).toHaveLength(3);
  });
});
