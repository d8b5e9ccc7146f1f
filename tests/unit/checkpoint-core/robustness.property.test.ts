import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PortalVerifyAnswerSchema, VERDICTS } from '../../../contract/eid';
import { parseHttpDate } from '../../../electron/backend/verification/core/clock-skew';
import { mapPortalOutcome, type PortalOutcome } from '../../../electron/backend/verification/core/map-verdict';
import { sampleDocument } from './fixtures';
import { CALL_BOUND_MS, timeCall } from './time-bound';

/*
 * The other two parsers of untrusted input on the portal side: the verify answer mapper and
 * the `Date` header parser. 100,000 inputs each; never throw, stay under 50 ms a call, and
 * `valid` only ever comes from a 2xx answer whose body passes the contract schema with a document.
 */

const RUNS = 100_000;
const verdicts = new Set<string>(VERDICTS);
const validBody = { status: 'valid', checkedAt: '2025-03-01T10:00:00Z', document: sampleDocument() };

const nearValidBody = fc
  .record({
    status: fc.oneof(fc.constantFrom('valid', 'expired', 'already_used', 'not_found', 'document_invalid'), fc.string({ maxLength: 12 })),
    checkedAt: fc.oneof(fc.constant(validBody.checkedAt), fc.string({ maxLength: 30 }), fc.constant(undefined)),
    document: fc.oneof(
      fc.constant(validBody.document),
      fc.constant(undefined),
      fc.constant(null),
      fc.dictionary(fc.constantFrom('fullName', 'photo', 'issuedOn', 'issuer', 'contacts'), fc.anything({ maxDepth: 1 })).map((patch) => ({ ...validBody.document, ...patch })),
    ),
  })
  .map((b) => b as unknown);

const outcome: fc.Arbitrary<PortalOutcome> = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    httpStatus: fc.oneof(fc.constantFrom(200, 201, 204, 301, 401, 403, 404, 410, 500, 503), fc.integer({ min: -10, max: 1000 }), fc.double()),
    body: fc.oneof({ weight: 3, arbitrary: nearValidBody }, { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }),
  }),
  fc.constantFrom<PortalOutcome>({ kind: 'timeout' }, { kind: 'network_error' }, { kind: 'malformed' }, { kind: 'unauthorised' }),
  fc.anything({ maxDepth: 1 }).map((x) => x as PortalOutcome),
);

describe('portal-side parser properties', () => {
  it(`mapPortalOutcome never throws and says valid only for a proven answer (${RUNS} inputs)`, () => {
    const time = { max: 0 };
    let valids = 0;
    fc.assert(
      fc.property(outcome, (o) => {
        const mapped = timeCall(() => mapPortalOutcome(o), time);
        expect(verdicts.has(mapped.verdict)).toBe(true);
        if (mapped.verdict === 'valid') {
          valids += 1;
          const answer = o as Extract<PortalOutcome, { kind: 'answer' }>;
          expect(answer.httpStatus >= 200 && answer.httpStatus <= 299).toBe(true);
          const parsed = PortalVerifyAnswerSchema.parse(answer.body);
          expect(parsed.status).toBe('valid');
          expect(mapped.document).toEqual(parsed.document);
        } else if (mapped.verdict !== 'denied_by_policy') {
          expect(mapped.document).toBeNull();
        }
      }),
      { numRuns: RUNS },
    );
    expect(time.max).toBeLessThan(CALL_BOUND_MS);
    expect(valids).toBeGreaterThan(0);
  }, 120_000);

  it(`parseHttpDate never throws and only returns whole-second times (${RUNS} inputs)`, () => {
    const time = { max: 0 };
    const dateLike = fc
      .tuple(fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }), fc.array(fc.record({ at: fc.nat(40), ch: fc.string({ minLength: 1, maxLength: 1 }) }), { maxLength: 2 }))
      .map(([d, edits]) => edits.reduce((s, e) => s.slice(0, e.at) + e.ch + s.slice(e.at + 1), d.toUTCString()));
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 80 }), fc.anything({ maxDepth: 1 })), (value) => {
        const ms = timeCall(() => parseHttpDate(value), time);
        if (ms !== null) expect(Number.isInteger(ms / 1000)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(time.max).toBeLessThan(CALL_BOUND_MS);
  }, 120_000);
});
