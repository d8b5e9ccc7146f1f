import { createReadDedupe, type ReadDedupe } from './read-dedupe';

/*
 * When a camera decode result becomes a read — pure, the caller passes `now`:
 * - FrameGate: one decode at a time (frames arriving while the worker is busy are dropped) and
 *   at most `maxPerSecond` decodes, so a 30 fps camera does not pin a CPU core.
 * - ReadAcceptor: a QR code is accepted at once (its own error correction makes misreads rare);
 *   a 1D code (EAN-13, Code 128) only when two consecutive decoded frames agree, since a blurred
 *   1D frame can decode to a wrong but check-digit-valid number; and the same text seen again
 *   within the dedupe window is the same read, not a new one.
 */

/** Formats the kiosk decodes (zxing-wasm names). */
export const KIOSK_FORMATS = ['QRCode', 'EAN-13', 'Code128'] as const;
export type KioskFormat = (typeof KIOSK_FORMATS)[number];

/** One symbol a decoder found in a frame. */
export interface DecodedSymbol {
  text: string;
  format: KioskFormat;
}

export interface FrameGate {
  /** True when a new decode may start now (not busy, and the rate limit allows it). */
  canStart(nowMs: number): boolean;
  /** Marks a decode started at `nowMs`. */
  start(nowMs: number): void;
  /** Marks the running decode finished. */
  finish(): void;
}

/** Creates the decode gate: drop while busy, at most `maxPerSecond` starts per second. */
export function createFrameGate(opts: { maxPerSecond?: number } = {}): FrameGate {
  const minIntervalMs = 1000 / Math.max(0.1, opts.maxPerSecond ?? 15);
  let busy = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  return {
    canStart: (nowMs) => !busy && nowMs - lastStart >= minIntervalMs,
    start(nowMs) {
      busy = true;
      lastStart = nowMs;
    },
    finish() {
      busy = false;
    },
  };
}

export interface ReadAcceptor {
  /** Feeds one decoded frame (null: nothing found); returns the text when it is a new read. */
  push(symbol: DecodedSymbol | null, nowMs: number): string | null;
  /** Forgets the pending 1D candidate and the dedupe memory (camera restarted, result cleared). */
  reset(): void;
}

/** True for the formats that need two agreeing frames. */
export function isLinearFormat(format: KioskFormat): boolean {
  return format !== 'QRCode';
}

/** Creates the read acceptor (QR at once, 1D on two agreeing frames, dedupe within `dedupeWindowMs`). */
export function createReadAcceptor(opts: { dedupeWindowMs?: number; dedupe?: ReadDedupe } = {}): ReadAcceptor {
  const dedupe = opts.dedupe ?? createReadDedupe({ windowMs: opts.dedupeWindowMs ?? 3_000 });
  let candidate: DecodedSymbol | null = null;
  return {
    push(symbol, nowMs) {
      if (symbol === null || symbol.text.length === 0) {
        candidate = null;
        return null;
      }
      if (isLinearFormat(symbol.format)) {
        const agrees = candidate !== null && candidate.text === symbol.text && candidate.format === symbol.format;
        candidate = symbol;
        if (!agrees) return null;
      } else {
        candidate = null;
      }
      return dedupe.accept(symbol.text, nowMs) ? symbol.text : null;
    },
    reset() {
      candidate = null;
      dedupe.clear();
    },
  };
}

/** True when the camera has been on for `afterMs` without a read (show "brighter screen, hold still"). */
export function isNoReadHintDue(sinceMs: number | null, nowMs: number, afterMs = 5_000): boolean {
  return sinceMs !== null && nowMs - sinceMs >= afterMs;
}
