/*
 * What `KeyboardEvent.key` each physical key gives under the Ukrainian (Enhanced) layout:
 * [unshifted, shifted]. Used to build the event stream a wedge scanner produces on a kiosk
 * whose OS keyboard layout is Ukrainian.
 */
const LETTERS: Record<string, string> = {
  KeyQ: 'й', KeyW: 'ц', KeyE: 'у', KeyR: 'к', KeyT: 'е', KeyY: 'н', KeyU: 'г', KeyI: 'ш', KeyO: 'щ', KeyP: 'з',
  BracketLeft: 'х', BracketRight: 'ї', Backslash: 'ґ',
  KeyA: 'ф', KeyS: 'і', KeyD: 'в', KeyF: 'а', KeyG: 'п', KeyH: 'р', KeyJ: 'о', KeyK: 'л', KeyL: 'д',
  Semicolon: 'ж', Quote: 'є',
  KeyZ: 'я', KeyX: 'ч', KeyC: 'с', KeyV: 'м', KeyB: 'и', KeyN: 'т', KeyM: 'ь', Comma: 'б', Period: 'ю',
};

const OTHERS: Record<string, readonly [string, string]> = {
  Backquote: ["'", '₴'],
  Digit1: ['1', '!'], Digit2: ['2', '"'], Digit3: ['3', '№'], Digit4: ['4', ';'], Digit5: ['5', '%'],
  Digit6: ['6', ':'], Digit7: ['7', '?'], Digit8: ['8', '*'], Digit9: ['9', '('], Digit0: ['0', ')'],
  Minus: ['-', '_'], Equal: ['=', '+'], Slash: ['.', ','], Space: [' ', ' '],
};

export const UKRAINIAN_LAYOUT: Readonly<Record<string, readonly [string, string]>> = {
  ...Object.fromEntries(Object.entries(LETTERS).map(([code, ch]) => [code, [ch, ch.toUpperCase()] as const])),
  ...OTHERS,
};

/** The `key` value the Ukrainian layout gives for a physical key. */
export function ukrainianKey(code: string, shiftKey: boolean): string {
  const pair = UKRAINIAN_LAYOUT[code];
  if (pair === undefined) throw new Error(`no Ukrainian layout entry for ${code}`);
  return shiftKey ? pair[1] : pair[0];
}
