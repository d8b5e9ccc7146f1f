import { diffDevices, findDevice } from './classify';
import { keyboardReportsFor, posReportsFor } from './encode-reports';
import { ReportScannerHandle } from './scanner-handle';
import {
  describeMatch,
  type ScannerChange,
  type ScannerHandle,
  type ScannerInfo,
  ScannerError,
  ScannerNotFoundError,
  type ScannerPort,
} from './scanner-port';

// The fake ScannerPort for training mode and tests: no hardware, but every scan is turned into
// the raw reports a real scanner sends and fed through the real decoders.

/** A step of a scripted session: wait `afterMs` (after the previous step), then scan `text`. */
export interface ScriptedScan {
  afterMs?: number;
  text: string;
}

export interface FakeScannerOptions {
  /** Devices plugged in at start (default: one keyboard-mode training scanner). */
  devices?: ScannerInfo[];
  /** Scans replayed on the first opened device, once it is open. */
  scripted?: ScriptedScan[];
}

/** The fake port plus the knobs a test or the training route turns. */
export interface FakeScannerPort extends ScannerPort {
  /** Scan `text` on an open device (default: the first open one); rejects text a scanner of that kind cannot send. */
  inject(text: string, path?: string): void;
  /** Feed one raw report (any bytes) to an open device. */
  injectReport(report: unknown, path?: string): void;
  /** Plug a device in (watchers are told). */
  attach(info: ScannerInfo): void;
  /** Unplug a device: its handle is detached, watchers are told. */
  detach(path: string): void;
}

/** The training scanner every fake has by default. */
export const TRAINING_SCANNER: ScannerInfo = {
  vendorId: 0xf0ca,
  productId: 0x0001,
  product: 'Varta training scanner',
  path: 'fake:training',
  kind: 'keyboard',
};

/** Creates a fake ScannerPort. */
export function createFakeScannerPort(options: FakeScannerOptions = {}): FakeScannerPort {
  let devices: ScannerInfo[] = [...(options.devices ?? [TRAINING_SCANNER])];
  const open = new Map<string, ReportScannerHandle>();
  const watchers = new Set<(change: ScannerChange) => void>();
  let script = options.scripted ?? [];

  const setDevices = (next: ScannerInfo[]) => {
    const change = diffDevices(devices, next);
    devices = next;
    if (change === null) return;
    for (const gone of change.removed) open.get(gone.path)?.detach();
    for (const watcher of [...watchers]) watcher(change);
  };

  const target = (path?: string): ReportScannerHandle => {
    const handle = path === undefined ? open.values().next().value : open.get(path);
    if (handle === undefined) throw new ScannerNotFoundError(`No open fake scanner${path === undefined ? '' : ` at ${path}`}.`);
    return handle;
  };

  const port: FakeScannerPort = {
    list: async () => [...devices],
    async open(match) {
      const info = findDevice(devices, match);
      if (info === null) throw new ScannerNotFoundError(`No scanner with ${describeMatch(match)} is connected.`);
      const handle = new ReportScannerHandle(info, async () => {
        if (open.get(info.path) === handle) open.delete(info.path);
      });
      open.get(info.path)?.detach();
      open.set(info.path, handle);
      playScript(info.path);
      return handle as ScannerHandle;
    },
    watch(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    inject(text, path) {
      const handle = target(path);
      const reports = handle.info.kind === 'pos' ? posReportsFor(text) : keyboardReportsFor(text);
      if (reports === null) throw new ScannerError('A keyboard-mode scanner cannot type that text (US keys only).');
      for (const report of reports) handle.feed(report);
    },
    injectReport(report, path) {
      target(path).feed(report);
    },
    attach(info) {
      setDevices([...devices.filter((d) => d.path !== info.path), info]);
    },
    detach(path) {
      setDevices(devices.filter((d) => d.path !== path));
    },
  };

  // The script runs once, on the first device opened, each step after the previous one.
  function playScript(path: string): void {
    const steps = script;
    script = [];
    const next = (i: number) => {
      const step = steps[i];
      if (step === undefined) return;
      const timer = setTimeout(() => {
        if (!open.has(path)) return;
        try {
          port.inject(step.text, path);
        } catch {
          // an untypeable scripted text is skipped, like a scanner that cannot read it
        }
        next(i + 1);
      }, step.afterMs ?? 0);
      timer.unref();
    };
    next(0);
  }

  return port;
}
