/*
 * HID Keyboard/Keypad usage page (0x07) to US-layout characters, as a scanner in keyboard
 * mode sends them in boot reports. Usage IDs from the USB HID Usage Tables, chapter 10.
 */

export const HID_ENTER = 0x28;
export const HID_KEYPAD_ENTER = 0x58;
export const HID_TAB = 0x2b;
/** ErrorRollOver, POSTFail, ErrorUndefined: the report is a phantom state, not keys. */
export const HID_ERROR_USAGES: ReadonlySet<number> = new Set([0x01, 0x02, 0x03]);

/** Modifier byte bits of a boot keyboard report. */
export const MOD_SHIFT = 0x02 | 0x20;
export const MOD_CTRL_ALT_GUI = 0x01 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80;

function buildMap(): Map<number, readonly [string, string]> {
  const map = new Map<number, readonly [string, string]>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < 26; i += 1) map.set(0x04 + i, [letters.charAt(i), letters.charAt(i).toUpperCase()]);
  const digits = '1234567890';
  const shifted = '!@#$%^&*()';
  for (let i = 0; i < 10; i += 1) map.set(0x1e + i, [digits.charAt(i), shifted.charAt(i)]);
  const rest: [number, string, string][] = [
    [0x2c, ' ', ' '],
    [0x2d, '-', '_'],
    [0x2e, '=', '+'],
    [0x2f, '[', '{'],
    [0x30, ']', '}'],
    [0x31, '\\', '|'],
    [0x33, ';', ':'],
    [0x34, "'", '"'],
    [0x35, '`', '~'],
    [0x36, ',', '<'],
    [0x37, '.', '>'],
    [0x38, '/', '?'],
    [0x32, '#', '~'], // "Non-US # and ~" (after the US keys so fakes prefer those)
    [0x54, '/', '/'],
    [0x55, '*', '*'],
    [0x56, '-', '-'],
    [0x57, '+', '+'],
    [0x62, '0', '0'],
    [0x63, '.', '.'],
  ];
  for (const [usage, plain, shift] of rest) map.set(usage, [plain, shift]);
  for (let i = 0; i < 9; i += 1) map.set(0x59 + i, [String(i + 1), String(i + 1)]);
  return map;
}

const USAGE_CHARS = buildMap();

/** The character a keyboard usage ID types on US QWERTY, or null for non-character keys. */
export function charForUsage(usage: number, shift: boolean): string | null {
  const pair = USAGE_CHARS.get(usage);
  return pair === undefined ? null : shift ? pair[1] : pair[0];
}

/** The usage ID and shift state that type `char` (for fakes and tests), or null. */
export function usageForChar(char: string): { usage: number; shift: boolean } | null {
  for (const [usage, [plain, shift]] of USAGE_CHARS) {
    if (usage >= 0x54) break; // prefer the main block over the keypad
    if (plain === char) return { usage, shift: false };
    if (shift === char) return { usage, shift: true };
  }
  return null;
}
