import { usageForChar } from './decode';
import { POS_DATA_BYTES, POS_REPORT_BYTES, POS_REPORT_ID } from './decode/pos-report';

// Builds the raw reports a real scanner would send for a text (used by the fake and tests), so
// fake scans go through the same decoders as real ones.

const ENTER = 0x28;
const LEFT_SHIFT = 0x02;

/** Boot keyboard reports (press + release per character, then Enter) typing `text`; null if a character has no US key. */
export function keyboardReportsFor(text: string): Uint8Array[] | null {
  const reports: Uint8Array[] = [];
  const release = () => new Uint8Array(8);
  for (const char of text) {
    const key = usageForChar(char);
    if (key === null) return null;
    reports.push(Uint8Array.from([key.shift ? LEFT_SHIFT : 0, 0, key.usage, 0, 0, 0, 0, 0]), release());
  }
  reports.push(Uint8Array.from([0, 0, ENTER, 0, 0, 0, 0, 0]), release());
  return reports;
}

/** HID POS scanned-data reports (64 bytes with the report ID) carrying `text` as UTF-8 under AIM id `aim`. */
export function posReportsFor(text: string, aim = ']Q1'): Uint8Array[] {
  const data = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < data.length || reports.length === 0; offset += POS_DATA_BYTES) {
    const chunk = data.subarray(offset, offset + POS_DATA_BYTES);
    const report = new Uint8Array(POS_REPORT_BYTES);
    report[0] = POS_REPORT_ID;
    report[1] = chunk.length;
    for (let i = 0; i < 3; i += 1) report[2 + i] = aim.charCodeAt(i) & 0x7f;
    report.set(chunk, 5);
    report[63] = offset + POS_DATA_BYTES < data.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
