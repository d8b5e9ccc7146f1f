import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HidDeviceLike } from '../../../native/hid-scanner/classify';
import { posReportsFor } from '../../../native/hid-scanner/encode-reports';
import { createNodeHidScannerPort, type HidLibrary } from '../../../native/hid-scanner/node-hid-scanner';
import {
  type ScanRead,
  type ScannerChange,
  ScannerNotFoundError,
  ScannerOpenError,
  ScannerUnavailableError,
} from '../../../native/hid-scanner/scanner-port';
import { VALID_EAN } from '../checkpoint-core/fixtures';

// The adapter against the real node-hid of this machine (no HID devices here), then its poll /
// read loop over a scripted library standing in for devices that are not there.

describe('node-hid adapter against the real node-hid (no devices on this machine)', () => {
  it('list() enumerates without throwing and returns an array (empty here)', async () => {
    const port = createNodeHidScannerPort();
    const devices = await port.list();
    expect(Array.isArray(devices)).toBe(true);
    for (const d of devices) expect(['pos', 'keyboard']).toContain(d.kind);
  });

  it('open() of a device that is not there rejects with a typed error naming the USB id', async () => {
    const port = createNodeHidScannerPort();
    const error = await port.open({ vendorId: 0x0c2e, productId: 0x0b61 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScannerNotFoundError);
    expect((error as Error).message).toBe('No scanner with USB id 0c2e:0b61 is connected.');
    await expect(port.open({ path: '/dev/hidraw-missing' })).rejects.toThrow('No scanner with path /dev/hidraw-missing is connected.');
  });

  it('a listed device that cannot be opened gives ScannerOpenError with the real node-hid message and a hint', async () => {
    const real = (await import('node-hid')) as unknown as HidLibrary & { default?: HidLibrary };
    const lib = real.default ?? real;
    const port = createNodeHidScannerPort({
      loadHid: async () => ({
        devicesAsync: async () => [{ vendorId: 1, productId: 2, path: '/dev/hidraw-missing', usagePage: 0x8c, usage: 2 }],
        HIDAsync: lib.HIDAsync, // the real open, on a path that does not exist
      }),
    });
    const error = await port.open({ vendorId: 1, productId: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScannerOpenError);
    expect((error as Error).message).toMatch(/Cannot open the scanner USB id 0001:0002 \(.*hidraw-missing.*\)\. On Linux/);
  });

  it('without node-hid: list() is empty and open() says the library is unavailable', async () => {
    const port = createNodeHidScannerPort({ loadHid: () => Promise.reject(new Error('no native build')) });
    expect(await port.list()).toEqual([]);
    await expect(port.open({ vendorId: 1, productId: 2 })).rejects.toBeInstanceOf(ScannerUnavailableError);
  });
});

/** A scripted HID library: devices come and go, an opened device can send data or fail. */
class ScriptedHid {
  devices: HidDeviceLike[] = [];
  readonly opened = new Map<string, EventEmitter & { close(): Promise<void>; closed: boolean }>();
  polls = new EventEmitter();
  library(): HidLibrary {
    return {
      devicesAsync: async () => {
        this.polls.emit('poll');
        return [...this.devices];
      },
      HIDAsync: {
        open: async (path) => {
          const device = Object.assign(new EventEmitter(), { closed: false, close: async () => void (device.closed = true) });
          this.opened.set(path, device);
          return device;
        },
      },
    };
  }
}

const POS = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw7', product: 'Voyager', usagePage: 0x8c, usage: 2 };

describe('node-hid adapter loop over a scripted library', () => {
  it('watch() reports present devices first, then plug and unplug; unplug detaches the open handle', async () => {
    const hid = new ScriptedHid();
    hid.devices = [POS];
    const port = createNodeHidScannerPort({ pollMs: 10, loadHid: async () => hid.library() });
    const changes: ScannerChange[] = [];
    const wait = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (changes.length >= n ? resolve() : hid.polls.once('poll', () => setImmediate(check)));
        check();
      });
    const stop = port.watch((c) => changes.push(c));
    await wait(1);
    expect(changes[0]?.added.map((d) => d.path)).toEqual(['/dev/hidraw7']);

    const handle = await port.open({ vendorId: POS.vendorId, productId: POS.productId });
    const scans: ScanRead[] = [];
    handle.on('scan', (s) => scans.push(s));
    for (const report of posReportsFor(VALID_EAN, ']E0')) hid.opened.get(POS.path)?.emit('data', Buffer.from(report));
    hid.opened.get(POS.path)?.emit('data', Buffer.from([1, 2, 3]));
    expect(scans).toEqual([{ text: VALID_EAN, symbology: 'ean13', deviceId: POS.path }]);
    expect(handle.stats()).toMatchObject({ scans: 1, ignored: 1 });

    const detached = new Promise<void>((resolve) => handle.on('detached', resolve));
    hid.devices = [];
    await wait(2);
    await detached;
    expect(changes[1]?.removed.map((d) => d.path)).toEqual(['/dev/hidraw7']);
    expect(hid.opened.get(POS.path)?.closed).toBe(true);

    hid.devices = [POS];
    await wait(3);
    expect(changes[2]?.added).toHaveLength(1);
    stop();
  });

  it('a read error while the device is still listed is an error, once it is gone a detach', async () => {
    const hid = new ScriptedHid();
    hid.devices = [POS];
    const port = createNodeHidScannerPort({ loadHid: async () => hid.library() });
    const first = await port.open({ path: POS.path });
    const failed = new Promise<Error>((resolve) => first.on('error', resolve));
    hid.opened.get(POS.path)?.emit('error', new Error('EIO'));
    expect((await failed).message).toMatch(/stopped reading: EIO/);

    const second = await port.open({ path: POS.path });
    const detached = new Promise<void>((resolve) => second.on('detached', resolve));
    hid.devices = [];
    hid.opened.get(POS.path)?.emit('error', new Error('ENODEV'));
    await detached;
    expect(hid.opened.get(POS.path)?.closed).toBe(true);
  });
});
