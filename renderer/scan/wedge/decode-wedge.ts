import { MODIFIER_CODES, TERMINATOR_CODES, usCharForCode, usKeyForChar } from './keymap';

/*
 * Decoding keyboard-wedge input by physical key. Only `code` and `shiftKey` decide the
 * character: `key` is what the OS layout made of it (Cyrillic under a Ukrainian layout) and
 * is used only as a last resort when the browser gives no `code` and `key` is plain ASCII.
 * Key presses with Ctrl, Alt or Meta held are shortcuts, not scanned characters.
 */

/** The fields of a `keydown` KeyboardEvent the wedge decoder needs (plain object, no DOM). */
export interface WedgeKeyEvent {
  code: string;
  key: string;
  shiftKey: boolean;
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export type WedgeKey = { kind: 'char'; char: string } | { kind: 'terminator' } | { kind: 'modifier' } | { kind: 'other' };

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

/** Classifies one key event: a character (decoded by physical key), a burst terminator, a modifier, or other; never throws. */
export function classifyWedgeKey(event: WedgeKeyEvent): WedgeKey {
  if (event === null || typeof event !== 'object') return { kind: 'other' };
  const code = typeof event.code === 'string' ? event.code : '';
  if (MODIFIER_CODES.has(code)) return { kind: 'modifier' };
  if (event.ctrlKey === true || event.altKey === true || event.metaKey === true) return { kind: 'other' };
  if (TERMINATOR_CODES.has(code)) return { kind: 'terminator' };
  const char = usCharForCode(code, event.shiftKey === true);
  if (char !== null) return { kind: 'char', char };
  const noCode = code === '' || code === 'Unidentified';
  if (noCode && typeof event.key === 'string' && PRINTABLE_ASCII.test(event.key)) return { kind: 'char', char: event.key };
  return { kind: 'other' };
}

/** The character a key event stands for (by physical key), or null. */
export function decodeWedgeKey(event: WedgeKeyEvent): string | null {
  const key = classifyWedgeKey(event);
  return key.kind === 'char' ? key.char : null;
}

/** Decodes a run of key events to text; modifiers and terminators are skipped, other keys counted as `unmapped`. */
export function decodeWedgeKeys(events: readonly WedgeKeyEvent[]): { text: string; unmapped: number } {
  let text = '';
  let unmapped = 0;
  for (const event of events) {
    const key = classifyWedgeKey(event);
    if (key.kind === 'char') text += key.char;
    else if (key.kind === 'other') unmapped += 1;
  }
  return { text, unmapped };
}

export interface WedgeTypingOptions {
  startMs?: number;
  gapMs?: number;
  /** What `key` the active OS layout gives for a physical key (default: the US character). */
  layoutKey?: (code: string, shiftKey: boolean) => string;
  /** Append an Enter key event. Default true. */
  enter?: boolean;
}

/** Key events a wedge scanner would send for `text` (simulator, e2e and tests); throws on characters with no US key. */
export function textToWedgeEvents(text: string, opts: WedgeTypingOptions = {}): WedgeKeyEvent[] {
  const start = opts.startMs ?? 0;
  const gap = opts.gapMs ?? 5;
  const events: WedgeKeyEvent[] = [];
  for (const char of text) {
    const key = usKeyForChar(char);
    if (key === null) throw new RangeError(`no US key types ${JSON.stringify(char)}`);
    const layoutKey = opts.layoutKey?.(key.code, key.shiftKey) ?? char;
    events.push({ code: key.code, key: layoutKey, shiftKey: key.shiftKey, timeStamp: start + events.length * gap });
  }
  if (opts.enter !== false) events.push({ code: 'Enter', key: 'Enter', shiftKey: false, timeStamp: start + events.length * gap });
  return events;
}
