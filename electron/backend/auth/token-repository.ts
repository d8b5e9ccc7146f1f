import type { Role, Scope } from '../../../contract/roles';
import type { Queryable } from '../storage/database';

/** Why a token exists: claimed through pairing, or handed to the Electron shell at launch. */
export type TokenKind = 'paired' | 'session';

/** A stored, unrevoked token (without its secret, which is never stored). */
export interface TokenRecord extends Scope {
  id: number;
  label: string | null;
  kind: TokenKind;
  createdAt: string;
}

interface TokenRow {
  id: number;
  role: Role;
  desk_no: number | null;
  label: string | null;
  kind: TokenKind;
  created_at: string;
}

function toRecord(row: TokenRow): TokenRecord {
  const record: TokenRecord = { id: row.id, role: row.role, label: row.label, kind: row.kind, createdAt: row.created_at };
  if (row.desk_no !== null) record.deskNo = row.desk_no;
  return record;
}

/** The tokens table. Every method takes the Queryable to use, so callers can pass a transaction. */
export const tokenRepository = {
  /** Store a token hash with its scope; returns the new id. */
  async insert(
    q: Queryable,
    input: { hash: string; scope: Scope; label: string | null; kind: TokenKind; createdAt: string },
  ): Promise<number> {
    const result = await q.run(
      'INSERT INTO tokens (hash, role, desk_no, label, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [input.hash, input.scope.role, input.scope.deskNo ?? null, input.label, input.kind, input.createdAt],
    );
    return result.lastID;
  },

  /** The unrevoked token with this hash, if any. */
  async findActive(q: Queryable, hash: string): Promise<TokenRecord | undefined> {
    const row = await q.get<TokenRow>(
      'SELECT id, role, desk_no, label, kind, created_at FROM tokens WHERE hash = ? AND revoked_at IS NULL',
      [hash],
    );
    return row ? toRecord(row) : undefined;
  },

  /** Revoke one token. */
  async revoke(q: Queryable, id: number, at: string): Promise<boolean> {
    const result = await q.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]);
    return result.changes === 1;
  },

  /** Revoke every live token of a kind (the previous launch's shell token). */
  async revokeKind(q: Queryable, kind: TokenKind, at: string): Promise<number> {
    const result = await q.run('UPDATE tokens SET revoked_at = ? WHERE kind = ? AND revoked_at IS NULL', [at, kind]);
    return result.changes;
  },
};
