import { usageForChar } from '../../../native/hid-scanner/decode/hid-usage-keymap';
import { POS_DATA_BYTES } from '../../../native/hid-scanner/decode/pos-report';

/** Boot keyboard reports a scanner sends for `text`: press (with shift if needed), release, ..., Enter. */
export function keyboardReportsFor(text: string, enter = true): number[][] {
  const reports: number[][] = [];
  for (const char of text) {
    const key = usageForChar(char);
    if (key === null) throw new Error(`no usage for ${char}`);
    reports.push([key.shift ? 0x02 : 0, 0, key.usage, 0, 0, 0, 0, 0]);
    reports.push([0, 0, 0, 0, 0, 0, 0, 0]);
  }
  if (enter) reports.push([0, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]);
  return reports;
}

/** HID POS scanned-data reports (64 bytes with report ID) carrying `text`, split every 56 bytes. */
export function posReportsFor(text: string, aim = ']Q1', codeId = 0x73): number[][] {
  const bytes = [...Buffer.from(text, 'utf8')];
  const reports: number[][] = [];
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += POS_DATA_BYTES) {
    const chunk = bytes.slice(offset, offset + POS_DATA_BYTES);
    const more = offset + POS_DATA_BYTES < bytes.length;
    const report = new Array<number>(64).fill(0);
    report[0] = 0x02;
    report[1] = chunk.length;
    [...aim].forEach((c, i) => (report[2 + i] = c.charCodeAt(0)));
    chunk.forEach((b, i) => (report[5 + i] = b));
    report[61] = codeId;
    report[63] = more ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
