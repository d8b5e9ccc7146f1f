import type { ScannerChange, ScannerInfo, ScannerKind, ScannerMatch } from './scanner-port';

// Pure helpers of the adapters: which HID devices are scanners, matching, and hot-plug diffs.

export const HID_POS_USAGE_PAGE = 0x8c;
export const GENERIC_DESKTOP_USAGE_PAGE = 0x01;
export const KEYBOARD_USAGE = 0x06;

/** The fields of a node-hid `Device` these helpers read. */
export interface HidDeviceLike {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** 'pos' for usage page 0x8C, 'keyboard' for Generic Desktop / Keyboard, null for anything else. */
export function classifyDevice(device: HidDeviceLike): ScannerKind | null {
  if (device.usagePage === HID_POS_USAGE_PAGE) return 'pos';
  if (device.usagePage === GENERIC_DESKTOP_USAGE_PAGE && device.usage === KEYBOARD_USAGE) return 'keyboard';
  return null;
}

/**
 * The scanner-like devices among an enumeration. hidapi lists one entry per top-level
 * collection, so one path can appear several times; it is kept once, POS winning over keyboard.
 */
export function toScannerInfos(devices: readonly HidDeviceLike[]): ScannerInfo[] {
  const byPath = new Map<string, ScannerInfo>();
  for (const device of devices) {
    const kind = classifyDevice(device);
    if (kind === null || typeof device.path !== 'string' || device.path.length === 0) continue;
    const known = byPath.get(device.path);
    if (known !== undefined && (known.kind === 'pos' || kind === 'keyboard')) continue;
    byPath.set(device.path, {
      vendorId: device.vendorId,
      productId: device.productId,
      product: typeof device.product === 'string' ? device.product : '',
      path: device.path,
      kind,
    });
  }
  return [...byPath.values()];
}

/** Whether `info` is the device `match` asks for. */
export function matchesDevice(info: ScannerInfo, match: ScannerMatch): boolean {
  return 'path' in match ? info.path === match.path : info.vendorId === match.vendorId && info.productId === match.productId;
}

/** The first device `match` asks for (POS before keyboard for a vendor/product id), or null. */
export function findDevice(devices: readonly ScannerInfo[], match: ScannerMatch): ScannerInfo | null {
  const found = devices.filter((d) => matchesDevice(d, match));
  return found.find((d) => d.kind === 'pos') ?? found[0] ?? null;
}

const identity = (d: ScannerInfo) => `${d.path}\u0000${d.vendorId}:${d.productId}:${d.kind}`;

/** What changed between two enumerations; null when nothing did. */
export function diffDevices(before: readonly ScannerInfo[], after: readonly ScannerInfo[]): ScannerChange | null {
  const old = new Set(before.map(identity));
  const now = new Set(after.map(identity));
  const added = after.filter((d) => !old.has(identity(d)));
  const removed = before.filter((d) => !now.has(identity(d)));
  return added.length === 0 && removed.length === 0 ? null : { added, removed, devices: [...after] };
}
