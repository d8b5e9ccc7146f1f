import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyboardReportDecoder } from '../../../native/hid-scanner/decode/keyboard-report';
import { createPosReportDecoder } from '../../../native/hid-scanner/decode/pos-report';
import { createBurstDetector } from '../../../renderer/scan/wedge/burst-detector';
import type { WedgeKeyEvent } from '../../../renderer/scan/wedge/decode-wedge';
import { CALL_BOUND_MS, timeCall as timed } from '../checkpoint-core/time-bound';
import { keyboardReportsFor, posReportsFor } from './reports';

/*
 * Random report bytes, near-valid reports and random key-event streams: 100,000 inputs per
 * decoder per run. Decoders never throw, stay under 50 ms a call, and a valid message sent
 * after the garbage still decodes (the garbage left the decoder healthy).
 */

const RUNS = 100_000;

const byteArray = (len: fc.Arbitrary<number>) => len.chain((n) => fc.array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n }));
const junk = fc.oneof(fc.anything({ maxDepth: 1 }), fc.array(fc.integer({ min: -300, max: 300 }), { maxLength: 70 }), fc.uint8Array({ maxLength: 70 }));

describe('HID and wedge decoder properties', () => {
  it(`keyboard reports: random bytes never throw and leave the decoder healthy (${RUNS} inputs)`, () => {
    const track = { max: 0 };
    const decoder = createKeyboardReportDecoder();
    const report = fc.oneof({ weight: 4, arbitrary: byteArray(fc.constant(8)) }, { weight: 1, arbitrary: byteArray(fc.nat(12)) }, { weight: 1, arbitrary: junk });
    fc.assert(
      fc.property(report, (r) => {
        const result = timed(() => decoder.push(r), track);
        expect(Array.isArray(result.scans)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(track.max).toBeLessThan(CALL_BOUND_MS);
    decoder.reset();
    expect(keyboardReportsFor('healthy').flatMap((r) => decoder.push(r).scans)).toEqual(['healthy']);
  }, 120_000);

  it(`POS reports: random and near-valid reports never throw and leave the decoder healthy (${RUNS} inputs)`, () => {
    const track = { max: 0 };
    const decoder = createPosReportDecoder();
    const nearValid = fc
      .tuple(byteArray(fc.constant(64)), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 3 }))
      .map(([bytes, len, flags]) => {
        bytes[0] = 2;
        bytes[1] = len;
        bytes[63] = flags;
        return bytes;
      });
    const report = fc.oneof({ weight: 4, arbitrary: nearValid }, { weight: 1, arbitrary: byteArray(fc.nat(70)) }, { weight: 1, arbitrary: junk });
    fc.assert(
      fc.property(report, (r) => {
        const result = timed(() => decoder.push(r), track);
        for (const scan of result.scans) expect(typeof scan.text).toBe('string');
      }),
      { numRuns: RUNS },
    );
    expect(track.max).toBeLessThan(CALL_BOUND_MS);
    decoder.reset();
    expect(posReportsFor('healthy').flatMap((r) => decoder.push(r).scans.map((s) => s.text))).toEqual(['healthy']);
  }, 120_000);

  it(`wedge burst detector: random key events never throw (${RUNS} inputs)`, () => {
    const track = { max: 0 };
    const detector = createBurstDetector({ maxChars: 512 });
    let now = 0;
    const event: fc.Arbitrary<WedgeKeyEvent> = fc.record({
      code: fc.oneof(fc.constantFrom('KeyA', 'Digit1', 'Slash', 'Enter', 'Tab', 'ShiftLeft', 'Numpad5', 'F5', '', 'Unidentified', '__proto__', 'constructor'), fc.string({ maxLength: 12 })),
      key: fc.string({ maxLength: 3 }),
      shiftKey: fc.boolean(),
      timeStamp: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map((gap) => (now += gap)) }, { weight: 1, arbitrary: fc.double() }),
      ctrlKey: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: event }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }).map((x) => x as WedgeKeyEvent) }), (e) => {
        const out = timed(() => [...detector.push(e), ...detector.flush(now)], track);
        expect(Array.isArray(out)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(track.max).toBeLessThan(CALL_BOUND_MS);
  }, 120_000);
});
