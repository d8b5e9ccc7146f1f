import { toBytes } from './bytes';
import { HID_ENTER, HID_ERROR_USAGES, HID_KEYPAD_ENTER, MOD_CTRL_ALT_GUI, MOD_SHIFT, charForUsage } from './hid-usage-keymap';

/*
 * Boot-protocol keyboard reports from a scanner in keyboard mode, decoded to text.
 * Layout (8 bytes): [0] modifier bits (0x02 left shift, 0x20 right shift; 0x01/0x10 ctrl,
 * 0x04/0x40 alt, 0x08/0x80 GUI), [1] reserved, [2..7] up to six pressed usage IDs.
 * A report lists every key held down, so only keys absent from the previous report are new
 * presses (key rollover). A report full of ErrorRollOver (0x01) is a phantom state and is
 * skipped. Enter ends a scan. Keys pressed with Ctrl/Alt/GUI are shortcuts, not text.
 */

export type KeyboardDecodeError = 'bad_byte' | 'bad_length' | 'wrong_report_id' | 'overflow';

export interface KeyboardDecodeResult {
  scans: string[];
  error?: KeyboardDecodeError;
}

export interface KeyboardDecoderOptions {
  /** When the device uses numbered reports, the ID each report starts with (stripped). */
  reportId?: number;
  /** Longest scan kept; a longer one is dropped whole (error `overflow`). Default 4096. */
  maxLength?: number;
}

export interface KeyboardReportDecoder {
  /** Feeds one input report; returns scans completed by it (and an error for a bad report). Never throws. */
  push(report: unknown): KeyboardDecodeResult;
  /** Text collected since the last Enter. */
  pending(): string;
  reset(): void;
}

/** Creates a stateful (no I/O) decoder for boot keyboard reports. */
export function createKeyboardReportDecoder(opts: KeyboardDecoderOptions = {}): KeyboardReportDecoder {
  const maxLength = opts.maxLength ?? 4096;
  let held = new Set<number>();
  let text = '';
  let overflowed = false;

  const typeKey = (usage: number, modifiers: number, scans: string[]): KeyboardDecodeError | undefined => {
    if (usage === HID_ENTER || usage === HID_KEYPAD_ENTER) {
      if (!overflowed && text.length > 0) scans.push(text);
      text = '';
      overflowed = false;
      return undefined;
    }
    if ((modifiers & MOD_CTRL_ALT_GUI) !== 0 || overflowed) return undefined;
    const char = charForUsage(usage, (modifiers & MOD_SHIFT) !== 0);
    if (char === null) return undefined;
    text += char;
    if (text.length <= maxLength) return undefined;
    text = '';
    overflowed = true;
    return 'overflow';
  };

  return {
    push(report) {
      let bytes = toBytes(report);
      if (bytes === null) return { scans: [], error: 'bad_byte' };
      if (opts.reportId !== undefined) {
        if (bytes[0] !== opts.reportId) return { scans: [], error: 'wrong_report_id' };
        bytes = bytes.subarray(1);
      }
      if (bytes.length !== 8) return { scans: [], error: 'bad_length' };
      const keys = Array.from(bytes.subarray(2)).filter((k) => k !== 0);
      if (keys.some((k) => HID_ERROR_USAGES.has(k))) return { scans: [] };
      const modifiers = bytes[0] ?? 0;
      const scans: string[] = [];
      let error: KeyboardDecodeError | undefined;
      const down = new Set(keys); // a key listed twice in one report is still one press
      for (const usage of down) {
        if (held.has(usage)) continue;
        error = typeKey(usage, modifiers, scans) ?? error;
      }
      held = down;
      return error === undefined ? { scans } : { scans, error };
    },
    pending: () => text,
    reset() {
      held = new Set();
      text = '';
      overflowed = false;
    },
  };
}
