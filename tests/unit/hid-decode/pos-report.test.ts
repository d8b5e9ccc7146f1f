import { describe, expect, it } from 'vitest';
import { createPosReportDecoder } from '../../../native/hid-scanner/decode/pos-report';
import { VALID_EAN, VALID_QR } from '../checkpoint-core/fixtures';
import { posReportsFor } from './reports';

describe('HID POS report decoder', () => {
  it('decodes a one-report code with its symbology', () => {
    const d = createPosReportDecoder();
    const [report] = posReportsFor(VALID_EAN, ']E0', 0x64);
    expect(d.push(report)).toEqual({ scans: [{ text: VALID_EAN, aim: ']E0', symbology: 'ean13' }] });
  });

  it('assembles a QR URL sent in several reports (more-data flag)', () => {
    const reports = posReportsFor(VALID_QR);
    expect(reports.length).toBeGreaterThan(1);
    const d = createPosReportDecoder();
    const results = reports.map((r) => d.push(r));
    expect(results.slice(0, -1).every((r) => r.scans.length === 0)).toBe(true);
    expect(results.at(-1)).toEqual({ scans: [{ text: VALID_QR, aim: ']Q1', symbology: 'qr' }] });
  });

  it('assembles a code of exactly 56 bytes in one report, and 57 in two', () => {
    for (const n of [56, 57, 112, 113]) {
      const text = 'a'.repeat(n);
      const d = createPosReportDecoder();
      expect(posReportsFor(text).flatMap((r) => d.push(r).scans.map((s) => s.text))).toEqual([text]);
    }
  });

  it('decodes a Honeywell capture (two reports, AIM ]X0)', () => {
    // Shape taken from a published Voyager capture: [2, len, ']', 'X', '0', data..., code id, 0, more].
    const first = [2, 56, 93, 88, 48, ...Buffer.from('Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoft'), 63, 0, 1];
    const last = [2, 9, 93, 88, 48, ...Buffer.from('um: N/A\r\n'), ...new Array(47).fill(0), 63, 0, 0];
    expect(first).toHaveLength(64);
    expect(last).toHaveLength(64);
    const d = createPosReportDecoder();
    expect(d.push(first)).toEqual({ scans: [] });
    expect(d.push(last).scans[0]).toEqual({ text: 'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftum: N/A\r\n', aim: ']X0', symbology: 'other' });
  });

  it('falls back to the vendor code ID when there is no AIM identifier', () => {
    const [report] = posReportsFor(VALID_EAN, '\0\0\0', 0x6a);
    expect(createPosReportDecoder().push(report).scans[0]).toEqual({ text: VALID_EAN, aim: null, symbology: 'code128' });
  });

  it('reads reports without the report ID when the platform strips it', () => {
    const d = createPosReportDecoder({ reportIdIncluded: false });
    const [report] = posReportsFor(VALID_EAN, ']E0', 0x64);
    expect(d.push(report?.slice(1)).scans[0]?.text).toBe(VALID_EAN);
  });

  it('skips other report IDs', () => {
    const report = posReportsFor(VALID_EAN)[0] ?? [];
    report[0] = 0x04;
    expect(createPosReportDecoder().push(report)).toEqual({ scans: [], ignored: true });
  });

  it('answers garbage with an error, drops the half-built code and keeps working', () => {
    const d = createPosReportDecoder();
    const [firstOfQr] = posReportsFor(VALID_QR);
    d.push(firstOfQr);
    const bad = [...(posReportsFor(VALID_EAN)[0] ?? [])];
    bad[1] = 57;
    expect(d.push(bad)).toEqual({ scans: [], error: 'bad_data_length' });
    expect(d.push([2, 1, 2])).toEqual({ scans: [], error: 'bad_length' });
    expect(d.push(new Array(64).fill(256))).toEqual({ scans: [], error: 'bad_byte' });
    expect(d.push({ length: 64 })).toEqual({ scans: [], error: 'bad_byte' });
    const [ean] = posReportsFor(VALID_EAN);
    expect(d.push(ean).scans.map((s) => s.text)).toEqual([VALID_EAN]);
  });

  it('drops an over-long message whole', () => {
    const d = createPosReportDecoder({ maxLength: 100 });
    const results = posReportsFor('z'.repeat(300)).map((r) => d.push(r));
    expect(results.some((r) => r.error === 'overflow')).toBe(true);
    expect(results.flatMap((r) => r.scans)).toEqual([]);
    expect(posReportsFor('ok').flatMap((r) => d.push(r).scans.map((s) => s.text))).toEqual(['ok']);
  });

  it('passes non-UTF-8 bytes on as replacement characters for the parser to refuse', () => {
    const report = posReportsFor('abc')[0] ?? [];
    report[6] = 0xff;
    expect(createPosReportDecoder().push(report).scans[0]?.text).toBe('a\uFFFDc');
  });
});
