import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBurstDetector, type BurstOutput } from '../../../renderer/scan/wedge/burst-detector';
import { textToWedgeEvents, type WedgeKeyEvent } from '../../../renderer/scan/wedge/decode-wedge';
import { VALID_EAN, VALID_QR } from '../checkpoint-core/fixtures';
import { ukrainianKey } from './ukrainian-layout';

function feed(events: WedgeKeyEvent[], flushAt?: number): BurstOutput[] {
  const detector = createBurstDetector();
  const out = events.flatMap((e) => detector.push(e));
  return flushAt === undefined ? out : [...out, ...detector.flush(flushAt)];
}

const scans = (out: BurstOutput[]) => out.filter((o) => o.kind === 'scan').map((o) => (o.kind === 'scan' ? o.text : ''));
const typed = (out: BurstOutput[]) => out.flatMap((o) => (o.kind === 'typing' ? o.events : []));

describe('burst detector', () => {
  it('turns a scanner burst ending in Enter into one scan (Ukrainian layout)', () => {
    const out = feed(textToWedgeEvents(VALID_QR, { gapMs: 4, startMs: 1000, layoutKey: ukrainianKey }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'scan', text: VALID_QR, terminatedBy: 'enter', startedAt: 1000, unmapped: 0 });
  });

  it('ends a burst on Tab, or on a pause when the scanner sends no suffix', () => {
    const tab = textToWedgeEvents(VALID_EAN, { gapMs: 10, enter: false });
    tab.push({ code: 'Tab', key: 'Tab', shiftKey: false, timeStamp: 130 });
    expect(feed(tab)).toEqual([expect.objectContaining({ kind: 'scan', text: VALID_EAN, terminatedBy: 'tab' })]);

    const bare = textToWedgeEvents(VALID_EAN, { gapMs: 10, enter: false });
    const detector = createBurstDetector();
    expect(bare.flatMap((e) => detector.push(e))).toEqual([]);
    expect(detector.pending()).toBe(13);
    expect(detector.flush(120 + 35)).toEqual([]); // still inside the gap
    expect(detector.flush(120 + 36)).toEqual([expect.objectContaining({ kind: 'scan', text: VALID_EAN, terminatedBy: 'gap' })]);
  });

  it('passes human typing through, in order, with the Enter', () => {
    const events = textToWedgeEvents('1234567890128', { gapMs: 150 });
    const out = feed(events, 10_000);
    expect(scans(out)).toEqual([]);
    expect(typed(out)).toEqual(events);
  });

  it('treats a short fast run as typing, not a scan', () => {
    const out = feed(textToWedgeEvents('12345', { gapMs: 5 }));
    expect(scans(out)).toEqual([]);
    expect(typed(out).map((e) => e.code)).toEqual(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Enter']);
  });

  it('separates a person typing from a scan that follows', () => {
    const human = textToWedgeEvents('42', { gapMs: 200, enter: false });
    const scan = textToWedgeEvents(VALID_EAN, { startMs: 1_000, gapMs: 3 });
    const out = feed([...human, ...scan]);
    expect(typed(out).map((e) => e.key)).toEqual(['4', '2']);
    expect(scans(out)).toEqual([VALID_EAN]);
  });

  it('breaks a burst at a pause inside it', () => {
    const first = textToWedgeEvents('ABCDEFGHIJ', { gapMs: 5, enter: false });
    const second = textToWedgeEvents('KLMNOPQRST', { gapMs: 5, startMs: 500 });
    expect(scans(feed([...first, ...second]))).toEqual(['ABCDEFGHIJ', 'KLMNOPQRST']);
  });

  it('ignores Shift presses between characters', () => {
    const events = textToWedgeEvents('HTTPS://X', { gapMs: 6 }).flatMap((e) =>
      e.shiftKey ? [{ code: 'ShiftRight', key: 'Shift', shiftKey: true, timeStamp: e.timeStamp - 3 }, e] : [e]);
    expect(scans(feed(events))).toEqual(['HTTPS://X']);
  });

  it('cuts runaway bursts at maxChars', () => {
    const detector = createBurstDetector({ maxChars: 100 });
    const out = textToWedgeEvents('a'.repeat(250), { gapMs: 1, enter: false }).flatMap((e) => detector.push(e));
    expect(out.filter((o) => o.kind === 'scan' && o.terminatedBy === 'overflow')).toHaveLength(2);
  });

  it('does not throw on odd timestamps and treats them as a break', () => {
    const detector = createBurstDetector();
    const events: WedgeKeyEvent[] = [
      { code: 'KeyA', key: 'a', shiftKey: false, timeStamp: 10 },
      { code: 'KeyB', key: 'b', shiftKey: false, timeStamp: Number.NaN },
      { code: 'KeyC', key: 'c', shiftKey: false, timeStamp: 5 },
    ];
    expect(() => events.forEach((e) => detector.push(e))).not.toThrow();
    expect(detector.pending()).toBe(1);
  });

  it('property: fast bursts of >= 8 chars are one scan; slow typing is never a scan', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9:/._-]{8,80}$/);
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 0, max: 35 }), { minLength: 81, maxLength: 81 }), (t, gaps) => {
        let ts = 0;
        const events = textToWedgeEvents(t, { layoutKey: ukrainianKey }).map((e, i) => ({ ...e, timeStamp: (ts += gaps[i] ?? 0) }));
        expect(scans(feed(events))).toEqual([t]);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 80, max: 300 }), { minLength: 81, maxLength: 81 }), (t, gaps) => {
        let ts = 0;
        const events = textToWedgeEvents(t).map((e, i) => ({ ...e, timeStamp: (ts += gaps[i] ?? 0) }));
        const out = feed(events, ts + 1_000);
        expect(scans(out)).toEqual([]);
        expect(typed(out)).toEqual(events);
      }),
      { numRuns: 2_000 },
    );
  });
});
