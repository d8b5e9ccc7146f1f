import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import type { SecretStorePort } from './port';

/**
 * DEVELOPER ONLY: secrets in a plain JSON file (mode 0600). Used only when the configuration says
 * `sync.insecureFileSecrets: true` (or --insecure-file-secrets); the backend warns at every start.
 */
export class InsecureFileSecretStore implements SecretStorePort {
  readonly kind = 'insecure-file';

  constructor(readonly path: string) {}

  /** The stored value, or null. */
  async get(key: string): Promise<string | null> {
    return (await this.load())[key] ?? null;
  }

  /** Store `value` under `key`. */
  async set(key: string, value: string): Promise<void> {
    const all = await this.load();
    all[key] = value;
    await this.save(all);
  }

  /** Remove `key`. */
  async delete(key: string): Promise<void> {
    const all = await this.load();
    if (!(key in all)) return;
    delete all[key];
    await this.save(all);
  }

  private async load(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private async save(all: Record<string, string>): Promise<void> {
    const tmp = `${this.path}.tmp`;
    await writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.path);
  }
}

/** The warning printed at every start when the insecure file store is in use. */
export const INSECURE_FILE_WARNING =
  'WARNING: device secrets are stored in a plain file (sync.insecureFileSecrets / --insecure-file-secrets); use this for development only.';
