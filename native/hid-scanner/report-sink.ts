import { createKeyboardReportDecoder, createPosReportDecoder, toBytes } from './decode';
import type { ScannerKind } from './scanner-port';

// Raw input reports in, scans out, for one open device; the same path for the real adapter and
// the fake. Pure (no I/O) and never throws: a report that yields nothing usable is counted.

/** One decoded code. */
export interface SinkScan {
  text: string;
  symbology?: string;
}

/** Feeds raw reports of one device to the decoder of its kind. */
export interface ReportSink {
  /** Decodes one report; returns the codes it completes. Never throws. */
  push(report: unknown): SinkScan[];
  counts(): { reports: number; scans: number; ignored: number };
}

/** Creates the sink for a device of `kind`. */
export function createReportSink(kind: ScannerKind): ReportSink {
  let reports = 0;
  let scans = 0;
  let ignored = 0;
  const decode = kind === 'pos' ? posDecode() : keyboardDecode();
  return {
    push(report) {
      reports += 1;
      let out: { scans: SinkScan[]; useless: boolean };
      try {
        out = decode(report);
      } catch {
        out = { scans: [], useless: true }; // the decoders never throw; this is belt and braces
      }
      if (out.useless) ignored += 1;
      scans += out.scans.length;
      return out.scans;
    },
    counts: () => ({ reports, scans, ignored }),
  };
}

function posDecode(): (report: unknown) => { scans: SinkScan[]; useless: boolean } {
  const decoder = createPosReportDecoder();
  return (report) => {
    const result = decoder.push(report);
    const scans = result.scans.map((s) => (s.symbology === 'unknown' ? { text: s.text } : { text: s.text, symbology: s.symbology }));
    return { scans, useless: result.error !== undefined || result.ignored === true };
  };
}

function keyboardDecode(): (report: unknown) => { scans: SinkScan[]; useless: boolean } {
  const decoder = createKeyboardReportDecoder();
  return (report) => {
    // Devices with numbered reports send 9 bytes (the ID first); boot reports are 8.
    const bytes = toBytes(report);
    const body = bytes !== null && bytes.length === 9 ? bytes.subarray(1) : report;
    const result = decoder.push(body);
    return { scans: result.scans.map((text) => ({ text })), useless: result.error !== undefined };
  };
}
