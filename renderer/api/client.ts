import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import {
  ClaimResponseSchema,
  PairRequestSchema,
  PairResponseSchema,
  SessionSchema,
  type ClaimResponse,
  type PairRequest,
  type PairResponse,
  type Session,
} from '../../contract/pairing';
import { HealthSchema, StatusSchema, type Health, type Status } from '../../contract/status';
import { ApiError, CLIENT_ERROR_CODES, toApiError } from './errors';

export interface ApiClientOptions {
  /** Backend origin, e.g. `http://127.0.0.1:8470` (no trailing `/api`). */
  baseUrl: string;
  /** Read at every request, so a token obtained by pairing is used at once. */
  getToken: () => string | null;
  timeoutMs?: number;
  /** Only for tests: an axios adapter that answers without a network. */
  adapter?: AxiosInstance['defaults']['adapter'];
}

/** The typed renderer → backend HTTP API. Every method rejects with an ApiError. */
export interface ApiClient {
  health(): Promise<Health>;
  claimPairing(code: string): Promise<ClaimResponse>;
  getSession(): Promise<Session>;
  getStatus(): Promise<Status>;
  createPairing(request: PairRequest): Promise<PairResponse>;
}

/** Build the API client over axios: timeouts, Bearer header, problem+json → ApiError, zod-checked answers. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const http = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 10_000,
    headers: { Accept: 'application/json' },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  http.interceptors.request.use((config) => {
    const token = options.getToken();
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });

  async function call<S extends z.ZodType>(
    schema: S,
    request: { method: 'GET' | 'POST'; url: string; data?: unknown },
  ): Promise<z.infer<S>> {
    let data: unknown;
    try {
      data = (await http.request(request)).data;
    } catch (error) {
      throw toApiError(error);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new ApiError({
        code: CLIENT_ERROR_CODES.invalidResponse,
        status: 0,
        title: `unexpected answer from ${request.method} ${request.url}`,
        detail: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
    }
    return parsed.data;
  }

  return {
    health: () => call(HealthSchema, { method: 'GET', url: '/api/health' }),
    claimPairing: (code) => call(ClaimResponseSchema, { method: 'POST', url: '/api/pair/claim', data: { code: code.trim() } }),
    getSession: () => call(SessionSchema, { method: 'GET', url: '/api/session' }),
    getStatus: () => call(StatusSchema, { method: 'GET', url: '/api/status' }),
    createPairing: (request) => {
      // Validate before sending so bad input never reaches the hub (and the message names the field).
      const body = PairRequestSchema.safeParse(request);
      if (!body.success) {
        const errors = body.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        return Promise.reject(
          new ApiError({ code: 'invalid_request', status: 400, title: 'invalid pairing request', errors }),
        );
      }
      return call(PairResponseSchema, { method: 'POST', url: '/api/pair', data: body.data });
    },
  };
}
