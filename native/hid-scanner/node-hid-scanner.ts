import { diffDevices, findDevice, type HidDeviceLike, toScannerInfos } from './classify';
import { ReportScannerHandle } from './scanner-handle';
import {
  describeMatch,
  type ScannerChange,
  type ScannerHandle,
  type ScannerInfo,
  ScannerNotFoundError,
  ScannerOpenError,
  type ScannerPort,
  ScannerUnavailableError,
} from './scanner-port';

// The real ScannerPort over node-hid 3's async API (devicesAsync, HIDAsync.open). node-hid has
// no hot-plug events, so watch() polls devicesAsync() and diffs. node-hid is imported lazily:
// a machine where its native part cannot load still starts, with no scanners.

/** An open node-hid device, as far as the adapter uses it (HIDAsync). */
export interface HidAsyncLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

/** The part of the node-hid module the adapter uses. */
export interface HidLibrary {
  devicesAsync(): Promise<HidDeviceLike[]>;
  HIDAsync: { open(path: string): Promise<HidAsyncLike> };
}

export interface NodeHidScannerOptions {
  /** How often watch() enumerates (default 2000 ms). */
  pollMs?: number;
  /** Loads node-hid (default: `import('node-hid')`); injectable to run the loop over a scripted library. */
  loadHid?: () => Promise<HidLibrary>;
  /** Told when enumeration fails during watching (the poll keeps going). */
  onPollError?: (error: unknown) => void;
}

/** Loads node-hid, whichever way the bundler hands over the CommonJS module. */
async function importNodeHid(): Promise<HidLibrary> {
  const mod = (await import('node-hid')) as unknown as HidLibrary & { default?: HidLibrary };
  return mod.default ?? mod;
}

const OPEN_HINT =
  'On Linux the user needs read access to /dev/hidraw* (a udev rule); on Windows and macOS a scanner in keyboard mode is held by the system — switch it to HID POS mode.';

/** Creates the node-hid ScannerPort. */
export function createNodeHidScannerPort(options: NodeHidScannerOptions = {}): ScannerPort {
  const pollMs = options.pollMs ?? 2000;
  const load = options.loadHid ?? importNodeHid;
  let library: Promise<HidLibrary> | null = null;
  const open = new Map<string, ReportScannerHandle>();
  const watchers = new Set<(change: ScannerChange) => void>();
  let timer: NodeJS.Timeout | null = null;
  let known: ScannerInfo[] | null = null;
  let generation = 0; // bumped when watching stops, so a poll in flight does not reschedule

  const hid = (): Promise<HidLibrary> => {
    library ??= load().catch((error: unknown) => {
      throw new ScannerUnavailableError(`The HID library (node-hid) cannot be loaded: ${messageOf(error)}`, { cause: error });
    });
    return library;
  };

  const enumerate = async (): Promise<ScannerInfo[]> => toScannerInfos(await (await hid()).devicesAsync());

  const list = async (): Promise<ScannerInfo[]> => {
    try {
      return await enumerate();
    } catch {
      return []; // no library, or enumeration failed: no scanners rather than a crash
    }
  };

  const poll = async (): Promise<void> => {
    let devices: ScannerInfo[];
    try {
      devices = await enumerate();
    } catch (error) {
      options.onPollError?.(error);
      return;
    }
    const change = diffDevices(known ?? [], devices);
    known = devices;
    if (change === null) return;
    for (const gone of change.removed) open.get(gone.path)?.detach();
    for (const watcher of [...watchers]) watcher(change);
  };

  const schedule = (delay: number, gen: number) => {
    timer = setTimeout(() => {
      void poll().finally(() => {
        if (gen === generation && watchers.size > 0) schedule(pollMs, gen);
      });
    }, delay);
    timer.unref();
  };

  return {
    list,
    async open(match) {
      const info = findDevice(await enumerate(), match);
      if (info === null) throw new ScannerNotFoundError(`No scanner with ${describeMatch(match)} is connected.`);
      const lib = await hid();
      let device: HidAsyncLike;
      try {
        device = await lib.HIDAsync.open(info.path);
      } catch (error) {
        throw new ScannerOpenError(`Cannot open the scanner ${describeMatch(match)} (${messageOf(error)}). ${OPEN_HINT}`, { cause: error });
      }
      const handle = new ReportScannerHandle(info, async () => {
        open.delete(info.path);
        await device.close();
      });
      open.set(info.path, handle);
      device.on('data', (data) => handle.feed(data));
      device.on('error', (error) => {
        // A read error usually means the device was unplugged; tell the two apart by enumerating.
        void list().then((now) => {
          if (now.some((d) => d.path === info.path)) handle.fail(new ScannerOpenError(`The scanner stopped reading: ${messageOf(error)}`));
          else handle.detach();
        });
      });
      return handle as ScannerHandle;
    },
    watch(onChange) {
      watchers.add(onChange);
      if (watchers.size === 1) {
        known = null; // the first poll reports every present device as added
        schedule(0, generation);
      }
      return () => {
        watchers.delete(onChange);
        if (watchers.size === 0) {
          generation += 1;
          if (timer !== null) clearTimeout(timer);
          timer = null;
        }
      };
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
