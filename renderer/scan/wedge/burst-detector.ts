import { classifyWedgeKey, decodeWedgeKeys, type WedgeKeyEvent } from './decode-wedge';

/*
 * Tells a keyboard-wedge scanner from a person at the keyboard. A scanner types a whole code
 * in one burst — every gap between keys a few ms — usually ending with Enter or Tab; people
 * leave 80-300 ms between keys. A burst is at least `minChars` characters with every gap
 * <= `maxGapMs`, ended by a terminator key or by a pause longer than `maxGapMs`.
 *
 * Pure state machine: feed `keydown` events (with their timeStamp) to `push`, and call
 * `flush(now)` from a timer about `maxGapMs` after the last key so a burst without a
 * terminator (or the typist's last key) is released. Modifier keys are ignored (scanners press
 * Shift between characters). Keys that did not belong to a burst come back as `typing`, in
 * order, for the screen to apply as ordinary input.
 */

export interface BurstOptions {
  /** Fewest characters in a scanner burst. Default 8 (the shortest e-ID code is 13 digits). */
  minChars?: number;
  /** Largest gap between keys inside a burst, in ms. Default 35. */
  maxGapMs?: number;
  /** A burst is cut (and reported, to be refused by the parser) at this many keys. Default 4096. */
  maxChars?: number;
}

export type BurstEnd = 'enter' | 'tab' | 'gap' | 'overflow';

export type BurstOutput =
  | { kind: 'scan'; text: string; unmapped: number; startedAt: number; endedAt: number; terminatedBy: BurstEnd }
  | { kind: 'typing'; events: WedgeKeyEvent[] };

export interface BurstDetector {
  /** Feeds one keydown event; returns completed scans and released typing, oldest first. */
  push(event: WedgeKeyEvent): BurstOutput[];
  /** Releases what is pending when `nowMs` is past the gap; call from a timer. */
  flush(nowMs: number): BurstOutput[];
  /** Number of key events held back, waiting to see whether they are a burst. */
  pending(): number;
  reset(): void;
}

/** Creates a burst detector with the given thresholds. */
export function createBurstDetector(opts: BurstOptions = {}): BurstDetector {
  const minChars = opts.minChars ?? 8;
  const maxGapMs = opts.maxGapMs ?? 35;
  const maxChars = opts.maxChars ?? 4096;
  let buffer: WedgeKeyEvent[] = [];
  let lastTs = 0;

  const withinGap = (ts: number) => {
    const gap = ts - lastTs;
    return Number.isFinite(gap) && gap >= 0 && gap <= maxGapMs;
  };

  const close = (end: BurstEnd, extra: WedgeKeyEvent[] = []): BurstOutput[] => {
    const events = buffer;
    buffer = [];
    if (events.length === 0 && extra.length === 0) return [];
    const decoded = decodeWedgeKeys(events);
    if (events.length > 0 && decoded.text.length >= minChars) {
      const first = events[0] as WedgeKeyEvent;
      const last = events[events.length - 1] as WedgeKeyEvent;
      const endedAt = extra[0]?.timeStamp ?? last.timeStamp;
      return [{ kind: 'scan', text: decoded.text, unmapped: decoded.unmapped, startedAt: first.timeStamp, endedAt, terminatedBy: end }];
    }
    return [{ kind: 'typing', events: [...events, ...extra] }];
  };

  return {
    push(event) {
      if (event === null || typeof event !== 'object') return []; // not a key event: nothing to do
      const key = classifyWedgeKey(event);
      if (key.kind === 'modifier') return [];
      const ts = typeof event.timeStamp === 'number' ? event.timeStamp : Number.NaN;
      const out: BurstOutput[] = buffer.length > 0 && !withinGap(ts) ? close('gap') : [];
      if (key.kind === 'terminator') {
        const end: BurstEnd = event.code === 'Tab' ? 'tab' : 'enter';
        // A terminator that ends a scan is consumed; one typed by a person comes back as typing.
        return [...out, ...close(end, [event])];
      }
      buffer.push(event);
      lastTs = ts;
      if (buffer.length >= maxChars) out.push(...close('overflow'));
      return out;
    },
    flush(nowMs) {
      if (buffer.length === 0 || withinGap(nowMs)) return [];
      return close('gap');
    },
    pending: () => buffer.length,
    reset() {
      buffer = [];
    },
  };
}
