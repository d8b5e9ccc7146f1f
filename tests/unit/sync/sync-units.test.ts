import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsecureFileSecretStore } from '../../../native/secret-store/file-store';
import { MemorySecretStore } from '../../../native/secret-store/memory-store';
import { hashAdminPin, verifyAdminPin } from '../../../electron/backend/sync/admin-pin';
import { backoffDelayMs, parseRetryAfterMs } from '../../../electron/backend/sync/backoff';
import { hourOf } from '../../../electron/backend/sync/event-feed';
import { datesAhead } from '../../../electron/backend/sync/pull';

describe('backoff', () => {
  it('grows exponentially, with jitter between half and all of the cap, never above max', () => {
    const policy = { baseMs: 1000, maxMs: 300_000 };
    expect(backoffDelayMs(1, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(1000);
    expect(backoffDelayMs(4, policy, () => 1)).toBe(8000);
    expect(backoffDelayMs(40, policy, () => 1)).toBe(300_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelayMs(attempt, policy, () => r);
        return d >= 250 && d <= 300_000;
      }),
    );
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    expect(parseRetryAfterMs('7', now)).toBe(7000);
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
  });
});

describe('admin PIN', () => {
  it('hashes with scrypt and verifies only the right PIN', async () => {
    const stored = await hashAdminPin('482916');
    expect(stored).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(await verifyAdminPin('482916', stored)).toBe(true);
    expect(await verifyAdminPin('482917', stored)).toBe(false);
    expect(await verifyAdminPin('482916', 'garbage')).toBe(false);
  });
});

describe('secret stores', () => {
  it('the memory fake and the developer file store behave like the port says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'varta-secrets-'));
    try {
      for (const store of [new MemorySecretStore(), new InsecureFileSecretStore(join(dir, 's.json'))]) {
        expect(await store.get('k')).toBeNull();
        await store.set('k', 'v1');
        await store.set('k', 'v2');
        expect(await store.get('k')).toBe('v2');
        await store.delete('k');
        await store.delete('k');
        expect(await store.get('k')).toBeNull();
      }
      await new InsecureFileSecretStore(join(dir, 's.json')).set('k', 'v');
      expect((await stat(join(dir, 's.json'))).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(join(dir, 's.json'), 'utf8'))).toEqual({ k: 'v' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('time helpers', () => {
  it('hourOf truncates to the UTC hour; datesAhead lists local dates', () => {
    expect(hourOf('2026-11-23T09:59:59.999Z')).toBe('2026-11-23T09:00:00.000Z');
    expect(datesAhead(Date.parse('2026-11-23T22:30:00Z'), 2, 'Europe/Kyiv')).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(datesAhead(Date.parse('2026-11-23T22:30:00Z'), 0, 'UTC')).toEqual(['2026-11-23']);
  });
});
