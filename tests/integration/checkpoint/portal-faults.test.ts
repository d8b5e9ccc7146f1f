import { afterEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../../electron/backend/verification/core/ean13';
import { api, claim, codeOf, startTestBackend } from '../backend/helpers';
import { startCheckpoint, manualClock, type CheckpointHarness } from './helpers';

// The portal failing in every way the issue names: each is portal_unavailable (never valid),
// the backend stays healthy, and the next check after the fault works again.

let h: CheckpointHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('portal faults', () => {
  it('down, slow beyond the timeout, 500 and malformed JSON: portal_unavailable, then healthy and working', async () => {
    h = await startCheckpoint({ portal: { timeoutMs: 400 } });
    // Obtain the portal session token first so each fault hits the verification itself.
    expect((await h.verify((await h.issue('h01')).qr)).body.verdict).toBe('valid');
    const faults: Array<Record<string, unknown>> = [{ down: true }, { latencyMs: 1200 }, { errorRate: 1 }, { malformed: true }];
    for (const fault of faults) {
      const code = await h.issue('h02');
      await h.simCall('/sim/faults', fault);
      const r = await h.verify(code.qr);
      expect(r.status, JSON.stringify(fault)).toBe(200);
      expect(r.body.verdict, JSON.stringify(fault)).toBe('portal_unavailable');
      expect(r.body.document).toBeUndefined();
      await h.simCall('/sim/faults', {});
      expect(await h.healthy()).toBe(true);
      // Down / 500 / timeout: the portal never reached its handler in time, so the retry verifies.
      // Malformed: the portal spent the code but its answer was unreadable, so the retry is already_used.
      const retry = fault.malformed === true ? 'already_used' : 'valid';
      expect((await h.verify(code.qr)).body.verdict, JSON.stringify(fault)).toBe(retry);
    }
  });

  it('portal_unavailable when the portal is down before the first token is obtained', async () => {
    h = await startCheckpoint();
    const code = await h.issue('h01');
    await h.simCall('/sim/faults', { down: true });
    expect((await h.verify(code.qr)).body.verdict).toBe('portal_unavailable'); // the token call fails first
    await h.simCall('/sim/faults', {});
    expect((await h.verify(code.qr)).body.verdict).toBe('valid');
  });

  it('kiosk_not_authorised when the portal revoked the device', async () => {
    h = await startCheckpoint();
    expect((await h.verify((await h.issue('h01')).qr)).body.verdict).toBe('valid');
    expect((await h.simCall('/sim/devices/revoke', {})).body.revoked).toBe(1);
    const r = await h.verify((await h.issue('h02')).qr);
    expect(r.body.verdict).toBe('kiosk_not_authorised');
    expect(await h.healthy()).toBe(true);
  });

  it('a 401 for a dropped token refreshes the token once and retries', async () => {
    h = await startCheckpoint();
    expect((await h.verify((await h.issue('h01')).qr)).body.verdict).toBe('valid');
    const before = (await h.simCall('/sim/devices/stats')).body.tokensIssued;
    await h.simCall('/sim/devices/drop-tokens', {});
    expect((await h.verify((await h.issue('h02')).qr)).body.verdict).toBe('valid');
    expect((await h.simCall('/sim/devices/stats')).body.tokensIssued).toBe(before + 1);
  });

  it('the portal token is refreshed at 80 % of its 2-hour life, not per check', async () => {
    const clock = manualClock();
    h = await startCheckpoint({}, { now: clock.now });
    const tokens = async () => (await h!.simCall('/sim/devices/stats')).body.tokensIssued as number;
    expect((await h.verify((await h.issue('h01')).qr)).body.verdict).toBe('valid');
    expect(await tokens()).toBe(1);
    clock.advance(60 * 60_000); // 1 h: same token
    expect((await h.verify((await h.issue('h02')).qr)).body.verdict).toBe('valid');
    expect(await tokens()).toBe(1);
    clock.advance(37 * 60_000); // 1 h 37 min > 96 min (80 % of 2 h): refreshed before it dies
    expect((await h.verify((await h.issue('h03')).qr)).body.verdict).toBe('valid');
    expect(await tokens()).toBe(2);
  });
});

describe('building access policy', () => {
  it('denied_by_policy keeps the document and says which rule; the audit keeps the full name when the policy says so', async () => {
    h = await startCheckpoint({
      checkpoint: {
        name: 'Службовий вхід',
        policy: {
          rules: [{ action: 'deny', issuer: { match: 'prefix', value: 'секретаріат кабінету' }, label: 'Contractors' }],
          keepFullName: true,
        },
      },
    });
    const denied = await h.verify((await h.issue('h02')).qr);
    expect(denied.body.verdict).toBe('denied_by_policy');
    expect(denied.body.document.issuer).toBe('Секретаріат Кабінету Міністрів України');
    expect(denied.body.policyReason).toBe('rule_deny #1: Contractors');
    const allowed = await h.verify((await h.issue('h01')).qr);
    expect(allowed.body.verdict).toBe('valid');
    const again = await h.verify((await h.issue('h02')).qr);
    expect(again.body.verdict).toBe('denied_by_policy');
    const rows = await h.backend.context.checkpoint.audit.rows();
    expect(rows.map((r) => r.fullName)).toContain('Шевчук Андрій Миколайович');
    expect(rows[0]?.checkpoint).toBe('Службовий вхід');
  });
});

describe('portal connection refused', () => {
  it('portal_unavailable when nothing listens at the portal URL', async () => {
    h = await startCheckpoint();
    const code = await h.issue('h01');
    // Port 9 (discard) is closed on loopback: ECONNREFUSED, a network error rather than an HTTP answer.
    h.backend.context.portal.client.http.defaults.baseURL = 'http://127.0.0.1:9';
    expect((await h.verify(code.qr)).body.verdict).toBe('portal_unavailable');
    expect(await h.healthy()).toBe(true);
  });
});

describe('production mode without an enrollment', () => {
  it('answers kiosk_not_authorised without calling the portal, and has no training routes', async () => {
    const tb = await startTestBackend({ mode: 'production', portal: { baseUrl: 'http://127.0.0.1:9' } });
    try {
      const url = tb.backend.url;
      const token = await claim(url, codeOf(tb.backend.pairingLink));
      const r = await api(url, '/api/checkpoint/verify', { method: 'POST', token, body: { input: makeEan13('482000000001'), source: 'keypad' } });
      expect(r.body.verdict).toBe('kiosk_not_authorised');
      expect((await api(url, '/api/training/eid/holders', { token })).status).toBe(404);
      expect((await api(url, '/api/training/eid/issue', { method: 'POST', token, body: { holderId: 'h01' } })).status).toBe(404);
      expect((await api(url, '/api/checkpoint/settings', { token })).body.training).toBe(false);
    } finally {
      await tb.stop();
    }
  });
});
