import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../../contract/errors';
import { PairResponseSchema, SessionSchema } from '../../../contract/pairing';
import { HealthSchema, StatusSchema } from '../../../contract/status';
import { ConflictError } from '../../../electron/backend/errors';
import type { RouteRegistrar } from '../../../electron/backend/server/routes/types';
import { api, claim, codeOf, makeTempDir, startTestBackend, type TestBackend } from './helpers';

// Routes only these tests need: a typed error and an unexpected crash, to see the mapping.
const testRoutes: RouteRegistrar = (app) => {
  app.get('/api/test/conflict', async () => {
    throw new ConflictError('The ticket was already called.', 'ticket_already_called');
  });
  app.get('/api/test/crash', async () => {
    throw new Error('secret internal detail');
  });
};

describe('backend over real HTTP', () => {
  let t: TestBackend;
  let url: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestBackend({}, { extraRoutes: [testRoutes] });
    url = t.backend.url;
    adminToken = await claim(url, codeOf(t.backend.pairingLink));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers health without a token', async () => {
    const res = await api(url, '/api/health');
    expect(res.status).toBe(200);
    expect(HealthSchema.parse(res.body).ok).toBe(true);
  });

  it('sets the security headers on every response, errors included', async () => {
    for (const path of ['/api/health', '/api/nope', '/']) {
      const res = await api(url, path);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('refuses status without a token, or with an unknown one, as 401 problem+json', async () => {
    for (const token of [undefined, 'not-a-real-token']) {
      const res = await api(url, '/api/status', { token });
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(ProblemSchema.parse(res.body).status).toBe(401);
    }
  });

  it('answers status to a valid token', async () => {
    const res = await api(url, '/api/status', { token: adminToken });
    expect(res.status).toBe(200);
    const status = StatusSchema.parse(res.body);
    expect(status.mode).toBe('training');
    expect(status.machineRole).toBe('admin');
    expect(status.lastSeq).toBeGreaterThanOrEqual(2); // system.started + device.paired
    expect(status.portal.baseUrl).toBe(t.backend.simulatorUrl);
  });

  it('lets a pairing code work exactly once', async () => {
    const minted = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'terminal' } });
    expect(minted.status).toBe(201);
    const code = PairResponseSchema.parse(minted.body).code;
    const first = await api(url, '/api/pair/claim', { method: 'POST', body: { code } });
    expect(first.status).toBe(200);
    expect(first.body.role).toBe('terminal');
    const again = await api(url, '/api/pair/claim', { method: 'POST', body: { code } });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('pairing_code_invalid');
    const startupAgain = await api(url, '/api/pair/claim', { method: 'POST', body: { code: codeOf(t.backend.pairingLink) } });
    expect(startupAgain.status).toBe(401);
  });

  it('mints a display code whose token reads status but may not mint codes (403)', async () => {
    const minted = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'display', label: 'Hall TV' } });
    const pair = PairResponseSchema.parse(minted.body);
    expect(pair.role).toBe('display');
    expect(pair.link).toBe(`${url}/pair?code=${encodeURIComponent(pair.code)}`);
    const expiresInMs = Date.parse(pair.expiresAt) - Date.now();
    expect(expiresInMs).toBeGreaterThan(14 * 60_000);
    expect(expiresInMs).toBeLessThanOrEqual(15 * 60_000);

    const displayToken = await claim(url, pair.code);
    const session = SessionSchema.parse((await api(url, '/api/session', { token: displayToken })).body);
    expect(session).toEqual({ role: 'display', label: 'Hall TV' });
    expect((await api(url, '/api/status', { token: displayToken })).status).toBe(200);
    const forbidden = await api(url, '/api/pair', { method: 'POST', token: displayToken, body: { role: 'admin' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.type).toContain('application/problem+json');
  });

  it('keeps a desk number in the scope', async () => {
    const minted = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'desk', deskNo: 4 } });
    const token = await claim(url, minted.body.code);
    expect((await api(url, '/api/session', { token })).body).toEqual({ role: 'desk', deskNo: 4, label: null });
  });

  it('refuses a token from the request after its revocation, though it was just used (sessions are cached)', async () => {
    const minted = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'display' } });
    const token = await claim(url, minted.body.code);
    const before = await api(url, '/api/session', { token });
    expect(before.status).toBe(200);
    const session = await t.backend.context.auth.verifyToken(token);
    expect(await t.backend.context.auth.revokeToken(session?.tokenId ?? -1)).toBe(true);
    const after = await api(url, '/api/session', { token });
    expect(after.status).toBe(401);
    expect(ProblemSchema.parse(after.body).code).toBe('token_invalid');
  });

  it('answers an invalid body with 400 problem+json naming each bad path', async () => {
    const res = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'desk', colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const problem = ProblemSchema.parse(res.body);
    expect(problem.errors?.map((e) => e.path)).toContain('colour');
    const desk = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'desk' } });
    expect(desk.body.errors.map((e: { path: string }) => e.path)).toContain('deskNo');
    const role = await api(url, '/api/pair', { method: 'POST', token: adminToken, body: { role: 'janitor' } });
    expect(role.body.errors.map((e: { path: string }) => e.path)).toEqual(['role']);
  });

  it('answers malformed JSON and oversized bodies with problems', async () => {
    const bad = await api(url, '/api/pair/claim', { method: 'POST', rawBody: '{"code": ' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    const big = await api(url, '/api/pair/claim', { method: 'POST', rawBody: JSON.stringify({ code: 'x'.repeat(2_000_000) }) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
  });

  it('answers unknown /api routes with a 404 problem', async () => {
    const res = await api(url, '/api/does-not-exist', { token: adminToken });
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.code).toBe('not_found');
  });

  it('maps typed errors to their status and hides internal errors', async () => {
    const conflict = await api(url, '/api/test/conflict');
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('ticket_already_called');
    const crash = await api(url, '/api/test/crash');
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.body)).not.toContain('secret internal detail');
    expect(JSON.stringify(crash.body)).not.toContain('at ');
  });

  it('shows a "not built" page instead of the renderer when there is no build', async () => {
    const res = await api(url, '/admin');
    expect(res.status).toBe(200);
    expect(res.body).toContain('npm run build');
  });
});

describe('claim rate limit', () => {
  it('answers too many claims with a 429 problem', async () => {
    const t = await startTestBackend({}, { claimRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await api(t.backend.url, '/api/pair/claim', { method: 'POST', body: { code: 'AAAA-BBBB-CCCC' } })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const res = await api(t.backend.url, '/api/pair/claim', { method: 'POST', body: { code: codeOf(t.backend.pairingLink) } });
      expect(res.status).toBe(429);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.code).toBe('too_many_requests');
    } finally {
      await t.stop();
    }
  });
});

describe('serving the built renderer', () => {
  it('serves files and falls back to index.html on role routes only', async () => {
    const renderer = await makeTempDir('varta-renderer-');
    await mkdir(join(renderer.dir, 'assets'));
    await writeFile(join(renderer.dir, 'index.html'), '<!doctype html><title>Varta UI</title>');
    await writeFile(join(renderer.dir, 'assets', 'app-1234.js'), 'console.log(1)');
    const t = await startTestBackend({}, { rendererDir: renderer.dir });
    try {
      const url = t.backend.url;
      for (const path of ['/', '/checkpoint', '/terminal', '/desk/3', '/display', '/admin', '/pair?code=X']) {
        const res = await api(url, path);
        expect(res.status, path).toBe(200);
        expect(res.body, path).toContain('Varta UI');
      }
      const asset = await api(url, '/assets/app-1234.js');
      expect(asset.status).toBe(200);
      expect(asset.type).toContain('javascript');
      expect((await api(url, '/elsewhere')).status).toBe(404);
      expect((await api(url, '/api/unknown')).type).toContain('application/problem+json');
    } finally {
      await t.stop();
      await renderer.remove();
    }
  });
});
