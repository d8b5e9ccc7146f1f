/*
 * What a physical key types on a US QWERTY keyboard, by `KeyboardEvent.code`. A keyboard-
 * wedge scanner "presses" the US positions of the characters it read; the OS then turns
 * them into characters of whatever layout is active (Ukrainian: KeyH -> 'р'). Decoding by
 * `code` with this table recovers what the scanner meant regardless of the OS layout.
 */

/** [unshifted, shifted] per physical key. */
export const US_KEYMAP: Readonly<Record<string, readonly [string, string]>> = buildUsKeymap();

function buildUsKeymap(): Record<string, readonly [string, string]> {
  const map: Record<string, readonly [string, string]> = {};
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') map[`Key${letter.toUpperCase()}`] = [letter, letter.toUpperCase()];
  const shiftedDigits = ')!@#$%^&*(';
  for (let d = 0; d <= 9; d += 1) {
    map[`Digit${d}`] = [String(d), shiftedDigits.charAt(d)];
    map[`Numpad${d}`] = [String(d), String(d)];
  }
  const punctuation: Record<string, readonly [string, string]> = {
    Minus: ['-', '_'],
    Equal: ['=', '+'],
    BracketLeft: ['[', '{'],
    BracketRight: [']', '}'],
    Backslash: ['\\', '|'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],
    Backquote: ['`', '~'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
    Space: [' ', ' '],
    NumpadDecimal: ['.', '.'],
    NumpadDivide: ['/', '/'],
    NumpadMultiply: ['*', '*'],
    NumpadSubtract: ['-', '-'],
    NumpadAdd: ['+', '+'],
  };
  return { ...map, ...punctuation };
}

/** Keys that end a scanner burst (scanners are usually configured with an Enter or Tab suffix). */
export const TERMINATOR_CODES: ReadonlySet<string> = new Set(['Enter', 'NumpadEnter', 'Tab']);

/** Keys that only modify others and never type by themselves. */
export const MODIFIER_CODES: ReadonlySet<string> = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
]);

/** The character a physical key types on US QWERTY, or null for keys that do not type one. */
export function usCharForCode(code: string, shiftKey: boolean): string | null {
  const pair = Object.hasOwn(US_KEYMAP, code) ? US_KEYMAP[code] : undefined;
  if (pair === undefined) return null;
  return shiftKey ? pair[1] : pair[0];
}

let reverse: Map<string, { code: string; shiftKey: boolean }> | null = null;

/** The physical key (and shift) that types `char` on US QWERTY, main block preferred over the numpad. */
export function usKeyForChar(char: string): { code: string; shiftKey: boolean } | null {
  if (reverse === null) {
    reverse = new Map();
    for (const [code, [plain, shifted]] of Object.entries(US_KEYMAP)) {
      if (code.startsWith('Numpad')) continue;
      if (!reverse.has(plain)) reverse.set(plain, { code, shiftKey: false });
      if (!reverse.has(shifted)) reverse.set(shifted, { code, shiftKey: true });
    }
  }
  return reverse.get(char) ?? null;
}
