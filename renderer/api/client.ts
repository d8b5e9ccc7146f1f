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
import { ApiError } from './errors';
import { createJsonCaller, type JsonCallerOptions } from './json-caller';

export type ApiClientOptions = Omit<JsonCallerOptions, 'timeoutMs'> & { timeoutMs?: number };

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
  const call = createJsonCaller({ ...options, timeoutMs: options.timeoutMs ?? 10_000 });

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
