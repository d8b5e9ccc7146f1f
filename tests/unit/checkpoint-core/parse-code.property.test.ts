import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidEan13, makeEan13 } from '../../../electron/backend/verification/core/ean13';
import { parseEidCode } from '../../../electron/backend/verification/core/parse-code';
import { VALID_EAN, VALID_QR } from './fixtures';
import { CALL_BOUND_MS, timeCall } from './time-bound';

/*
 * Property tests: 100,000 inputs per run (arbitrary text of every kind, near-misses of valid
 * codes, 10 kB payloads). The parser must never throw, must answer within 50 ms per call (a
 * bound against pathological regex cases, not a benchmark), and must only accept codes in
 * their exact canonical form.
 */

const RUNS = 100_000;
const CANONICAL_QR = /^https:\/\/diia\.app\/documents\/e-posvidchennia\/[A-Za-z0-9_-]{1,64}\/verify\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KINDS = new Set(['qr', 'barcode', 'typo', 'not_an_eid']);

const trickyChar = fc.constantFrom(
  '@', ':', '/', '\\', '.', '%', '#', '?', ' ', '\t', '\r', '\n', '\u0000', '\u007f', '\u0085',
  'а', 'і', '\u200b', '\u202e', '\ufeff', 'A', '0', '9', '-', '_', 'x',
);

type Mutation = { op: 'insert' | 'delete' | 'replace'; at: number; char: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  char: fc.oneof(trickyChar, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
});

function mutate(base: string, mutations: Mutation[]): string {
  let s = base;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.op === 'insert') s = s.slice(0, at) + m.char + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + 1);
    else s = s.slice(0, at) + m.char + s.slice(at + 1);
  }
  return s;
}

const nearMiss = fc
  .tuple(fc.constantFrom(VALID_QR, VALID_EAN, '1 234567 890128'), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, ms]) => mutate(base, ms));

const bigPayload = fc
  .tuple(fc.constantFrom('', VALID_QR, VALID_EAN), fc.string({ minLength: 1, maxLength: 16, unit: 'binary' }), fc.integer({ min: 1000, max: 10_240 }))
  .map(([prefix, unit, size]) => (prefix + unit.repeat(Math.ceil(size / unit.length))).slice(0, size));

// Inputs just under the length cap that reach the deeper paths (numeric, many path segments).
const nearCap = fc.constantFrom(
  '1 '.repeat(1024).trimEnd(),
  `https://diia.app/${'a/'.repeat(1015)}`,
  `https://${'a'.repeat(2030)}`,
  `https://diia.app/documents/e-posvidchennia/${'a'.repeat(1990)}/verify/x`,
);

const anyInput = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 40 }) },
  { weight: 4, arbitrary: nearMiss },
  { weight: 1, arbitrary: bigPayload },
  { weight: 1, arbitrary: nearCap },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9 ]{0,30}$/) },
);

describe('parseEidCode properties', () => {
  it(`never throws, stays under ${CALL_BOUND_MS} ms a call, and accepts only canonical codes (${RUNS} inputs)`, () => {
    const time = { max: 0 };
    let accepted = 0;
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = timeCall(() => parseEidCode(input), time);
        expect(KINDS.has(result.kind)).toBe(true);
        if (result.kind === 'qr') {
          accepted += 1;
          expect(result.raw).toMatch(CANONICAL_QR);
        }
        if (result.kind === 'barcode') {
          accepted += 1;
          expect(isValidEan13(result.digits)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(time.max).toBeLessThan(CALL_BOUND_MS);
    // The near-miss generator must sometimes still produce valid codes, or it tests nothing near the edge.
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);

  it('accepts every well-formed QR URL and returns its parts', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    const uuid = fc.uuid({ version: 4 });
    fc.assert(
      fc.property(token, uuid, (id, otp) => {
        const url = `https://diia.app/documents/e-posvidchennia/${id}/verify/${otp}`;
        expect(parseEidCode(url)).toEqual({ kind: 'qr', documentType: 'e-posvidchennia', documentId: id, otp, raw: url });
      }),
      { numRuns: 5_000 },
    );
  });

  it('accepts every EAN-13 and calls any single changed digit a typo', () => {
    const twelve = fc.stringMatching(/^\d{12}$/);
    fc.assert(
      fc.property(twelve, fc.nat(12), fc.integer({ min: 1, max: 9 }), (first12, at, delta) => {
        const code = makeEan13(first12);
        expect(parseEidCode(code)).toEqual({ kind: 'barcode', digits: code });
        const wrong = code.slice(0, at) + String((Number(code[at]) + delta) % 10) + code.slice(at + 1);
        expect(parseEidCode(wrong)).toEqual({ kind: 'typo' });
      }),
      { numRuns: 5_000 },
    );
  });
});
