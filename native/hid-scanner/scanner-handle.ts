import { createReportSink, type ReportSink } from './report-sink';
import type { ScannerHandle, ScannerHandleEvents, ScannerInfo, ScannerStats } from './scanner-port';

// The handle both adapters return: decodes raw reports with the report sink and tells listeners.
// The adapter supplies how to release the device.

type Listeners = { [E in keyof ScannerHandleEvents]: Set<ScannerHandleEvents[E]> };

/** A ScannerHandle fed with raw reports by its adapter. */
export class ReportScannerHandle implements ScannerHandle {
  private readonly sink: ReportSink;
  private readonly listeners: Listeners = { scan: new Set(), error: new Set(), detached: new Set() };
  private closing: Promise<void> | null = null;

  constructor(
    readonly info: ScannerInfo,
    private readonly release: () => Promise<void>,
  ) {
    this.sink = createReportSink(info.kind);
  }

  on<E extends keyof ScannerHandleEvents>(event: E, listener: ScannerHandleEvents[E]): () => void {
    const set = this.listeners[event] as Set<ScannerHandleEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  stats(): ScannerStats {
    return this.sink.counts();
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  /** Feed one raw input report (from the device or the fake). Never throws. */
  feed(report: unknown): void {
    if (this.closed) return;
    for (const scan of this.sink.push(report)) {
      const read = scan.symbology === undefined ? { text: scan.text, deviceId: this.info.path } : { ...scan, deviceId: this.info.path };
      this.emit('scan', read);
    }
  }

  /** The device failed: tell listeners, then close. */
  fail(error: Error): void {
    if (this.closed) return;
    this.emit('error', error);
    void this.close();
  }

  /** The device is gone: close, then tell listeners. */
  detach(): void {
    if (this.closed) return;
    void this.close();
    this.emit('detached');
  }

  close(): Promise<void> {
    this.closing ??= this.release().catch(() => undefined);
    return this.closing;
  }

  private emit<E extends keyof ScannerHandleEvents>(event: E, ...args: Parameters<ScannerHandleEvents[E]>): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        (listener as (...a: Parameters<ScannerHandleEvents[E]>) => void)(...args);
      } catch {
        // A listener's bug must not stop the read loop or the other listeners.
      }
    }
  }
}
