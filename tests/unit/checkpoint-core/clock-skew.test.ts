import { describe, expect, it } from 'vitest';
import { isSkewWarning, measureClockSkew, parseHttpDate } from '../../../electron/backend/verification/core/clock-skew';

const T = Date.UTC(2025, 2, 1, 8, 0, 0); // Sat, 01 Mar 2025 08:00:00 GMT
const HEADER = 'Sat, 01 Mar 2025 08:00:00 GMT';

describe('parseHttpDate', () => {
  it('parses IMF-fixdate', () => {
    expect(parseHttpDate(HEADER)).toBe(T);
    expect(parseHttpDate(['Sun, 06 Nov 1994 08:49:37 GMT'])).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  it.each([
    undefined,
    null,
    42,
    '',
    'Sat, 01 Mar 2025 08:00:00 UTC',
    'Saturday, 01-Mar-25 08:00:00 GMT',
    'Sat Mar  1 08:00:00 2025',
    '2025-03-01T08:00:00Z',
    'Sat, 31 Feb 2025 08:00:00 GMT',
    'Sat, 01 Foo 2025 08:00:00 GMT',
    'Sat, 01 Mar 2025 24:00:00 GMT',
    'Sat, 01 Mar 2025 08:60:00 GMT',
    `${HEADER}${' '.repeat(100)}x`,
  ])('refuses %j', (value) => {
    expect(parseHttpDate(value)).toBeNull();
  });
});

describe('measureClockSkew', () => {
  it('is zero (within the header resolution) when clocks agree', () => {
    // Portal time is in [T, T+1s); the estimate centres it at T+500 ms.
    expect(measureClockSkew({ dateHeader: HEADER, sentAtMs: T + 400, receivedAtMs: T + 600 })).toBe(0);
  });

  it('measures against the midpoint of the request', () => {
    expect(measureClockSkew({ dateHeader: HEADER, sentAtMs: T - 90_000, receivedAtMs: T - 89_000 })).toBe(90_000);
    expect(measureClockSkew({ dateHeader: HEADER, sentAtMs: T + 120_000, receivedAtMs: T + 122_000 })).toBe(-120_500);
  });

  it('gives null without a usable header or with impossible timings', () => {
    expect(measureClockSkew({ dateHeader: undefined, sentAtMs: T, receivedAtMs: T })).toBeNull();
    expect(measureClockSkew({ dateHeader: 'soon', sentAtMs: T, receivedAtMs: T })).toBeNull();
    expect(measureClockSkew({ dateHeader: HEADER, sentAtMs: T + 10, receivedAtMs: T })).toBeNull();
    expect(measureClockSkew({ dateHeader: HEADER, sentAtMs: Number.NaN, receivedAtMs: T })).toBeNull();
  });
});

describe('isSkewWarning', () => {
  it('warns only over 60 s either way', () => {
    expect(isSkewWarning(60_000)).toBe(false);
    expect(isSkewWarning(60_001)).toBe(true);
    expect(isSkewWarning(-60_001)).toBe(true);
    expect(isSkewWarning(0)).toBe(false);
    expect(isSkewWarning(null)).toBe(false);
    expect(isSkewWarning(Number.NaN)).toBe(false);
    expect(isSkewWarning(5_000, 1_000)).toBe(true);
  });
});
