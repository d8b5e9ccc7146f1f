/*
 * ReadDedupe (pure; the caller passes `now`): the camera sees the same code in many frames; a
 * code seen again within the window is the same read. Each sighting refreshes the window, so a
 * code held in front of the camera stays one read until it has been away for `windowMs`.
 * Bounded in size and time. No DOM, so unit tests run it under Node.
 */

export interface ReadDedupeOptions {
  /** Same code within this many ms of its last sighting = one read. Default 3,000. */
  windowMs?: number;
  /** Most distinct codes remembered. Default 256. */
  maxEntries?: number;
}

export interface ReadDedupe {
  /** True when this is a new read; false when the same text was seen within the window. */
  accept(text: string, nowMs: number): boolean;
  clear(): void;
}

/** Creates the camera's "same code again is one read" filter. */
export function createReadDedupe(opts: ReadDedupeOptions = {}): ReadDedupe {
  const windowMs = opts.windowMs ?? 3_000;
  const maxEntries = Math.max(1, opts.maxEntries ?? 256);
  const lastSeen = new Map<string, number>();

  const prune = (nowMs: number) => {
    for (const [text, at] of lastSeen) {
      if (nowMs - at < windowMs && lastSeen.size <= maxEntries) break;
      lastSeen.delete(text);
    }
  };

  return {
    accept(text, nowMs) {
      prune(nowMs);
      const seen = lastSeen.has(text);
      lastSeen.delete(text);
      lastSeen.set(text, nowMs);
      prune(nowMs);
      return !seen;
    },
    clear: () => lastSeen.clear(),
  };
}
