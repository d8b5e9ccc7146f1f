/** Where the device secret lives: the OS keychain in production, a map in tests. */
export interface SecretStorePort {
  /** The stored value, or null when nothing is stored under `key`. */
  get(key: string): Promise<string | null>;
  /** Store (or replace) `value` under `key`. */
  set(key: string, value: string): Promise<void>;
  /** Remove `key`; no error when it was not there. */
  delete(key: string): Promise<void>;
  /** A short name of the backend for status screens and logs ("os-keychain", "memory", "insecure-file"). */
  readonly kind: string;
}

/** The OS keychain cannot be used; the message is one sentence a person can act on. */
export class KeychainUnavailable extends Error {
  constructor(options?: { cause?: unknown }) {
    super(
      'the OS keychain (Secret Service) is not available: start a desktop session / gnome-keyring, or run with --insecure-file-secrets for development',
      options,
    );
    this.name = 'KeychainUnavailable';
  }
}

/** The service name every Varta secret is stored under (account = key). */
export const SECRET_SERVICE_NAME = 'varta';
