import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/api/client';
import { errorMessageKey } from '../../../renderer/api/error-message';
import { ApiError, toApiError } from '../../../renderer/api/errors';

type Answer = { status: number; data: unknown } | { throws: (config: InternalAxiosRequestConfig) => Error };

/** An axios adapter that records requests and answers from a script (no network). */
function scripted(answer: Answer) {
  const seen: InternalAxiosRequestConfig[] = [];
  const adapter: AxiosAdapter = async (config) => {
    seen.push(config);
    if ('throws' in answer) throw answer.throws(config);
    const response = { data: answer.data, status: answer.status, statusText: '', headers: {}, config };
    if (answer.status >= 400) throw new AxiosError('failed', 'ERR_BAD_RESPONSE', config, {}, response);
    return response;
  };
  return { adapter, seen };
}

const statusBody = {
  version: '0.1.0',
  mode: 'training',
  machineRole: 'admin',
  startedAt: '2025-01-01T08:00:00.000Z',
  lastSeq: 0,
  portal: { mode: 'training', baseUrl: 'http://x', reachable: true, checkedAt: null, latencyMs: null, lastError: null },
};

describe('createApiClient', () => {
  it('sends the current token as Bearer and returns the validated body', async () => {
    const { adapter, seen } = scripted({ status: 200, data: statusBody });
    let token: string | null = 'first';
    const api = createApiClient({ baseUrl: 'http://hub:8470/', getToken: () => token, adapter });
    await expect(api.getStatus()).resolves.toEqual(statusBody);
    token = 'second';
    await api.getStatus();
    expect(seen.map((c) => c.headers.get('Authorization'))).toEqual(['Bearer first', 'Bearer second']);
    expect(seen[0]!.baseURL).toBe('http://hub:8470');
    expect(seen[0]!.url).toBe('/api/status');
    expect(seen[0]!.timeout).toBe(10_000);
  });

  it('sends no Authorization header without a token', async () => {
    const { adapter, seen } = scripted({ status: 200, data: { token: 't', role: 'admin' } });
    const api = createApiClient({ baseUrl: 'http://hub', getToken: () => null, adapter });
    await expect(api.claimPairing(' abcdef12 ')).resolves.toEqual({ token: 't', role: 'admin' });
    expect(seen[0]!.headers.get('Authorization')).toBeUndefined();
    expect(JSON.parse(String(seen[0]!.data))).toEqual({ code: 'abcdef12' });
  });

  it('turns problem+json into a typed ApiError', async () => {
    const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorised', detail: 'unknown token' };
    const api = createApiClient({ baseUrl: 'http://hub', getToken: () => 'x', adapter: scripted({ status: 401, data: problem }).adapter });
    const error = await api.getSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unauthorised', status: 401, title: 'Unauthorized', detail: 'unknown token' });
    expect(errorMessageKey(error)).toBe('errors.unauthorised');
  });

  it('rejects an answer that does not match the contract', async () => {
    const api = createApiClient({ baseUrl: 'http://hub', getToken: () => 'x', adapter: scripted({ status: 200, data: { ok: true } }).adapter });
    const error = await api.getStatus().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', status: 0 });
    expect((error as ApiError).detail).toContain('version');
  });

  it('refuses an invalid pairing request before sending it', async () => {
    const { adapter, seen } = scripted({ status: 200, data: {} });
    const api = createApiClient({ baseUrl: 'http://hub', getToken: () => 'x', adapter });
    const error = await api.createPairing({ role: 'desk' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request', status: 400 });
    expect((error as ApiError).errors?.[0]?.path).toBe('deskNo');
    expect(seen).toHaveLength(0);
  });

  it('maps timeouts and network failures to client codes', async () => {
    const timeout = scripted({ throws: (c) => new AxiosError('timeout of 10ms exceeded', AxiosError.ECONNABORTED, c) });
    const api = createApiClient({ baseUrl: 'http://hub', getToken: () => null, adapter: timeout.adapter });
    await expect(api.health()).rejects.toMatchObject({ code: 'timeout', status: 0 });
    const down = scripted({ throws: (c) => new AxiosError('Network Error', AxiosError.ERR_NETWORK, c) });
    const api2 = createApiClient({ baseUrl: 'http://hub', getToken: () => null, adapter: down.adapter });
    const error = await api2.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network_error', status: 0 });
    expect(errorMessageKey(error)).toBe('errors.network');
  });
});

describe('toApiError', () => {
  it('keeps the HTTP status when the body is not problem+json', () => {
    const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
    const response = { data: '<html>bad gateway</html>', status: 502, statusText: 'Bad Gateway', headers: {}, config };
    const error = toApiError(new AxiosError('bad', 'ERR_BAD_RESPONSE', config, {}, response));
    expect(error).toMatchObject({ code: 'http_error', status: 502, title: 'Bad Gateway' });
    expect(errorMessageKey(error)).toBe('errors.server');
  });
  it('wraps non-axios errors', () => {
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'network_error', title: 'boom' });
    expect(errorMessageKey('a string')).toBe('errors.unknown');
  });
});
