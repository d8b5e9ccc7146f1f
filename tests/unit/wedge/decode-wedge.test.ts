import { describe, expect, it } from 'vitest';
import { parseEidCode } from '../../../electron/backend/verification/core/parse-code';
import { decodeWedgeKey, decodeWedgeKeys, textToWedgeEvents, type WedgeKeyEvent } from '../../../renderer/scan/wedge/decode-wedge';
import { US_KEYMAP, usKeyForChar } from '../../../renderer/scan/wedge/keymap';
import { VALID_EAN, VALID_QR } from '../checkpoint-core/fixtures';
import { ukrainianKey } from './ukrainian-layout';

/** Adds the Shift keydown a real scanner sends before each shifted character. */
function withShiftPresses(events: WedgeKeyEvent[]): WedgeKeyEvent[] {
  return events.flatMap((e) => (e.shiftKey ? [{ code: 'ShiftLeft', key: 'Shift', shiftKey: true, timeStamp: e.timeStamp }, e] : [e]));
}

describe('decodeWedgeKeys', () => {
  it('decodes a QR URL typed under a US layout', () => {
    const events = withShiftPresses(textToWedgeEvents(VALID_QR));
    expect(decodeWedgeKeys(events)).toEqual({ text: VALID_QR, unmapped: 0 });
  });

  it('decodes a QR URL typed under a Ukrainian layout, where `key` is Cyrillic garbage', () => {
    const events = withShiftPresses(textToWedgeEvents(VALID_QR, { layoutKey: ukrainianKey }));
    const asTyped = events.filter((e) => e.code !== 'ShiftLeft' && e.code !== 'Enter').map((e) => e.key).join('');
    expect(asTyped.startsWith('реезіЖ..вшшфюфзз.')).toBe(true); // "https://diia.app/" under the Ukrainian layout
    expect(asTyped).not.toBe(VALID_QR);
    expect(parseEidCode(asTyped).kind).toBe('not_an_eid');
    const { text, unmapped } = decodeWedgeKeys(events);
    expect(text).toBe(VALID_QR);
    expect(unmapped).toBe(0);
    expect(parseEidCode(text)).toMatchObject({ kind: 'qr', raw: VALID_QR });
  });

  it('decodes every US character under the Ukrainian layout', () => {
    const all = Object.values(US_KEYMAP).flatMap(([a, b]) => [a, b]).join('');
    const printable = [...new Set(all)].filter((c) => usKeyForChar(c) !== null && !'\\|'.includes(c)).join('');
    const events = textToWedgeEvents(printable, { layoutKey: (code, shift) => (code === 'Backslash' ? '?' : ukrainianKey(code, shift)) });
    expect(decodeWedgeKeys(events).text).toBe(printable);
  });

  it('decodes numpad digits (scanners sending codes on the keypad)', () => {
    const events = [...VALID_EAN].map((d, i) => ({ code: `Numpad${d}`, key: d, shiftKey: false, timeStamp: i }));
    expect(decodeWedgeKeys(events).text).toBe(VALID_EAN);
  });

  it('skips shortcuts and counts unknown keys', () => {
    const base = { key: 'v', shiftKey: false, timeStamp: 0 };
    expect(decodeWedgeKey({ ...base, code: 'KeyV', ctrlKey: true })).toBeNull();
    expect(decodeWedgeKey({ ...base, code: 'KeyV', altKey: true })).toBeNull();
    expect(decodeWedgeKey({ ...base, code: 'KeyV', metaKey: true })).toBeNull();
    expect(decodeWedgeKeys([{ ...base, code: 'F5' }, { ...base, code: 'KeyV' }, { ...base, code: 'ArrowUp' }])).toEqual({ text: 'v', unmapped: 2 });
  });

  it('falls back to `key` only without a `code` and only for ASCII', () => {
    expect(decodeWedgeKey({ code: '', key: 'a', shiftKey: false, timeStamp: 0 })).toBe('a');
    expect(decodeWedgeKey({ code: 'Unidentified', key: '7', shiftKey: false, timeStamp: 0 })).toBe('7');
    expect(decodeWedgeKey({ code: '', key: 'р', shiftKey: false, timeStamp: 0 })).toBeNull();
    expect(decodeWedgeKey({ code: 'KeyH', key: 'р', shiftKey: false, timeStamp: 0 })).toBe('h');
  });

  it('never throws on junk events', () => {
    const junk = [null, {}, { code: 42 }, { code: 'toString', key: 'x', shiftKey: false, timeStamp: 0 }, { code: '__proto__' }] as unknown as WedgeKeyEvent[];
    expect(() => decodeWedgeKeys(junk)).not.toThrow();
    expect(decodeWedgeKeys(junk).text).toBe('');
  });
});
