import { createHmac } from 'node:crypto';

/*
 * Codes are never stored or compared raw: the audit log and the replay guard keep a keyed
 * HMAC-SHA256 of the canonical code (see `canonicalCode`). The key is a per-installation
 * secret from the OS keychain, so a leaked audit log cannot be matched against codes.
 */

const MIN_SECRET_BYTES = 16;

/** Returns a function that HMACs canonical codes with `secret` (hex output); throws when the secret is under 16 bytes. */
export function createCodeHasher(secret: string | Uint8Array): (canonical: string) => string {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < MIN_SECRET_BYTES) throw new RangeError(`the code HMAC secret needs at least ${MIN_SECRET_BYTES} bytes`);
  return (canonical: string) => createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}
