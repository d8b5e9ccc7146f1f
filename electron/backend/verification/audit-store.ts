import type { AuditRow } from '../../../contract/eid';
import type { Queryable, Transaction } from '../storage/database';
import { appendAuditRow, toCsv, verifyChain, type ChainVerdict, type NewAuditEntry } from './core/audit-chain';
import { planAuditPurge } from './audit-purge';

/*
 * The audit log in sqlite (migration 002). Appends run inside the caller's transaction, which
 * the Database serialises, so reading the head and inserting the next row cannot interleave
 * with another check: the chain stays linear under concurrency.
 */

interface RowRecord {
  id: number;
  at: string;
  checkpoint: string;
  verdict: string;
  code_hmac: string | null;
  issuer: string | null;
  series_number_masked: string | null;
  full_name: string | null;
  prev_hash: string;
  row_hash: string;
}

interface StateRecord {
  anchor_id: number;
  anchor_hash: string;
  head_id: number;
  head_hash: string;
}

const COLUMNS = 'id, at, checkpoint, verdict, code_hmac, issuer, series_number_masked, full_name, prev_hash, row_hash';

/** Maps a table row to the contract's AuditRow (verifyChain checks its shape). */
function toAuditRow(r: RowRecord): AuditRow {
  return {
    id: r.id,
    at: r.at,
    checkpoint: r.checkpoint,
    verdict: r.verdict as AuditRow['verdict'],
    codeHmac: r.code_hmac,
    issuer: r.issuer,
    seriesNumberMasked: r.series_number_masked,
    fullName: r.full_name,
    prevHash: r.prev_hash,
    rowHash: r.row_hash,
  };
}

/** What the chain check reports. */
export type AuditVerifyReport = { ok: true; count: number; headId: number | null } | { ok: false; firstBrokenId: number | null; reason: string };

/** Reads the whole chain (from the anchor) and verifies it against the kept head. */
export async function verifyAuditChain(db: Queryable): Promise<AuditVerifyReport> {
  const state = await db.get<StateRecord>('SELECT anchor_id, anchor_hash, head_id, head_hash FROM checkpoint_audit_state WHERE id = 1');
  if (state === undefined) return { ok: false, firstBrokenId: null, reason: 'missing_state' };
  const rows = await db.all<RowRecord>(`SELECT ${COLUMNS} FROM checkpoint_audit ORDER BY id`);
  const verdict: ChainVerdict = verifyChain(rows.map(toAuditRow), {
    anchor: { id: state.anchor_id, rowHash: state.anchor_hash },
    expectedLastId: state.head_id,
  });
  if (!verdict.ok) return { ok: false, firstBrokenId: verdict.firstBrokenId, reason: verdict.reason };
  if (verdict.headHash !== state.head_hash) return { ok: false, firstBrokenId: verdict.headId, reason: 'head_hash_mismatch' };
  return { ok: true, count: verdict.count, headId: verdict.headId };
}

/** The checkpoint audit log. */
export class AuditStore {
  constructor(private readonly db: Queryable & { transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> }) {}

  /** Appends one row after the head; call inside a transaction (`tx`). */
  async append(tx: Queryable, entry: NewAuditEntry): Promise<AuditRow> {
    const state = await tx.get<StateRecord>('SELECT head_id, head_hash FROM checkpoint_audit_state WHERE id = 1');
    const prev = state === undefined || state.head_id === 0 ? null : { id: state.head_id, rowHash: state.head_hash };
    const row = appendAuditRow(prev, entry);
    await tx.run(`INSERT INTO checkpoint_audit (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      row.id, row.at, row.checkpoint, row.verdict, row.codeHmac, row.issuer, row.seriesNumberMasked, row.fullName, row.prevHash, row.rowHash,
    ]);
    await tx.run('UPDATE checkpoint_audit_state SET head_id = ?, head_hash = ? WHERE id = 1', [row.id, row.rowHash]);
    return row;
  }

  /** Verifies the chain; names the first broken row. */
  verify(): Promise<AuditVerifyReport> {
    return verifyAuditChain(this.db);
  }

  /** Rows with `from <= at < to` (either bound optional), ascending id. */
  async rows(range: { from?: string; to?: string } = {}): Promise<AuditRow[]> {
    const rows = await this.db.all<RowRecord>(
      `SELECT ${COLUMNS} FROM checkpoint_audit WHERE (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?) ORDER BY id`,
      [range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null],
    );
    return rows.map(toAuditRow);
  }

  /** The rows of `range` as CSV (header always; never a photo: the table has no such column). */
  async csv(range: { from?: string; to?: string } = {}): Promise<string> {
    return toCsv(await this.rows(range), { bom: true });
  }

  /** Deletes the oldest rows older than `cutoffIso` and moves the anchor; returns how many went. */
  purge(cutoffIso: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const state = await tx.get<StateRecord>('SELECT anchor_id FROM checkpoint_audit_state WHERE id = 1');
      if (state === undefined) return 0;
      const candidates = await tx.all<{ id: number; at: string; row_hash: string }>(
        'SELECT id, at, row_hash FROM checkpoint_audit WHERE id > ? AND at < ? ORDER BY id',
        [state.anchor_id, cutoffIso],
      );
      const plan = planAuditPurge(candidates.map((c) => ({ id: c.id, at: c.at, rowHash: c.row_hash })), state.anchor_id, cutoffIso);
      if (plan === null) return 0;
      await tx.run('DELETE FROM checkpoint_audit WHERE id <= ?', [plan.lastPurgedId]);
      await tx.run('UPDATE checkpoint_audit_state SET anchor_id = ?, anchor_hash = ? WHERE id = 1', [plan.anchor.id, plan.anchor.rowHash]);
      return plan.count;
    });
  }
}
