import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * The per-installation key for HMAC-ing e-ID codes (audit rows, replay guard). Generated once
 * and kept in the data dir, readable by the owner only (0600). Issue 5 adds an OS keychain
 * port; this file is the fallback until then.
 */

export const HMAC_KEY_FILE = 'checkpoint-code-hmac.key';

/** Reads the key from `<dataDir>/checkpoint-code-hmac.key`, creating it (32 random bytes, 0600) on first use. */
export async function loadOrCreateHmacKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, HMAC_KEY_FILE);
  try {
    await writeFile(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // An older copy (restored backup) may be group-readable; tighten it rather than refuse to start.
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  const hex = (await readFile(path, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path} is not a checkpoint HMAC key (64 hex digits)`);
  return Buffer.from(hex, 'hex');
}
