import { createHash, randomBytes, randomInt } from 'node:crypto';

// Tokens and pairing codes are stored only as SHA-256 hashes: a copied database file does
// not let anyone in. Tokens have 256 random bits, so a plain (unsalted) hash is enough.

/** Source of randomness; injectable so tests can make codes predictable. */
export interface RandomSource {
  bytes(size: number): Buffer;
  int(maxExclusive: number): number;
}

export const cryptoRandom: RandomSource = {
  bytes: (size) => randomBytes(size),
  int: (max) => randomInt(max),
};

/** A new bearer token: 32 random bytes, base64url. */
export function newToken(random: RandomSource = cryptoRandom): string {
  return random.bytes(32).toString('base64url');
}

/** Hex SHA-256 of a token or (normalised) pairing code. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// Crockford's base32 without I, L, O, U: easy to read aloud and to type from a screen.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 12;

/** A new pairing code: 12 characters, 60 random bits, shown as XXXX-XXXX-XXXX. */
export function newPairingCode(random: RandomSource = cryptoRandom): string {
  let raw = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) raw += CODE_ALPHABET[random.int(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The canonical form of a typed code: upper case, no spaces or dashes, look-alikes mapped. */
export function normalisePairingCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
