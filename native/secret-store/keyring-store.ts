import { AsyncEntry } from '@napi-rs/keyring';
import { KeychainUnavailable, SECRET_SERVICE_NAME, type SecretStorePort } from './port';

/** The real adapter: @napi-rs/keyring (Credential Manager, macOS Keychain, Linux Secret Service). */
export class KeyringSecretStore implements SecretStorePort {
  readonly kind = 'os-keychain';

  constructor(private readonly service = SECRET_SERVICE_NAME) {}

  /** The stored value, or null. */
  async get(key: string): Promise<string | null> {
    return guard(async () => (await this.entry(key).getPassword()) ?? null);
  }

  /** Store `value` under `key`. */
  async set(key: string, value: string): Promise<void> {
    await guard(() => this.entry(key).setPassword(value));
  }

  /** Remove `key` (a missing entry is fine). */
  async delete(key: string): Promise<void> {
    await guard(async () => {
      try {
        await this.entry(key).deletePassword();
      } catch (error) {
        if (isNoEntry(error)) return;
        throw error;
      }
    });
  }

  private entry(key: string): AsyncEntry {
    return new AsyncEntry(this.service, key);
  }
}

function isNoEntry(error: unknown): boolean {
  return /no (matching )?entry|not found/i.test(String((error as Error)?.message ?? error));
}

// Every keyring failure other than "no such entry" means the store itself is unusable
// (no D-Bus, no Secret Service, locked collection): one typed error with one sentence.
async function guard<T>(work: () => Promise<T>): Promise<T> {
  // Without a session bus the library answers "nothing stored" to reads instead of failing,
  // which would look like "not enrolled": refuse up front instead.
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) throw new KeychainUnavailable();
  try {
    return await work();
  } catch (error) {
    if (isNoEntry(error)) return null as T;
    throw new KeychainUnavailable({ cause: error });
  }
}
