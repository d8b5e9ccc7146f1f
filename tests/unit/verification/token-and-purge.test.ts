import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, appendAuditRow, verifyChain } from '../../../electron/backend/verification/core/audit-chain';
import { planAuditPurge, retentionCutoff } from '../../../electron/backend/verification/audit-purge';
import { needsRefresh, refreshDueAtMs } from '../../../electron/backend/verification/token-schedule';
import type { AuditRow } from '../../../contract/eid';

describe('portal token refresh schedule', () => {
  const held = { token: 't', obtainedAtMs: 1_000_000, expiresInS: 7200 };
  it('refreshes at 80 % of the life', () => {
    expect(refreshDueAtMs(held)).toBe(1_000_000 + 5_760_000);
    expect(needsRefresh(held, 1_000_000 + 5_759_999)).toBe(false);
    expect(needsRefresh(held, 1_000_000 + 5_760_000)).toBe(true);
  });
  it('refreshes with no token, and when the clock went backwards', () => {
    expect(needsRefresh(null, 0)).toBe(true);
    expect(needsRefresh(held, 999_999)).toBe(true);
  });
  it('clamps odd fractions', () => {
    expect(refreshDueAtMs(held, 2)).toBe(1_000_000 + 7_200_000);
    expect(refreshDueAtMs(held, -1)).toBe(1_000_000);
  });
});

function chain(ats: string[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const at of ats) {
    rows.push(appendAuditRow(rows.at(-1) ?? null, { at, checkpoint: 'Вхід 1', verdict: 'not_an_eid', codeHmac: null, issuer: null, seriesNumberMasked: null, fullName: null }));
  }
  return rows;
}

describe('audit purge plan', () => {
  const rows = chain(['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-10T00:00:00.000Z', '2026-01-03T00:00:00.000Z']);
  it('purges the contiguous prefix older than the cutoff and anchors on its last row', () => {
    const plan = planAuditPurge(rows, 0, '2026-01-05T00:00:00.000Z');
    // Row 4 is old too, but row 3 is kept, so the chain stays one piece: only rows 1-2 go.
    expect(plan).toEqual({ lastPurgedId: 2, anchor: { id: 2, rowHash: rows[1]!.rowHash }, count: 2 });
    expect(verifyChain(rows.slice(2), { anchor: plan!.anchor })).toMatchObject({ ok: true, count: 2 });
    expect(verifyChain(rows.slice(2))).toMatchObject({ ok: false, reason: 'id_sequence' });
  });
  it('nothing to purge gives null; a gap after the anchor stops the plan', () => {
    expect(planAuditPurge(rows, 0, '2025-12-31T00:00:00.000Z')).toBeNull();
    expect(planAuditPurge(rows.slice(1), 0, '2027-01-01T00:00:00.000Z')).toBeNull();
    expect(planAuditPurge([], 7, '2027-01-01T00:00:00.000Z')).toBeNull();
  });
  it('a second purge continues from the anchor', () => {
    const plan = planAuditPurge(rows.slice(2), 2, '2027-01-01T00:00:00.000Z');
    expect(plan).toEqual({ lastPurgedId: 4, anchor: { id: 4, rowHash: rows[3]!.rowHash }, count: 2 });
    expect(verifyChain([], { anchor: plan!.anchor })).toEqual({ ok: true, count: 0, headId: null, headHash: rows[3]!.rowHash });
    expect(GENESIS_HASH).toHaveLength(64);
  });
  it('the retention cutoff is N days before now', () => {
    expect(retentionCutoff(Date.parse('2026-02-01T00:00:00.000Z'), 30)).toBe('2026-01-02T00:00:00.000Z');
  });
});
