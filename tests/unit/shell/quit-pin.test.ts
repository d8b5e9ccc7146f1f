import { describe, expect, it } from 'vitest';
import {
  canTryPin,
  hashQuitPin,
  parsePinHash,
  PIN_LOCK,
  recordPinAttempt,
  verifyQuitPin,
  type PinAttemptState,
} from '../../../electron/main/policy/quit-pin';

const SALT = Buffer.alloc(16, 7);

describe('quit PIN', () => {
  const stored = hashQuitPin('2468', SALT);

  it('stores a scrypt hash, never the PIN', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('2468');
    expect(hashQuitPin('2468', Buffer.alloc(16, 8))).not.toBe(stored);
  });

  it('accepts the right PIN and rejects others', () => {
    expect(verifyQuitPin('2468', stored)).toBe(true);
    expect(verifyQuitPin('2469', stored)).toBe(false);
    expect(verifyQuitPin('02468', stored)).toBe(false);
    expect(verifyQuitPin('', stored)).toBe(false);
    expect(verifyQuitPin('abcd', stored)).toBe(false);
  });

  it('treats a broken stored hash as "no PIN matches", never as "any PIN"', () => {
    for (const bad of ['', 'plain', stored.replace('scrypt', 'md5'), stored.split('$').slice(0, 5).join('$'), stored.replace('$16384$', '$1000$')]) {
      expect(parsePinHash(bad)).toBeNull();
      expect(verifyQuitPin('2468', bad)).toBe(false);
    }
  });

  it('refuses to hash a malformed PIN or a short salt', () => {
    expect(() => hashQuitPin('12', SALT)).toThrow(/4 to 8 digits/);
    expect(() => hashQuitPin('1234', Buffer.alloc(8))).toThrow(/16 bytes/);
  });
});

describe('PIN attempts', () => {
  it('locks after five wrong PINs and unlocks after the lock time', () => {
    let state: PinAttemptState = { failures: 0, lockedUntil: 0 };
    for (let i = 0; i < PIN_LOCK.maxFailures; i += 1) {
      expect(canTryPin(state, 1_000)).toBe(true);
      state = recordPinAttempt(state, false, 1_000);
    }
    expect(canTryPin(state, 1_000)).toBe(false);
    expect(canTryPin(state, 1_000 + PIN_LOCK.lockMs - 1)).toBe(false);
    expect(canTryPin(state, 1_000 + PIN_LOCK.lockMs)).toBe(true);
    expect(recordPinAttempt(state, true, 2_000)).toEqual({ failures: 0, lockedUntil: 0 });
  });
});
