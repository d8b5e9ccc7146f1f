import { toBytes } from './bytes';

/*
 * HID Point-of-Sale barcode scanner reports (usage page 0x8C, usage 0x02 "Bar Code Scanner"),
 * the "USB HID POS" mode of Honeywell, Zebra, Datalogic and most 2D scanners. Layout of the
 * scanned-data input report as these scanners send it (64 bytes with the report ID; node-hid
 * and hidraw hand us the ID as byte 0):
 *
 *   [0]      report ID 0x02
 *   [1]      number of data bytes in this report, 0..56
 *   [2..4]   AIM symbology identifier, 3 ASCII bytes (`]Q1` QR, `]E0` EAN-13, `]C0` Code 128)
 *   [5..60]  decoded data, 56 bytes, zero-padded after the length
 *   [61]     vendor symbology code (Honeywell code ID: 's' QR, 'd' EAN-13, 'j' Code 128)
 *   [62]     reserved
 *   [63]     bit 0 set: more data follows in the next report; clear: last report of the code
 *
 * Sources: the HID Point of Sale Usage Tables (pos1_02, usage page 0x8C), and reports
 * captured from a Honeywell Voyager (github.com/HenkVanAsselt/python_hon_usbhid README;
 * NielsLeenheer/WebHidBarcodeScanner reads the same offsets via WebHID). Longer codes arrive
 * as several reports; the AIM identifier of the first one is kept.
 */

export const POS_REPORT_ID = 0x02;
export const POS_REPORT_BYTES = 64;
export const POS_DATA_BYTES = 56;

export type PosSymbology = 'qr' | 'ean13' | 'code128' | 'datamatrix' | 'pdf417' | 'aztec' | 'other' | 'unknown';

export interface PosScan {
  text: string;
  /** The AIM identifier (`]Q1`), or null when the scanner sent none. */
  aim: string | null;
  symbology: PosSymbology;
}

export type PosDecodeError = 'bad_byte' | 'bad_length' | 'bad_data_length' | 'overflow';

export interface PosDecodeResult {
  scans: PosScan[];
  error?: PosDecodeError;
  /** The report was another report ID (status, settings): skipped. */
  ignored?: true;
}

export interface PosDecoderOptions {
  /** False when the platform strips the report ID (then reports are 63 bytes). Default true. */
  reportIdIncluded?: boolean;
  /** Longest assembled code; a longer one is dropped whole. Default 8192 bytes. */
  maxLength?: number;
}

export interface PosReportDecoder {
  /** Feeds one input report; returns the scan it completes, if any. Never throws. */
  push(report: unknown): PosDecodeResult;
  reset(): void;
}

const AIM_SYMBOLOGY: Readonly<Record<string, PosSymbology>> = {
  Q: 'qr', E: 'ean13', C: 'code128', d: 'datamatrix', L: 'pdf417', z: 'aztec',
};
const CODE_ID_SYMBOLOGY: Readonly<Record<number, PosSymbology>> = {
  0x73: 'qr', 0x64: 'ean13', 0x6a: 'code128', 0x77: 'datamatrix', 0x72: 'pdf417', 0x7a: 'aztec',
};

function readAim(bytes: Uint8Array): string | null {
  const [a, b, c] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0];
  const printable = (x: number) => x >= 0x21 && x <= 0x7e;
  return a === 0x5d && printable(b) && printable(c) ? String.fromCharCode(a, b, c) : null;
}

function symbologyOf(aim: string | null, codeId: number): PosSymbology {
  if (aim !== null) return AIM_SYMBOLOGY[aim.charAt(1)] ?? 'other';
  return CODE_ID_SYMBOLOGY[codeId] ?? 'unknown';
}

/** Creates a stateful (no I/O) decoder that assembles HID POS scanned-data reports into codes. */
export function createPosReportDecoder(opts: PosDecoderOptions = {}): PosReportDecoder {
  const withId = opts.reportIdIncluded !== false;
  const maxLength = opts.maxLength ?? 8192;
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  let chunks: Uint8Array[] = [];
  let size = 0;
  let first: { aim: string | null; codeId: number } | null = null;
  let overflowed = false;

  const reset = () => {
    chunks = [];
    size = 0;
    first = null;
    overflowed = false;
  };

  return {
    push(report) {
      const raw = toBytes(report);
      if (raw === null) return { scans: [], error: 'bad_byte' };
      if (withId && raw[0] !== POS_REPORT_ID) return { scans: [], ignored: true };
      const bytes = withId ? raw.subarray(1) : raw;
      if (bytes.length !== POS_REPORT_BYTES - 1) return { scans: [], error: 'bad_length' };
      const length = bytes[0] ?? 0;
      if (length > POS_DATA_BYTES) {
        reset();
        return { scans: [], error: 'bad_data_length' };
      }
      first ??= { aim: readAim(bytes.subarray(1, 4)), codeId: bytes[60] ?? 0 };
      const more = ((bytes[62] ?? 0) & 0x01) === 0x01;
      let error: PosDecodeError | undefined;
      if (!overflowed && size + length > maxLength) {
        overflowed = true;
        error = 'overflow';
      }
      if (!overflowed) {
        chunks.push(bytes.slice(4, 4 + length));
        size += length;
      }
      if (more) return error === undefined ? { scans: [] } : { scans: [], error };
      const scan = overflowed || size === 0 ? null : assemble(chunks, size, first, utf8);
      reset();
      const scans = scan === null ? [] : [scan];
      return error === undefined ? { scans } : { scans, error };
    },
    reset,
  };
}

function assemble(chunks: Uint8Array[], size: number, first: { aim: string | null; codeId: number }, utf8: { decode(input: Uint8Array): string }): PosScan {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return { text: utf8.decode(all), aim: first.aim, symbology: symbologyOf(first.aim, first.codeId) };
}
