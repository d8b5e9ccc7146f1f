import type { EventEnvelope } from '../../../contract/events';
import {
  SCANNER_SCANNED,
  SCANNER_STATUS,
  type ScannerDeviceStatus,
  type ScannerScanned,
  type ScannersResponse,
  type ScannerStatus,
} from '../../../contract/scanner';
import {
  type FakeScannerPort,
  findDevice,
  type ScannerHandle,
  type ScannerInfo,
  type ScannerKind,
  type ScannerMatch,
  ScannerError,
  type ScannerPort,
  type ScanRead,
} from '../../../native/hid-scanner';
import { NotFoundError, ValidationError } from '../errors';
import type { Logger } from '../logging/logger';

// Keeps the configured scanners (and the training scanner) open: opens them when they appear,
// reconnects when they come back, and turns every read into a `scanner.scanned` event. A scan is
// an e-ID code: it goes into the event, never into a log line (length and device only).

/** One scanner the service keeps open: a configured device or the training scanner. */
export interface ScannerSlotConfig {
  id: string;
  label: string;
  vendorId: number;
  productId: number;
  /** Which port opens it. */
  source: 'hid' | 'fake';
}

export interface ScannerServiceDeps {
  enabled: boolean;
  slots: ScannerSlotConfig[];
  /** The real port (node-hid); null when scanners are disabled. */
  hid: ScannerPort | null;
  /** The training scanner; null outside training mode. */
  fake: FakeScannerPort | null;
  events: { append(type: string, data: unknown): Promise<EventEnvelope> };
  logger: Logger;
  now: () => Date;
  /** First retry delay after a failed open (doubles up to 16×; default 2000 ms). */
  retryMs?: number;
}

interface Slot extends ScannerSlotConfig {
  port: ScannerPort;
  handle: ScannerHandle | null;
  kind: ScannerKind | null;
  opening: boolean;
  failures: number;
  ignoredBefore: number;
  retry: NodeJS.Timeout | null;
}

/** The backend's scanner service (constructed in app.ts, reached as `ctx.scanners`). */
export class ScannerService {
  private readonly slots: Slot[];
  private readonly log: Logger;
  private stopWatch: (() => void) | null = null;
  private lastStatus = '';
  private chain: Promise<unknown> = Promise.resolve();
  private lastScan: Promise<EventEnvelope | null> | null = null;
  private closed = false;

  constructor(private readonly deps: ScannerServiceDeps) {
    this.log = deps.logger;
    const portOf = (source: 'hid' | 'fake') => (source === 'fake' ? deps.fake : deps.hid);
    this.slots = deps.enabled
      ? deps.slots.flatMap((s) => {
          const port = portOf(s.source);
          return port === null ? [] : [{ ...s, port, handle: null, kind: null, opening: false, failures: 0, ignoredBefore: 0, retry: null }];
        })
      : [];
  }

  /** Open what is there and start watching for hot-plug. */
  async start(): Promise<void> {
    if (this.slots.length === 0) return;
    await Promise.all(this.slots.filter((s) => s.source === 'fake').map((s) => this.connect(s)));
    this.publishStatus();
    if (this.deps.hid !== null && this.slots.some((s) => s.source === 'hid')) {
      this.stopWatch = this.deps.hid.watch((change) => this.reconcile('hid', change.devices));
    }
    await this.chain; // the first scanner.status is stored when start() resolves
  }

  /** Slots and their state as sent in `scanner.status`. */
  status(): ScannerStatus {
    return { devices: this.slots.map((s): ScannerDeviceStatus => ({ id: s.id, label: s.label, connected: s.handle !== null, kind: s.kind })) };
  }

  /** What GET /api/scanners answers. */
  async describe(): Promise<ScannersResponse> {
    const available = this.deps.enabled && this.deps.hid !== null ? await this.deps.hid.list() : [];
    return {
      enabled: this.deps.enabled,
      fake: this.slots.some((s) => s.source === 'fake' && s.handle !== null),
      devices: this.slots.map((s) => ({
        id: s.id,
        label: s.label,
        connected: s.handle !== null,
        kind: s.kind,
        vendorId: s.vendorId,
        productId: s.productId,
        ignoredReports: s.ignoredBefore + (s.handle?.stats().ignored ?? 0),
      })),
      available: available.map(({ vendorId, productId, product, path, kind }) => ({ vendorId, productId, product, path, kind })),
    };
  }

  /** Training: the training scanner reads `text` (through the real decoders); resolves with the event's seq. */
  async injectTrainingScan(text: string): Promise<{ seq: number }> {
    const slot = this.slots.find((s) => s.source === 'fake' && s.handle !== null);
    if (slot === undefined || this.deps.fake === null) throw new NotFoundError('There is no training scanner.');
    const before = this.lastScan;
    try {
      this.deps.fake.inject(text, slot.handle?.info.path);
    } catch (error) {
      if (error instanceof ScannerError) throw new ValidationError([{ path: 'text', message: error.message }]);
      throw error;
    }
    const appended = this.lastScan === before ? null : await this.lastScan;
    if (appended === null) throw new NotFoundError('The training scanner read nothing.');
    return { seq: appended.seq };
  }

  /** Stop watching and release every device. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopWatch?.();
    for (const slot of this.slots) if (slot.retry !== null) clearTimeout(slot.retry);
    await Promise.all(this.slots.map((s) => s.handle?.close()));
    await this.chain.catch(() => undefined);
  }

  private reconcile(source: 'hid' | 'fake', devices: readonly ScannerInfo[]): void {
    for (const slot of this.slots) {
      if (slot.source !== source || slot.handle !== null || slot.opening) continue;
      if (findDevice(devices, matchOf(slot)) !== null) void this.connect(slot);
    }
  }

  private async connect(slot: Slot): Promise<void> {
    if (this.closed || slot.opening) return;
    slot.opening = true;
    try {
      const handle = await slot.port.open(matchOf(slot));
      if (this.closed) return void (await handle.close());
      slot.handle = handle;
      slot.kind = handle.info.kind;
      slot.failures = 0;
      handle.on('scan', (scan) => this.onScan(slot, scan));
      handle.on('detached', () => this.onLost(slot, handle, null));
      handle.on('error', (error) => this.onLost(slot, handle, error));
      this.log.info({ device: slot.id, kind: handle.info.kind }, 'scanner connected');
      this.publishStatus();
    } catch (error) {
      slot.failures += 1;
      if (slot.failures === 1) this.log.warn({ device: slot.id, err: error }, 'scanner cannot be opened; retrying');
      this.scheduleRetry(slot);
    } finally {
      slot.opening = false;
    }
  }

  private onLost(slot: Slot, handle: ScannerHandle, error: Error | null): void {
    if (slot.handle !== handle) return;
    slot.ignoredBefore += handle.stats().ignored;
    slot.handle = null;
    void handle.close();
    if (error === null) this.log.info({ device: slot.id }, 'scanner detached');
    else this.log.warn({ device: slot.id, err: error }, 'scanner read failed');
    this.publishStatus();
    // It may still be (or already be back) there without the poll seeing a change.
    this.scheduleRetry(slot);
  }

  private scheduleRetry(slot: Slot): void {
    if (this.closed || slot.retry !== null) return;
    const delay = (this.deps.retryMs ?? 2000) * 2 ** Math.min(Math.max(slot.failures - 1, 0), 4);
    slot.retry = setTimeout(() => {
      slot.retry = null;
      void slot.port
        .list()
        .then((devices) => this.reconcile(slot.source, devices))
        .catch(() => this.scheduleRetry(slot));
    }, delay);
    slot.retry.unref();
  }

  private onScan(slot: Slot, scan: ScanRead): void {
    if (this.closed) return;
    this.log.info({ device: slot.id, length: scan.text.length }, 'scanner read a code');
    const data: ScannerScanned = { text: scan.text, deviceId: slot.id, at: this.deps.now().toISOString() };
    this.lastScan = this.enqueue(SCANNER_SCANNED, data);
  }

  private publishStatus(): void {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastStatus || this.closed) return;
    this.lastStatus = text;
    void this.enqueue(SCANNER_STATUS, status);
  }

  /** Appends in call order; a failed append is logged (the database may be closing), never thrown. */
  private enqueue(type: string, data: unknown): Promise<EventEnvelope | null> {
    const appended = this.chain.then(() => this.deps.events.append(type, data)).catch((error: unknown) => {
      this.log.error({ err: error, type }, 'scanner event could not be stored');
      return null;
    });
    this.chain = appended;
    return appended;
  }
}

function matchOf(slot: ScannerSlotConfig): ScannerMatch {
  return { vendorId: slot.vendorId, productId: slot.productId };
}
