import type { Role, Scope } from '../../../contract/roles';
import type { Queryable } from '../storage/database';

/** `startup`: the admin code printed at every start; `minted`: made by an admin for another screen. */
export type PairingKind = 'startup' | 'minted';

/** A pairing code that can still be claimed. */
export interface PairingRecord extends Scope {
  id: number;
  label: string | null;
  expiresAt: string;
}

interface PairingRow {
  id: number;
  role: Role;
  desk_no: number | null;
  label: string | null;
  expires_at: string;
}

/** The pairing_codes table; callers pass the Queryable (usually a transaction). */
export const pairingRepository = {
  /** Store a code hash with its scope and expiry. */
  async insert(
    q: Queryable,
    input: { hash: string; scope: Scope; label: string | null; kind: PairingKind; createdAt: string; expiresAt: string },
  ): Promise<number> {
    const result = await q.run(
      `INSERT INTO pairing_codes (hash, role, desk_no, label, kind, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [input.hash, input.scope.role, input.scope.deskNo ?? null, input.label, input.kind, input.createdAt, input.expiresAt],
    );
    return result.lastID;
  },

  /** The unused, unexpired code with this hash, if any (timestamps are ISO UTC, so they compare as text). */
  async findUsable(q: Queryable, hash: string, nowIso: string): Promise<PairingRecord | undefined> {
    const row = await q.get<PairingRow>(
      `SELECT id, role, desk_no, label, expires_at FROM pairing_codes
       WHERE hash = ? AND used_at IS NULL AND expires_at > ?`,
      [hash, nowIso],
    );
    if (!row) return undefined;
    const record: PairingRecord = { id: row.id, role: row.role, label: row.label, expiresAt: row.expires_at };
    if (row.desk_no !== null) record.deskNo = row.desk_no;
    return record;
  },

  /** Mark a code used by a token; false if someone else used it first. */
  async markUsed(q: Queryable, id: number, at: string, tokenId: number): Promise<boolean> {
    const result = await q.run('UPDATE pairing_codes SET used_at = ?, token_id = ? WHERE id = ? AND used_at IS NULL', [
      at,
      tokenId,
      id,
    ]);
    return result.changes === 1;
  },

  /** Expire every unused code of a kind now (earlier start-up codes when a new one is printed). */
  async expireKind(q: Queryable, kind: PairingKind, nowIso: string): Promise<number> {
    const result = await q.run(
      'UPDATE pairing_codes SET expires_at = ? WHERE kind = ? AND used_at IS NULL AND expires_at > ?',
      [nowIso, kind, nowIso],
    );
    return result.changes;
  },
};
