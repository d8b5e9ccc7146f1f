import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../../electron/backend/app';
import { runAuditVerify } from '../../../electron/backend/verification/audit-cli';
import { HMAC_KEY_FILE } from '../../../electron/backend/verification/hmac-key';
import { api, claim, codeOf, makeTempDir, testConfig } from '../backend/helpers';
import { manualClock, startCheckpoint, type CheckpointHarness } from './helpers';

let h: CheckpointHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function someChecks(harness: CheckpointHarness): Promise<void> {
  await harness.verify((await harness.issue('h01')).qr);
  await harness.verify((await harness.issue('h07')).qr);
  await harness.verify('not a code');
  await harness.verify('4820000000019', 'keypad');
}

describe('checkpoint audit log', () => {
  it('one chained row per check, verified by the API and the CLI; no photo, masked series, no name by default', async () => {
    h = await startCheckpoint();
    await someChecks(h);
    const ok = await api(h.url, '/api/checkpoint/audit/verify', { token: h.token });
    expect(ok.body).toEqual({ ok: true, count: 4, headId: 4 });
    expect(await runAuditVerify(['--data-dir', h.dataDir])).toEqual({ exitCode: 0, line: 'audit chain OK: 4 rows (head #4)' });

    const csv = await api(h.url, '/api/checkpoint/audit.csv', { token: h.token });
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,checkpoint,verdict,codeHmac,issuer,seriesNumberMasked,fullName,prevHash,rowHash');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('АА ****34');
    expect(lines[1]).toContain(',valid,');
    expect(csv.body).not.toMatch(/data:image|Коваленко|102934/);
    // A range with nothing in it still has the header.
    const empty = await api(h.url, '/api/checkpoint/audit.csv?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z', { token: h.token });
    expect((empty.body as string).replace(/^\uFEFF/, '').trimEnd()).toBe(lines[0]);
    expect((await api(h.url, '/api/checkpoint/audit.csv?from=yesterday', { token: h.token })).status).toBe(400);

    const key = await stat(join(h.dataDir, HMAC_KEY_FILE));
    expect(key.mode & 0o777).toBe(0o600);
  });

  it('stays one chain under concurrent checks', async () => {
    h = await startCheckpoint();
    const codes = await Promise.all(['h01', 'h02', 'h03', 'h04', 'h05', 'h10'].map((id) => h!.issue(id)));
    const inputs = [...codes.map((c) => c.qr), ...Array.from({ length: 24 }, (_, i) => `noise ${i}`)];
    const answers = await Promise.all(inputs.map((input) => h!.verify(input)));
    expect(answers.filter((a) => a.body.verdict === 'valid')).toHaveLength(6);
    expect((await api(h.url, '/api/checkpoint/audit/verify', { token: h.token })).body).toEqual({ ok: true, count: 30, headId: 30 });
  });

  it('tampering one row with a direct sqlite UPDATE is detected and located by the API and the CLI', async () => {
    h = await startCheckpoint();
    await someChecks(h);
    await h.backend.context.db.run("UPDATE checkpoint_audit SET verdict = 'valid' WHERE id = 2");
    const broken = await api(h.url, '/api/checkpoint/audit/verify', { token: h.token });
    expect(broken.body).toEqual({ ok: false, firstBrokenId: 2, reason: 'row_hash_mismatch' });
    expect(await runAuditVerify(['--data-dir', h.dataDir])).toEqual({ exitCode: 1, line: 'audit chain BROKEN at row #2: row_hash_mismatch' });
  });

  it('a deleted tail is detected against the kept head', async () => {
    h = await startCheckpoint();
    await someChecks(h);
    await h.backend.context.db.run('DELETE FROM checkpoint_audit WHERE id = 4');
    expect((await api(h.url, '/api/checkpoint/audit/verify', { token: h.token })).body).toEqual({ ok: false, firstBrokenId: 4, reason: 'truncated' });
  });

  it('the audit routes are admin-only; the CLI explains bad usage', async () => {
    h = await startCheckpoint();
    expect((await api(h.url, '/api/checkpoint/audit/verify')).status).toBe(401);
    expect((await runAuditVerify([])).exitCode).toBe(2);
    expect((await runAuditVerify(['--data-dir', join(h.dataDir, 'nope')])).exitCode).toBe(2);
  });

  it('purges rows past retention (daily and at start) and the chain still verifies from the anchor', async () => {
    const clock = manualClock();
    h = await startCheckpoint({ checkpoint: { auditRetentionDays: 30 } }, { now: clock.now });
    await someChecks(h); // rows 1-4, day 0
    clock.advance(20 * 86_400_000);
    await h.verify('still garbage'); // row 5, day 20
    clock.advance(11 * 86_400_000); // day 31: rows 1-4 are past 30 days, row 5 is not
    expect(await h.backend.context.checkpoint.purgeExpired()).toBe(4);
    await h.verify('after the purge'); // row 6
    expect((await api(h.url, '/api/checkpoint/audit/verify', { token: h.token })).body).toEqual({ ok: true, count: 2, headId: 6 });
    await h.backend.context.db.run("UPDATE checkpoint_audit SET checkpoint = 'Інший' WHERE id = 5");
    expect((await api(h.url, '/api/checkpoint/audit/verify', { token: h.token })).body).toMatchObject({ ok: false, firstBrokenId: 5 });
  });

  it('purges at start-up', async () => {
    const temp = await makeTempDir();
    const clock = manualClock();
    const config = testConfig(temp.dir, { checkpoint: { auditRetentionDays: 1 } });
    let backend = await startBackend(config, { console: null, rendererDir: null, now: clock.now });
    try {
      const token = await claim(backend.url, codeOf(backend.pairingLink));
      await api(backend.url, '/api/checkpoint/verify', { method: 'POST', token, body: { input: 'x', source: 'keypad' } });
      await backend.close();
      clock.advance(2 * 86_400_000);
      backend = await startBackend(config, { console: null, rendererDir: null, now: clock.now });
      expect(await backend.context.checkpoint.audit.rows()).toEqual([]);
      expect(await backend.context.checkpoint.audit.verify()).toEqual({ ok: true, count: 0, headId: null });
    } finally {
      await backend.close();
      await temp.remove();
    }
  });
});
