import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../native/secret-store/keyring-store';
import { KeychainUnavailable } from '../../native/secret-store/port';

// Against a REAL Secret Service: run inside scripts/lib/with-keyring.sh (a private D-Bus session,
// an unlocked gnome-keyring and a fresh HOME), e.g.
//   dbus-run-session -- sh scripts/lib/with-keyring.sh npx vitest run --config tests/vitest.config.ts --project keychain
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasBus) console.warn('keychain tests skipped: no D-Bus session (run them through scripts/lib/with-keyring.sh inside dbus-run-session)');

describe.skipIf(!hasBus)('KeyringSecretStore on a real Secret Service', () => {
  it('stores, reads, replaces and deletes a secret', async () => {
    const store = new KeyringSecretStore(`varta-test-${randomUUID()}`);
    expect(await store.get('portal-device-secret')).toBeNull();
    await store.set('portal-device-secret', 's3cret-1');
    expect(await store.get('portal-device-secret')).toBe('s3cret-1');
    await store.set('portal-device-secret', 's3cret-2');
    expect(await store.get('portal-device-secret')).toBe('s3cret-2');
    await store.delete('portal-device-secret');
    expect(await store.get('portal-device-secret')).toBeNull();
    await store.delete('portal-device-secret'); // deleting twice is fine
  });

  it('keeps entries apart by account and survives a new adapter instance', async () => {
    const service = `varta-test-${randomUUID()}`;
    await new KeyringSecretStore(service).set('a', 'one');
    await new KeyringSecretStore(service).set('b', 'two');
    const again = new KeyringSecretStore(service);
    expect([await again.get('a'), await again.get('b')]).toEqual(['one', 'two']);
    await again.delete('a');
    await again.delete('b');
  });
});

describe('KeyringSecretStore without a session bus', () => {
  it('fails with one clear sentence', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    delete process.env.DBUS_SESSION_BUS_ADDRESS;
    try {
      const error = await new KeyringSecretStore().set('x', 'y').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeychainUnavailable);
      expect((error as Error).message).toBe(
        'the OS keychain (Secret Service) is not available: start a desktop session / gnome-keyring, or run with --insecure-file-secrets for development',
      );
    } finally {
      if (saved !== undefined) process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});
