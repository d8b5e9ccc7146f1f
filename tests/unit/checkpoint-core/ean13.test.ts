import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13, makeEan13 } from '../../../electron/backend/verification/core/ean13';

describe('EAN-13', () => {
  it('computes known check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('590123412345')).toBe(7);
    expect(ean13CheckDigit('123456789012')).toBe(8);
    expect(ean13CheckDigit('000000000000')).toBe(0);
  });

  it('makes and validates codes', () => {
    expect(makeEan13('590123412345')).toBe('5901234123457');
    expect(isValidEan13('5901234123457')).toBe(true);
    expect(isValidEan13('5901234123458')).toBe(false);
  });

  it('never accepts non-13-digit text and never throws while validating', () => {
    for (const bad of ['', '590123412345', '59012341234570', '590123412345a', ' 5901234123457', '５９０１２３４１２３４５７']) {
      expect(isValidEan13(bad)).toBe(false);
    }
    expect(isValidEan13(undefined as unknown as string)).toBe(false);
  });

  it('refuses to compute from anything but 12 digits', () => {
    expect(() => ean13CheckDigit('12345678901')).toThrow(RangeError);
    expect(() => makeEan13('12345678901a')).toThrow(RangeError);
  });
});
