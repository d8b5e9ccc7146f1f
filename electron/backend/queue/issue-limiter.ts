// A token bucket per paired terminal: a kiosk tapped 20 times a second gets 429 for the excess
// instead of a stack of tickets. Kept in memory (a restart forgets it, which is harmless).

export interface BucketOptions {
  /** Sustained requests per second. */
  ratePerSec: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

/** Per-key token buckets; `take(key, now)` says whether one more request may pass. */
export class IssueLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: BucketOptions) {}

  /** Take one token for `key`; false when the bucket is empty. */
  take(key: string, nowMs: number): boolean {
    const { ratePerSec, burst } = this.options;
    const b = this.buckets.get(key) ?? { tokens: burst, at: nowMs };
    b.tokens = Math.min(burst, b.tokens + ((nowMs - b.at) / 1000) * ratePerSec);
    b.at = nowMs;
    if (this.buckets.size > 10_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
