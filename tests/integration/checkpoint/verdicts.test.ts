import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointVerifyResponseSchema } from '../../../contract/eid';
import { makeEan13 } from '../../../electron/backend/verification/core/ean13';
import { api } from '../backend/helpers';
import { startCheckpoint, type CheckpointHarness } from './helpers';

// Every verdict over real HTTP: backend -> simulator, each with a fresh code.

let h: CheckpointHarness;
beforeAll(async () => {
  h = await startCheckpoint();
});
afterAll(async () => {
  await h?.stop();
});

const expectShape = (body: unknown) => expect(CheckpointVerifyResponseSchema.safeParse(body).success).toBe(true);

describe('checkpoint verdicts against the simulator', () => {
  it('valid by QR: the document with its photo, a small clock skew', async () => {
    const code = await h.issue('h01');
    expect(code.qr).toMatch(/^https:\/\/diia\.app\/documents\/e-posvidchennia\/EP-0001-KOVALENKO\/verify\/[0-9a-f-]{36}$/);
    const r = await h.verify(code.qr);
    expect(r.status).toBe(200);
    expectShape(r.body);
    expect(r.body.verdict).toBe('valid');
    expect(r.body.document.fullName).toBe('Коваленко Олена Петрівна');
    expect(r.body.document.country).toBe('Україна');
    expect(r.body.document.photo).toMatch(/^data:image\/png;base64,/);
    expect(Math.abs(r.body.clockSkewMs)).toBeLessThan(5000);
  });

  it('valid by the 13-digit code typed with spaces', async () => {
    const code = await h.issue('h02');
    const spaced = `${code.barcode.slice(0, 1)} ${code.barcode.slice(1, 7)} ${code.barcode.slice(7)}`;
    const r = await h.verify(spaced, 'keypad');
    expect(r.body.verdict).toBe('valid');
    expect(r.body.document.fullName).toBe('Шевчук Андрій Миколайович');
  });

  it('already_used: a second read here says when and where, without asking the portal', async () => {
    const code = await h.issue('h03');
    const first = await h.verify(code.qr);
    expect(first.body.verdict).toBe('valid');
    const before = await h.verifyRequests();
    const second = await h.verify(code.qr);
    expectShape(second.body);
    expect(second.body.verdict).toBe('already_used');
    expect(second.body.usedBefore.checkpoint).toBe('Вхід 1');
    expect(Date.parse(second.body.usedBefore.at)).toBeGreaterThan(0);
    expect(second.body.document).toBeUndefined();
    expect(await h.verifyRequests()).toBe(before);
    // The barcode of the same issuance is the same single use: the portal says already_used.
    expect((await h.verify(code.barcode, 'scanner')).body.verdict).toBe('already_used');
  });

  it('already_used from the portal when the code was used elsewhere', async () => {
    const code = await h.issue('h04');
    const enrolled = await h.simCall('/api/v1/auth/device', { enrollmentCode: 'TRAINING', deviceName: 'other door', role: 'checkpoint' });
    const tok = await h.simCall('/api/v1/auth/token', { deviceId: enrolled.body.deviceId, secret: enrolled.body.secret });
    const elsewhere = await api(h.sim, '/api/v2/documents/service-entrance/verify', { method: 'POST', token: tok.body.token, body: { qrCode: code.qr } });
    expect(elsewhere.body.status).toBe('valid');
    const r = await h.verify(code.qr);
    expect(r.body.verdict).toBe('already_used');
    expect(r.body.usedBefore).toBeUndefined();
  });

  it('expired_code after 3 minutes by the simulator clock, with a clock-skew measurement', async () => {
    const code = await h.issue('h05');
    await h.simCall('/sim/clock', { offsetMs: 3 * 60_000 + 1000 });
    try {
      const r = await h.verify(code.barcode, 'keypad');
      expect(r.body.verdict).toBe('expired_code');
      expect(r.body.clockSkewMs).toBeGreaterThan(60_000);
    } finally {
      await h.simCall('/sim/clock', { offsetMs: 0 });
    }
  });

  it('unknown_code for a well-formed code the portal never issued', async () => {
    expect((await h.verify(makeEan13('482000000001'), 'keypad')).body.verdict).toBe('unknown_code');
    const fake = 'https://diia.app/documents/e-posvidchennia/EP-0001-KOVALENKO/verify/3f1c2b4a-1d2e-4f3a-8b5c-6d7e8f9a0b1c';
    expect((await h.verify(fake)).body.verdict).toBe('unknown_code');
  });

  it('typo for a wrong check digit, and the portal is not asked', async () => {
    const code = await h.issue('h01');
    const wrong = code.barcode.slice(0, 12) + String((Number(code.barcode[12]) + 1) % 10);
    const before = await h.verifyRequests();
    const r = await h.verify(wrong, 'keypad');
    expectShape(r.body);
    expect(r.body.verdict).toBe('typo');
    expect(await h.verifyRequests()).toBe(before);
  });

  it('document_invalid for a revoked and for an expired document', async () => {
    expect((await h.verify((await h.issue('h07')).qr)).body.verdict).toBe('document_invalid');
    expect((await h.verify((await h.issue('h06')).qr)).body.verdict).toBe('document_invalid');
    const holders = await h.simCall('/sim/holders');
    expect(holders.body.length).toBeGreaterThanOrEqual(8);
    expect(holders.body.find((x: { id: string }) => x.id === 'h07').state).toBe('revoked');
    expect(holders.body.find((x: { id: string }) => x.id === 'h06').state).toBe('expired');
  });

  it('not_an_eid for garbage, 10 kB, control characters, HTML/JS and a foreign host; none reach the portal', async () => {
    const before = await h.verifyRequests();
    const otp = '3f1c2b4a-1d2e-4f3a-8b5c-6d7e8f9a0b1c';
    const inputs: Array<[string, string]> = [
      ['hello world', 'unrecognised'],
      ['x'.repeat(10_240), 'too_long'],
      ['https://diia.app/documents/e-posvidchennia/A\u0000/verify/x', 'control_chars'],
      ['<script>alert(1)</script><img src=x onerror=alert(2)>', 'unrecognised'],
      [`https://evil.example/documents/e-posvidchennia/EP-1/verify/${otp}`, 'host'],
    ];
    for (const [input, reason] of inputs) {
      const r = await h.verify(input, 'wedge');
      expect(r.status).toBe(200);
      expectShape(r.body);
      expect(r.body.verdict).toBe('not_an_eid');
      expect(r.body.notAnEidReason).toBe(reason);
      expect(JSON.stringify(r.body)).not.toMatch(/script|onerror|evil/);
    }
    expect(await h.verifyRequests()).toBe(before);
    expect(await h.healthy()).toBe(true);
  });

  it('400 for an invalid body (input over the limit, unknown source), no role 401', async () => {
    const tooLong = await api(h.url, '/api/checkpoint/verify', { method: 'POST', token: h.token, body: { input: 'x'.repeat(40_000), source: 'camera' } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.type).toContain('application/problem+json');
    expect((await h.verify('x', 'telepathy')).status).toBe(400);
    expect((await api(h.url, '/api/checkpoint/verify', { method: 'POST', body: { input: 'x', source: 'camera' } })).status).toBe(401);
  });

  it('appends checkpoint.verified events without personal data', async () => {
    const events = await h.backend.context.events.since(0, 10_000);
    const checks = events.filter((e) => e.type === 'checkpoint.verified');
    expect(checks.length).toBeGreaterThan(5);
    for (const e of checks) expect(Object.keys(e.data as object).sort()).toEqual(['at', 'checkId', 'checkpoint', 'verdict']);
    expect(JSON.stringify(checks)).not.toMatch(/Коваленко|АА 102934|data:image/);
  });

  it('settings and the training helpers', async () => {
    const s = await api(h.url, '/api/checkpoint/settings', { token: h.token });
    expect(s.body).toEqual({ checkpointName: 'Вхід 1', resultClearSeconds: 30, training: true });
    const holders = await api(h.url, '/api/training/eid/holders', { token: h.token });
    expect(holders.status).toBe(200);
    expect(holders.body[0]).toMatchObject({ id: 'h01', state: 'valid' });
    const issued = await api(h.url, '/api/training/eid/issue', { method: 'POST', token: h.token, body: { holderId: 'h08' } });
    expect(issued.status).toBe(200);
    expect(issued.body.barcode).toMatch(/^\d{13}$/);
    expect((await api(h.url, '/api/training/eid/issue', { method: 'POST', token: h.token, body: { holderId: 'nobody' } })).status).toBe(404);
  });
});
