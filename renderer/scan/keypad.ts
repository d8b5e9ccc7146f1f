/*
 * The 13-digit e-ID code as typed on the keypad — pure. The EAN-13 check digit is checked here
 * before anything is sent, so a typo is answered at once, without a round trip to the portal.
 * (The backend checks it again: it trusts no client.)
 */

/** Length of the numeric e-ID code. */
export const CODE_DIGITS = 13;

/** Keys of the touch keypad besides the digits. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'backspace' | 'clear';

/** The digits after one keypad key; digits beyond 13 are ignored. */
export function applyKeypadKey(digits: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return digits.slice(0, -1);
  return digits.length >= CODE_DIGITS ? digits : digits + key;
}

/** Groups digits as printed on EAN-13 labels, for reading: `1 234567 890123`. */
export function groupDigits(digits: string): string {
  const groups = [digits.slice(0, 1), digits.slice(1, 7), digits.slice(7, 13)].filter((g) => g.length > 0);
  return groups.join(' ');
}

/** True when 13 ASCII digits carry the right EAN-13 check digit (weights 1,3,1,3… from the left). */
export function isValidEan13(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(12) - 48;
}

/** What the keypad's "verify" may do with the digits typed so far. */
export type KeypadCheck = 'incomplete' | 'typo' | 'ok';

/** Checks the typed digits before sending: fewer than 13 → incomplete, bad check digit → typo. */
export function checkKeypadDigits(digits: string): KeypadCheck {
  if (digits.length < CODE_DIGITS) return 'incomplete';
  return isValidEan13(digits) ? 'ok' : 'typo';
}
