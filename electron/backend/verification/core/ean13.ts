/*
 * EAN-13 check digit (GS1): weights 1,3,1,3... from the left over the first 12 digits;
 * the check digit brings the weighted sum up to a multiple of 10.
 */

const TWELVE_DIGITS = /^\d{12}$/;
const THIRTEEN_DIGITS = /^\d{13}$/;

/** The check digit (0-9) for 12 digits; throws RangeError when `first12` is not exactly 12 ASCII digits. */
export function ean13CheckDigit(first12: string): number {
  if (typeof first12 !== 'string' || !TWELVE_DIGITS.test(first12)) {
    throw new RangeError('ean13CheckDigit needs exactly 12 digits');
  }
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const digit = first12.charCodeAt(i) - 48;
    sum += i % 2 === 0 ? digit : digit * 3;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `digits` is 13 ASCII digits whose last digit is the right check digit; never throws. */
export function isValidEan13(digits: string): boolean {
  if (typeof digits !== 'string' || !THIRTEEN_DIGITS.test(digits)) return false;
  return ean13CheckDigit(digits.slice(0, 12)) === digits.charCodeAt(12) - 48;
}

/** Appends the check digit to 12 digits (tests, simulator); throws RangeError on bad input. */
export function makeEan13(first12: string): string {
  return `${first12}${ean13CheckDigit(first12)}`;
}
