// The ScannerPort: the small interface the backend uses for USB barcode scanners. The node-hid
// adapter (node-hid-scanner.ts) and the fake (fake-scanner.ts) both implement it.

/** How a scanner talks: HID POS reports (usage page 0x8C) or boot keyboard reports. */
export type ScannerKind = 'pos' | 'keyboard';

/** A HID device that looks like a scanner. `path` is unique while it stays plugged in. */
export interface ScannerInfo {
  vendorId: number;
  productId: number;
  product: string;
  path: string;
  kind: ScannerKind;
}

/** Which device to open: by vendor/product id (first match) or by path. */
export type ScannerMatch = { vendorId: number; productId: number } | { path: string };

/** One code read; `deviceId` is the path of the device that read it. */
export interface ScanRead {
  text: string;
  /** From the HID POS AIM identifier (`qr`, `ean13`…); keyboard scanners do not say. */
  symbology?: string;
  deviceId: string;
}

/** What an open scanner reports. */
export interface ScannerHandleEvents {
  scan: (scan: ScanRead) => void;
  /** A read failed; the handle is unusable afterwards (the device usually went away). */
  error: (error: Error) => void;
  /** The device was unplugged; the handle is closed. */
  detached: () => void;
}

/** Counters of an open scanner. */
export interface ScannerStats {
  reports: number;
  scans: number;
  /** Reports that decoded to nothing usable (garbage bytes, other report IDs, overflow). */
  ignored: number;
}

/** An open scanner. */
export interface ScannerHandle {
  readonly info: ScannerInfo;
  /** Subscribe; returns the unsubscribe function. */
  on<E extends keyof ScannerHandleEvents>(event: E, listener: ScannerHandleEvents[E]): () => void;
  stats(): ScannerStats;
  /** Stop reading and release the device; safe to call twice. */
  close(): Promise<void>;
}

/** A change in the set of scanner-like devices (hot-plug). */
export interface ScannerChange {
  added: ScannerInfo[];
  removed: ScannerInfo[];
  /** Every device present after the change. */
  devices: ScannerInfo[];
}

/** USB barcode scanners: enumerate, open, watch for hot-plug. */
export interface ScannerPort {
  /** Scanner-like devices present now; [] when there are none (or no HID library). */
  list(): Promise<ScannerInfo[]>;
  /** Open a device; rejects with ScannerNotFoundError / ScannerOpenError. */
  open(match: ScannerMatch): Promise<ScannerHandle>;
  /** Call `onChange` whenever devices come or go; returns the function that stops watching. */
  watch(onChange: (change: ScannerChange) => void): () => void;
}

/** Base of the scanner errors. */
export class ScannerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No present device matches what was asked for. */
export class ScannerNotFoundError extends ScannerError {}

/** The device is there but cannot be opened (permissions, held by the OS, gone meanwhile). */
export class ScannerOpenError extends ScannerError {}

/** The HID library (node-hid) cannot be loaded on this machine. */
export class ScannerUnavailableError extends ScannerError {}

/** "0c2e:0b61" — how a device's ids are named in messages. */
export function formatUsbId(vendorId: number, productId: number): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `${hex(vendorId)}:${hex(productId)}`;
}

/** Human-readable description of a match (for error messages; never contains scan data). */
export function describeMatch(match: ScannerMatch): string {
  return 'path' in match ? `path ${match.path}` : `USB id ${formatUsbId(match.vendorId, match.productId)}`;
}
