import type { SecretStorePort } from './port';

/** The fake: a map in memory (unit tests, integration tests that are not about the keychain). */
export class MemorySecretStore implements SecretStorePort {
  readonly kind = 'memory';
  readonly values = new Map<string, string>();

  /** The stored value, or null. */
  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  /** Store `value` under `key`. */
  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  /** Remove `key`. */
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}
