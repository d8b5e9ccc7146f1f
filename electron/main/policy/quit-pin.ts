import { scryptSync, timingSafeEqual } from 'node:crypto';

// The admin PIN that lets an operator quit a locked kiosk. Only a scrypt hash is stored:
//   scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>
// Deterministic (the caller passes the salt), so it is tested without randomness.

const PREFIX = 'scrypt';
const KEY_LENGTH = 32;
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 } as const;
const PIN_PATTERN = /^\d{4,8}$/;

export interface StoredPinHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** Hashes a 4-8 digit PIN with scrypt and the given salt (≥ 16 random bytes from the caller). */
export function hashQuitPin(pin: string, salt: Buffer): string {
  if (!PIN_PATTERN.test(pin)) throw new Error('the quit PIN must be 4 to 8 digits');
  if (salt.length < 16) throw new Error('the PIN salt must be at least 16 bytes');
  const { N, r, p } = DEFAULT_COST;
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N, r, p });
  return [PREFIX, N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Parses a stored hash; null when it is not in the format above (a bad file is never "any PIN"). */
export function parsePinHash(stored: string): StoredPinHash | null {
  const parts = stored.trim().split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (N === undefined || r === undefined || p === undefined) return null;
  const costOk = Number.isInteger(N) && N >= 1024 && (N & (N - 1)) === 0 && N <= 1 << 20;
  if (!costOk || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 16 || hash.length !== KEY_LENGTH) return null;
  return { N, r, p, salt, hash };
}

/** True when `pin` matches the stored hash; compares in constant time, never throws. */
export function verifyQuitPin(pin: string, stored: string): boolean {
  const parsed = parsePinHash(stored);
  if (parsed === null || !PIN_PATTERN.test(pin)) return false;
  const { N, r, p, salt, hash } = parsed;
  // scrypt's memory limit defaults to 32 MiB; 128·N·r needs room above that at high costs.
  const candidate = scryptSync(pin, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return timingSafeEqual(candidate, hash);
}

/** Failed-PIN bookkeeping: after `maxFailures` wrong PINs, further tries wait `lockMs`. */
export interface PinAttemptState {
  failures: number;
  lockedUntil: number;
}

export const PIN_LOCK = { maxFailures: 5, lockMs: 60_000 } as const;

/** Whether a PIN may be tried now; a locked kiosk does not let a script brute-force 4 digits. */
export function canTryPin(state: PinAttemptState, now: number): boolean {
  return now >= state.lockedUntil;
}

/** Records one attempt's outcome: success clears, every `maxFailures`-th failure locks. */
export function recordPinAttempt(state: PinAttemptState, ok: boolean, now: number): PinAttemptState {
  if (ok) return { failures: 0, lockedUntil: 0 };
  const failures = state.failures + 1;
  const lockedUntil = failures % PIN_LOCK.maxFailures === 0 ? now + PIN_LOCK.lockMs : state.lockedUntil;
  return { failures, lockedUntil };
}
