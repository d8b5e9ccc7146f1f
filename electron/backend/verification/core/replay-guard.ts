import type { Verdict } from '../../../../contract/eid';

/*
 * A small memory, pure (the caller passes `now`), bounded in size and time.
 *
 * ReplayGuard: codes this checkpoint already had verified, keyed by an HMAC of the code
 * (the hasher is injected, so this file has no crypto and no raw code is kept), with the
 * first time and place of use, so a second read can answer `already_used` "at 10:42, at
 * Entrance A". Only consuming verdicts are remembered (the portal spent the code).
 *
 * (The camera's "same code again is one read" filter lives in the renderer:
 * renderer/scan/read-dedupe.ts.)
 */

export interface UseRecord {
  atMs: number;
  checkpoint: string;
}

export interface ReplayGuardOptions {
  /** Keyed hash of a canonical code (e.g. `createCodeHasher(secret)`). */
  hashCode: (canonical: string) => string;
  /** Most codes kept; the oldest go first. Default 10,000. */
  maxEntries?: number;
  /** How long a use is remembered. Default 15 min (a code lives 3 min). */
  ttlMs?: number;
}

export interface ReplayGuard {
  /** The first recorded use of this code within the TTL, or null. */
  lookup(canonical: string, nowMs: number): UseRecord | null;
  /** Records a use; an earlier unexpired use of the same code is kept (first use wins). */
  remember(canonical: string, use: UseRecord, nowMs: number): void;
  size(): number;
}

/** Verdicts after which the portal has spent the code, so a later read here is a replay. */
export function isConsumingVerdict(verdict: Verdict): boolean {
  return verdict === 'valid' || verdict === 'denied_by_policy';
}

/** Creates the in-memory replay guard (bounded by `maxEntries` and `ttlMs`). */
export function createReplayGuard(opts: ReplayGuardOptions): ReplayGuard {
  const maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
  const ttlMs = opts.ttlMs ?? 15 * 60_000;
  const uses = new Map<string, UseRecord>();
  const expired = (use: UseRecord, nowMs: number) => nowMs - use.atMs >= ttlMs;

  const prune = (nowMs: number) => {
    for (const [key, use] of uses) {
      if (!expired(use, nowMs) && uses.size <= maxEntries) break;
      uses.delete(key);
    }
  };

  return {
    lookup(canonical, nowMs) {
      prune(nowMs);
      const use = uses.get(opts.hashCode(canonical));
      return use !== undefined && !expired(use, nowMs) ? { ...use } : null;
    },
    remember(canonical, use, nowMs) {
      const key = opts.hashCode(canonical);
      const existing = uses.get(key);
      if (existing !== undefined && !expired(existing, nowMs)) return;
      uses.delete(key);
      uses.set(key, { atMs: use.atMs, checkpoint: use.checkpoint });
      prune(nowMs);
    },
    size: () => uses.size,
  };
}
