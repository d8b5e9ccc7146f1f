import { describe, expect, it } from 'vitest';
import { createKeyboardReportDecoder } from '../../../native/hid-scanner/decode/keyboard-report';
import { VALID_EAN, VALID_QR } from '../checkpoint-core/fixtures';
import { keyboardReportsFor } from './reports';

const feed = (reports: unknown[], decoder = createKeyboardReportDecoder()) => reports.flatMap((r) => decoder.push(r).scans);

describe('boot keyboard report decoder', () => {
  it('decodes a QR URL and a 13-digit code, one scan per Enter', () => {
    expect(feed([...keyboardReportsFor(VALID_QR), ...keyboardReportsFor(VALID_EAN)])).toEqual([VALID_QR, VALID_EAN]);
  });

  it('applies either shift bit', () => {
    const left = [[0x02, 0, 0x04, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]];
    const right = [[0x20, 0, 0x33, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]];
    const enter = [[0, 0, 0x28, 0, 0, 0, 0, 0]];
    expect(feed([...left, ...right, ...enter])).toEqual(['A:']);
  });

  it('reports only newly pressed keys under rollover', () => {
    const d = createKeyboardReportDecoder();
    // 'h' held, then 't' added while 'h' is still down, then 'h' released with 't' held, then 'p'.
    d.push([0, 0, 0x0b, 0, 0, 0, 0, 0]);
    d.push([0, 0, 0x0b, 0x17, 0, 0, 0, 0]);
    d.push([0, 0, 0x17, 0, 0, 0, 0, 0]);
    d.push([0, 0, 0x17, 0x13, 0, 0, 0, 0]);
    d.push([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(d.pending()).toBe('htp');
    // The same key twice in a row needs a release in between to count twice.
    d.push([0, 0, 0x17, 0, 0, 0, 0, 0]);
    d.push([0, 0, 0x17, 0, 0, 0, 0, 0]);
    d.push([0, 0, 0x17, 0x17, 0, 0, 0, 0]);
    expect(d.pending()).toBe('htpt');
    expect(d.push([0, 0, 0x28, 0, 0, 0, 0, 0]).scans).toEqual(['htpt']);
  });

  it('skips phantom ErrorRollOver reports without losing state', () => {
    const d = createKeyboardReportDecoder();
    d.push([0, 0, 0x04, 0, 0, 0, 0, 0]);
    expect(d.push([0, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01])).toEqual({ scans: [] });
    d.push([0, 0, 0x04, 0x05, 0, 0, 0, 0]);
    expect(d.pending()).toBe('ab');
  });

  it('ignores keys pressed with Ctrl/Alt/GUI and unknown usages; keypad digits count', () => {
    const reports = [
      [0x01, 0, 0x19, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // Ctrl+V
      [0, 0, 0x3a, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // F1
      [0, 0, 0x59, 0, 0, 0, 0, 0], [0, 0, 0x62, 0, 0, 0, 0, 0], // keypad 1, keypad 0
      [0, 0, 0x58, 0, 0, 0, 0, 0], // keypad Enter
    ];
    expect(feed(reports)).toEqual(['10']);
  });

  it('does not emit empty scans', () => {
    expect(feed([[0, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0x28, 0, 0, 0, 0, 0]])).toEqual([]);
  });

  it('strips a configured report ID and refuses others', () => {
    const d = createKeyboardReportDecoder({ reportId: 1 });
    expect(d.push([2, 0, 0, 0x04, 0, 0, 0, 0, 0])).toEqual({ scans: [], error: 'wrong_report_id' });
    d.push([1, 0, 0, 0x04, 0, 0, 0, 0, 0]);
    expect(d.push([1, 0, 0, 0x28, 0, 0, 0, 0, 0]).scans).toEqual(['a']);
  });

  it('answers garbage with an error and keeps working', () => {
    const d = createKeyboardReportDecoder();
    expect(d.push([1, 2, 3])).toEqual({ scans: [], error: 'bad_length' });
    expect(d.push([0, 0, 300, 0, 0, 0, 0, 0])).toEqual({ scans: [], error: 'bad_byte' });
    expect(d.push('report')).toEqual({ scans: [], error: 'bad_byte' });
    expect(d.push(null)).toEqual({ scans: [], error: 'bad_byte' });
    expect(d.push([0, 0, -1, 0, 0, 0, 0, 0])).toEqual({ scans: [], error: 'bad_byte' });
    expect(feed(keyboardReportsFor(VALID_EAN), d)).toEqual([VALID_EAN]);
  });

  it('drops an over-long scan whole and recovers at the next Enter', () => {
    const d = createKeyboardReportDecoder({ maxLength: 10 });
    const results = keyboardReportsFor('x'.repeat(20)).map((r) => d.push(r));
    expect(results.some((r) => r.error === 'overflow')).toBe(true);
    expect(results.flatMap((r) => r.scans)).toEqual([]);
    expect(feed(keyboardReportsFor('short'), d)).toEqual(['short']);
  });

  it('accepts Buffers and Uint8Arrays as node-hid delivers them', () => {
    const d = createKeyboardReportDecoder();
    d.push(Buffer.from([0, 0, 0x04, 0, 0, 0, 0, 0]));
    d.push(new Uint8Array(8));
    expect(d.push(Uint8Array.from([0, 0, 0x28, 0, 0, 0, 0, 0])).scans).toEqual(['a']);
  });
});
