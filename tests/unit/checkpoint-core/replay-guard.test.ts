import { describe, expect, it } from 'vitest';
import { createCodeHasher } from '../../../electron/backend/verification/core/code-hmac';
import { createReplayGuard, isConsumingVerdict } from '../../../electron/backend/verification/core/replay-guard';
import { createReadDedupe } from '../../../renderer/scan/read-dedupe';
import { VALID_EAN, VALID_QR } from './fixtures';

const SECRET = 'test-secret-of-32-bytes-length!!';

describe('createCodeHasher', () => {
  it('is a keyed HMAC: stable per key, different across keys, never the raw code', () => {
    const a = createCodeHasher(SECRET);
    const b = createCodeHasher('another-secret-of-enough-length');
    expect(a(VALID_QR)).toBe(a(VALID_QR));
    expect(a(VALID_QR)).toMatch(/^[0-9a-f]{64}$/);
    expect(a(VALID_QR)).not.toBe(b(VALID_QR));
    expect(a(VALID_QR)).not.toContain(VALID_EAN);
  });

  it('refuses short secrets', () => {
    expect(() => createCodeHasher('short')).toThrow(RangeError);
  });
});

describe('ReplayGuard', () => {
  it('answers when and where a code was first used here, keyed by its HMAC', () => {
    const seen: string[] = [];
    const hash = createCodeHasher(SECRET);
    const guard = createReplayGuard({ hashCode: (c) => { seen.push(c); return hash(c); } });
    expect(guard.lookup(VALID_QR, 1_000)).toBeNull();
    guard.remember(VALID_QR, { atMs: 1_000, checkpoint: 'Entrance A' }, 1_000);
    guard.remember(VALID_QR, { atMs: 5_000, checkpoint: 'Entrance B' }, 5_000);
    expect(guard.lookup(VALID_QR, 6_000)).toEqual({ atMs: 1_000, checkpoint: 'Entrance A' });
    expect(guard.lookup(VALID_EAN, 6_000)).toBeNull();
    expect(seen.every((c) => c === VALID_QR || c === VALID_EAN)).toBe(true);
  });

  it('forgets after the TTL', () => {
    const guard = createReplayGuard({ hashCode: createCodeHasher(SECRET), ttlMs: 10_000 });
    guard.remember(VALID_EAN, { atMs: 0, checkpoint: 'A' }, 0);
    expect(guard.lookup(VALID_EAN, 9_999)).not.toBeNull();
    expect(guard.lookup(VALID_EAN, 10_000)).toBeNull();
    expect(guard.size()).toBe(0);
  });

  it('stays bounded, dropping the oldest codes first', () => {
    const guard = createReplayGuard({ hashCode: (c) => c, maxEntries: 3 });
    for (let i = 0; i < 10; i += 1) guard.remember(`code-${i}`, { atMs: i, checkpoint: 'A' }, i);
    expect(guard.size()).toBe(3);
    expect(guard.lookup('code-6', 10)).toBeNull();
    expect(guard.lookup('code-9', 10)).toEqual({ atMs: 9, checkpoint: 'A' });
  });

  it('remembers only verdicts that spend the code', () => {
    expect(isConsumingVerdict('valid')).toBe(true);
    expect(isConsumingVerdict('denied_by_policy')).toBe(true);
    for (const v of ['already_used', 'expired_code', 'unknown_code', 'typo', 'document_invalid', 'portal_unavailable', 'kiosk_not_authorised', 'not_an_eid'] as const) {
      expect(isConsumingVerdict(v)).toBe(false);
    }
  });
});

describe('ReadDedupe', () => {
  it('counts the same code within the window as one read', () => {
    const dedupe = createReadDedupe({ windowMs: 3_000 });
    expect(dedupe.accept(VALID_QR, 0)).toBe(true);
    expect(dedupe.accept(VALID_QR, 100)).toBe(false);
    expect(dedupe.accept(VALID_EAN, 200)).toBe(true);
    expect(dedupe.accept(VALID_QR, 2_900)).toBe(false);
  });

  it('keeps a code held in front of the camera as one read, and reads it again after it was away', () => {
    const dedupe = createReadDedupe({ windowMs: 3_000 });
    expect(dedupe.accept('x', 0)).toBe(true);
    for (let t = 1_000; t <= 10_000; t += 1_000) expect(dedupe.accept('x', t)).toBe(false);
    expect(dedupe.accept('x', 13_000)).toBe(true);
  });

  it('stays bounded and can be cleared', () => {
    const dedupe = createReadDedupe({ windowMs: 60_000, maxEntries: 2 });
    dedupe.accept('a', 0);
    dedupe.accept('b', 1);
    dedupe.accept('c', 2);
    expect(dedupe.accept('a', 3)).toBe(true);
    dedupe.clear();
    expect(dedupe.accept('c', 4)).toBe(true);
  });
});
