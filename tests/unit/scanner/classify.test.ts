import { describe, expect, it } from 'vitest';
import { classifyDevice, diffDevices, findDevice, toScannerInfos } from '../../../native/hid-scanner/classify';
import type { ScannerInfo } from '../../../native/hid-scanner/scanner-port';

const honeywellPos = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw3', product: 'Voyager 1450g', usagePage: 0x8c, usage: 0x02 };
const honeywellKbd = { ...honeywellPos, usagePage: 0x01, usage: 0x06 };
const mouse = { vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw1', product: 'Mouse', usagePage: 0x01, usage: 0x02 };
const consumer = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw2', usagePage: 0x0c, usage: 0x01 };

const info = (path: string, overrides: Partial<ScannerInfo> = {}): ScannerInfo => ({
  vendorId: 1,
  productId: 2,
  product: 'x',
  path,
  kind: 'keyboard',
  ...overrides,
});

describe('scanner classification', () => {
  it('usage page 0x8C is a POS scanner, Generic Desktop / Keyboard a keyboard-mode one, anything else is not a scanner', () => {
    expect(classifyDevice(honeywellPos)).toBe('pos');
    expect(classifyDevice({ ...honeywellPos, usage: 0x99 })).toBe('pos');
    expect(classifyDevice(honeywellKbd)).toBe('keyboard');
    expect(classifyDevice(mouse)).toBeNull();
    expect(classifyDevice(consumer)).toBeNull();
    expect(classifyDevice({ vendorId: 1, productId: 2 })).toBeNull();
    expect(classifyDevice({ vendorId: 1, productId: 2, usagePage: 0x01 })).toBeNull();
  });

  it('keeps one entry per path (POS wins over keyboard), drops non-scanners and pathless entries', () => {
    const infos = toScannerInfos([honeywellKbd, mouse, honeywellPos, consumer, { ...honeywellPos, path: undefined }, { ...honeywellKbd, path: '' }]);
    expect(infos).toEqual([{ vendorId: 0x0c2e, productId: 0x0b61, product: 'Voyager 1450g', path: '/dev/hidraw3', kind: 'pos' }]);
    expect(toScannerInfos([{ ...honeywellPos, product: undefined }])[0]?.product).toBe('');
    expect(toScannerInfos([honeywellPos, honeywellKbd])[0]?.kind).toBe('pos');
  });

  it('finds by vendor/product id (POS first) or by path', () => {
    const kbd = info('/a', { vendorId: 5, productId: 6 });
    const pos = info('/b', { vendorId: 5, productId: 6, kind: 'pos' });
    expect(findDevice([kbd, pos], { vendorId: 5, productId: 6 })).toBe(pos);
    expect(findDevice([kbd], { vendorId: 5, productId: 6 })).toBe(kbd);
    expect(findDevice([kbd, pos], { path: '/a' })).toBe(kbd);
    expect(findDevice([kbd, pos], { vendorId: 5, productId: 7 })).toBeNull();
    expect(findDevice([], { path: '/a' })).toBeNull();
  });
});

describe('hot-plug diffing', () => {
  it('reports nothing when nothing changed, whatever the order', () => {
    expect(diffDevices([info('/a'), info('/b')], [info('/b'), info('/a')])).toBeNull();
    expect(diffDevices([], [])).toBeNull();
  });

  it('names added and removed devices and lists what is present', () => {
    const change = diffDevices([info('/a'), info('/b')], [info('/b'), info('/c')]);
    expect(change).toEqual({ added: [info('/c')], removed: [info('/a')], devices: [info('/b'), info('/c')] });
  });

  it('a different device on a reused path is a removal plus an addition', () => {
    const before = [info('/dev/hidraw3', { vendorId: 1 })];
    const after = [info('/dev/hidraw3', { vendorId: 9 })];
    expect(diffDevices(before, after)).toEqual({ added: after, removed: before, devices: after });
  });

  it('from nothing, everything present is added (the first poll of watch())', () => {
    expect(diffDevices([], [info('/a')])).toEqual({ added: [info('/a')], removed: [], devices: [info('/a')] });
  });
});
