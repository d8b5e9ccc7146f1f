import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidEan13 as backendIsValidEan13 } from '../../../../electron/backend/verification/core/ean13';
import { applyKeypadKey, checkKeypadDigits, groupDigits, isValidEan13 } from '../../../../renderer/scan/keypad';

describe('keypad', () => {
  it('groups digits as printed on EAN-13 labels', () => {
    expect(groupDigits('1234567890123')).toBe('1 234567 890123');
    expect(groupDigits('1234')).toBe('1 234');
    expect(groupDigits('1')).toBe('1');
    expect(groupDigits('')).toBe('');
  });

  it('applies keys and stops at 13 digits', () => {
    let digits = '';
    for (const key of '12345678901234') digits = applyKeypadKey(digits, key as '1');
    expect(digits).toBe('1234567890123');
    expect(applyKeypadKey(digits, 'backspace')).toBe('123456789012');
    expect(applyKeypadKey(digits, 'clear')).toBe('');
    expect(applyKeypadKey('', 'backspace')).toBe('');
  });

  it('checks the code before sending: incomplete, typo, ok', () => {
    expect(checkKeypadDigits('400638133393')).toBe('incomplete');
    expect(checkKeypadDigits('4006381333931')).toBe('ok');
    expect(checkKeypadDigits('4006381333932')).toBe('typo');
  });

  it('agrees with the backend’s EAN-13 check on any input', () => {
    const digits13 = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 });
    fc.assert(
      fc.property(fc.oneof(digits13, fc.string()), (text) => {
        expect(isValidEan13(text)).toBe(backendIsValidEan13(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
