import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../contract/eid';
import {
  GENESIS_HASH,
  appendAuditRow,
  canonicalJson,
  csvCell,
  makeAuditEntry,
  maskSeriesNumber,
  toCsv,
  verifyChain,
  type NewAuditEntry,
} from '../../../electron/backend/verification/core/audit-chain';
import { sampleDocument } from './fixtures';

const HMAC = 'a'.repeat(64);

function buildChain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const entry: NewAuditEntry = makeAuditEntry({
      at: `2025-03-01T10:00:${String(i).padStart(2, '0')}+02:00`,
      checkpoint: 'Entrance A',
      verdict: i % 3 === 0 ? 'valid' : 'expired_code',
      codeHmac: HMAC,
      document: i % 3 === 0 ? sampleDocument() : null,
      keepFullName: i % 2 === 0,
    });
    rows.push(appendAuditRow(rows.at(-1) ?? null, entry));
  }
  return rows;
}

describe('audit entries', () => {
  it('keep the issuer and masked number, the full name only when the policy says so, never a photo', () => {
    const keep = makeAuditEntry({ at: '2025-03-01T10:00:00Z', checkpoint: 'A', verdict: 'valid', codeHmac: HMAC, document: sampleDocument(), keepFullName: true });
    expect(keep).toEqual({
      at: '2025-03-01T10:00:00Z',
      checkpoint: 'A',
      verdict: 'valid',
      codeHmac: HMAC,
      issuer: 'Державна служба України з питань праці',
      seriesNumberMasked: 'АА ****12',
      fullName: 'Шевченко Олена Петрівна',
    });
    const minimal = makeAuditEntry({ at: '2025-03-01T10:00:00Z', checkpoint: 'A', verdict: 'valid', codeHmac: HMAC, document: sampleDocument(), keepFullName: false });
    expect(minimal.fullName).toBeNull();
    expect(JSON.stringify(minimal)).not.toContain('data:image');
    expect(JSON.stringify(minimal)).not.toContain('+380');
  });

  it.each([
    ['АА 123412', 'АА ****12'],
    ['АА123412', 'АА ****12'],
    ['AB-987654', 'AB ****54'],
    ['123456', '****56'],
    ['АА 12', 'АА **'],
    ['7', '*'],
    ['  ', null],
    [null, null],
  ])('masks %j as %j', (input, masked) => {
    expect(maskSeriesNumber(input)).toBe(masked);
  });
});

describe('verifyChain', () => {
  const rows = buildChain(6);

  it('accepts an intact chain, linked from the genesis hash', () => {
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(rows)).toEqual({ ok: true, count: 6, headId: 6, headHash: rows[5]?.rowHash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headId: null, headHash: GENESIS_HASH });
  });

  const fields = ['at', 'checkpoint', 'verdict', 'codeHmac', 'issuer', 'seriesNumberMasked', 'fullName'] as const;
  const tampered: Record<(typeof fields)[number], unknown> = {
    at: '2025-03-01T11:00:00+02:00',
    checkpoint: 'Entrance B',
    verdict: 'denied_by_policy',
    codeHmac: 'b'.repeat(64),
    issuer: 'Інший орган',
    seriesNumberMasked: 'ББ ****99',
    fullName: 'Хтось Інший',
  };
  it.each(fields)('detects an edited %s and names that row', (field) => {
    const copy = rows.map((r) => ({ ...r }));
    (copy[2] as Record<string, unknown>)[field] = tampered[field];
    expect(verifyChain(copy)).toEqual({ ok: false, firstBrokenId: 3, index: 2, reason: 'row_hash_mismatch' });
  });

  it('detects a row whose hash was recomputed after editing, at the next link', () => {
    const copy = rows.map((r) => ({ ...r }));
    const edited = appendAuditRow(rows[1] ?? null, { ...(rows[2] as AuditRow), verdict: 'valid' });
    copy[2] = edited;
    expect(verifyChain(copy)).toEqual({ ok: false, firstBrokenId: 4, index: 3, reason: 'prev_hash_mismatch' });
  });

  it('detects an edited id', () => {
    const copy = rows.map((r) => ({ ...r }));
    (copy[3] as AuditRow).id = 40;
    expect(verifyChain(copy)).toMatchObject({ ok: false, firstBrokenId: 40, reason: 'id_sequence' });
  });

  it('detects a deleted row and names the row after the gap', () => {
    expect(verifyChain([...rows.slice(0, 2), ...rows.slice(3)])).toMatchObject({ ok: false, firstBrokenId: 4, index: 2 });
    expect(verifyChain(rows.slice(1))).toMatchObject({ ok: false, firstBrokenId: 2, index: 0 });
  });

  it('detects deleted rows renumbered to hide the gap', () => {
    const renumbered = [...rows.slice(0, 2), ...rows.slice(3)].map((r, i) => ({ ...r, id: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, firstBrokenId: 3, reason: 'prev_hash_mismatch' });
  });

  it('detects reordered rows', () => {
    const swapped = [rows[0], rows[2], rows[1], ...rows.slice(3)];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, firstBrokenId: 3, index: 1, reason: 'id_sequence' });
    const swappedRenumbered = swapped.map((r, i) => ({ ...(r as AuditRow), id: i + 1 }));
    expect(verifyChain(swappedRenumbered)).toMatchObject({ ok: false, firstBrokenId: 2, index: 1 });
  });

  it('detects truncation when the expected last id is known', () => {
    expect(verifyChain(rows.slice(0, 4), { expectedLastId: 6 })).toEqual({ ok: false, firstBrokenId: 5, index: 4, reason: 'truncated' });
    expect(verifyChain(rows, { expectedLastId: 6 }).ok).toBe(true);
  });

  it('verifies a purged chain from its anchor', () => {
    const kept = rows.slice(3);
    const anchor = { id: 3, rowHash: (rows[2] as AuditRow).rowHash };
    expect(verifyChain(kept, { anchor })).toMatchObject({ ok: true, count: 3, headId: 6 });
    expect(verifyChain(kept)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('names malformed rows without throwing', () => {
    const copy: unknown[] = rows.map((r) => ({ ...r }));
    copy[1] = { ...(rows[1] as AuditRow), photo: 'data:image/png;base64,AAAA' };
    expect(verifyChain(copy)).toEqual({ ok: false, firstBrokenId: 2, index: 1, reason: 'malformed' });
    expect(verifyChain([null])).toEqual({ ok: false, firstBrokenId: null, index: 0, reason: 'malformed' });
    expect(verifyChain(['row'])).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('hashes canonical JSON, independent of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('defuses formula-looking %j', (value) => {
    const cell = csvCell(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(unquoted.slice(1)).toBe(value);
  });

  it('exports a header and one line per row with CRLF, and never a photo', () => {
    const rows = buildChain(2);
    const hostile = appendAuditRow(rows[1] ?? null, {
      at: '2025-03-01T10:00:00Z',
      checkpoint: '=cmd|" /C calc"!A0',
      verdict: 'valid',
      codeHmac: HMAC,
      issuer: 'Орган, "лапки"',
      seriesNumberMasked: null,
      fullName: '@evil',
    });
    const csv = toCsv([...rows, hostile]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,at,checkpoint,verdict,codeHmac,issuer,seriesNumberMasked,fullName,prevHash,rowHash');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[3]).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(lines[3]).toContain('"Орган, ""лапки"""');
    expect(lines[3]).toContain(",'@evil,");
    expect(csv).not.toContain('data:image');
    expect(toCsv([], { bom: true })).toBe('\uFEFFid,at,checkpoint,verdict,codeHmac,issuer,seriesNumberMasked,fullName,prevHash,rowHash\r\n');
  });
});
