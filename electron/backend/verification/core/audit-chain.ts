import { createHash } from 'node:crypto';
import { AuditRowSchema, type AuditEntry, type AuditRow, type EidDocument, type Verdict } from '../../../../contract/eid';

/*
 * The audit log is a hash chain: rowHash = sha256(prevHash + canonicalJson(entry)), where
 * the entry is every field except the two hashes (the id included, so renumbering shows) and
 * the first row links to GENESIS_HASH, or after a retention purge to the anchor the store
 * kept for the last purged row. Editing any field, deleting, inserting or reordering rows
 * breaks a link; `verifyChain` names the first row where it breaks. A chain rewritten from
 * the edited row onwards is only caught against a head hash kept elsewhere (exported, printed).
 * Rows never hold a photo, and the full name only when the building's policy requires it.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** JSON with object keys sorted at every level, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function entryOf(row: AuditEntry): AuditEntry {
  const { id, at, checkpoint, verdict, codeHmac, issuer, seriesNumberMasked, fullName } = row;
  return { id, at, checkpoint, verdict, codeHmac, issuer, seriesNumberMasked, fullName };
}

/** The row hash for an entry that links to `prevHash`. */
export function hashAuditEntry(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash + canonicalJson(entryOf(entry)), 'utf8').digest('hex');
}

/** Builds the next chained row after `prev` (null: the first row, linked to the genesis hash). */
export function appendAuditRow(prev: Pick<AuditRow, 'id' | 'rowHash'> | null, entry: NewAuditEntry): AuditRow {
  const id = prev === null ? 1 : prev.id + 1;
  const prevHash = prev === null ? GENESIS_HASH : prev.rowHash;
  const full: AuditEntry = { ...entry, id };
  return { ...entryOf(full), prevHash, rowHash: hashAuditEntry(prevHash, full) };
}

export interface AuditEntryInput {
  at: string;
  checkpoint: string;
  verdict: Verdict;
  codeHmac: string | null;
  document?: Pick<EidDocument, 'issuer' | 'seriesNumber' | 'fullName'> | null;
  keepFullName: boolean;
}

/** The minimal audit entry for one check: issuer, masked series/number, full name only if kept; never the photo. */
export function makeAuditEntry(input: AuditEntryInput): NewAuditEntry {
  const doc = input.document ?? null;
  return {
    at: input.at,
    checkpoint: input.checkpoint,
    verdict: input.verdict,
    codeHmac: input.codeHmac,
    issuer: doc === null ? null : doc.issuer,
    seriesNumberMasked: doc === null ? null : maskSeriesNumber(doc.seriesNumber),
    fullName: doc !== null && input.keepFullName ? doc.fullName : null,
  };
}

/** Masks a series/number, keeping the letter series and the last two characters: `АА 123412` -> `АА ****12`. */
export function maskSeriesNumber(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().slice(0, 64);
  if (trimmed.length === 0) return null;
  const m = /^(\p{L}{1,4})[\s-]*([^]*)$/u.exec(trimmed);
  const series = m !== null && m[2] !== undefined && m[2].length > 0 ? (m[1] ?? '') : '';
  const number = Array.from((series === '' ? trimmed : (m?.[2] ?? '')).replace(/\s+/g, ''));
  const keep = number.length > 2 ? number.slice(-2).join('') : '';
  const masked = '*'.repeat(number.length - keep.length) + keep;
  return series === '' ? masked : `${series} ${masked}`;
}

export type ChainBreak = 'malformed' | 'id_sequence' | 'prev_hash_mismatch' | 'row_hash_mismatch' | 'truncated';

export type ChainVerdict =
  | { ok: true; count: number; headId: number | null; headHash: string }
  | { ok: false; firstBrokenId: number | null; index: number; reason: ChainBreak };

export interface VerifyChainOptions {
  /** The link before the first row: `{id: 0, rowHash: GENESIS_HASH}` unless rows were purged. */
  anchor?: { id: number; rowHash: string };
  /** When known (kept outside the table), the id the last row must have; fewer rows = truncated. */
  expectedLastId?: number;
}

/** Verifies rows in id order and names the first broken row; never throws. */
export function verifyChain(rows: readonly unknown[], opts: VerifyChainOptions = {}): ChainVerdict {
  let prevId = opts.anchor?.id ?? 0;
  let prevHash = opts.anchor?.rowHash ?? GENESIS_HASH;
  for (let index = 0; index < rows.length; index += 1) {
    const raw = rows[index];
    const parsed = AuditRowSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, firstBrokenId: idOf(raw), index, reason: 'malformed' };
    const row = parsed.data;
    if (row.id !== prevId + 1) return { ok: false, firstBrokenId: row.id, index, reason: 'id_sequence' };
    if (row.prevHash !== prevHash) return { ok: false, firstBrokenId: row.id, index, reason: 'prev_hash_mismatch' };
    if (hashAuditEntry(row.prevHash, row) !== row.rowHash) {
      return { ok: false, firstBrokenId: row.id, index, reason: 'row_hash_mismatch' };
    }
    prevId = row.id;
    prevHash = row.rowHash;
  }
  if (opts.expectedLastId !== undefined && prevId < opts.expectedLastId) {
    return { ok: false, firstBrokenId: prevId + 1, index: rows.length, reason: 'truncated' };
  }
  return { ok: true, count: rows.length, headId: rows.length === 0 ? null : prevId, headHash: prevHash };
}

function idOf(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object') return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'checkpoint',
  'verdict',
  'codeHmac',
  'issuer',
  'seriesNumberMasked',
  'fullName',
  'prevHash',
  'rowHash',
] as const satisfies readonly (keyof AuditRow)[];

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** One CSV cell: formula-looking text gets a leading `'`, then RFC 4180 quoting when needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.has(text.charAt(0))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The audit rows as RFC 4180 CSV (header row, CRLF line ends); `bom` adds a UTF-8 BOM for Excel. */
export function toCsv(rows: readonly AuditRow[], opts: { bom?: boolean } = {}): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(AUDIT_CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `${opts.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
