import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { ApiError, CLIENT_ERROR_CODES, toApiError } from './errors';

/** One JSON request whose answer is checked against a zod schema. */
export type JsonCall = <S extends z.ZodType>(
  schema: S,
  request: { method: 'GET' | 'POST'; url: string; data?: unknown; params?: unknown },
) => Promise<z.infer<S>>;

export interface JsonCallerOptions {
  /** Backend origin, e.g. `http://127.0.0.1:8470` (no trailing `/api`). */
  baseUrl: string;
  /** Read at every request, so a token obtained by pairing is used at once. */
  getToken: () => string | null;
  timeoutMs: number;
  /** Only for tests: an axios adapter that answers without a network. */
  adapter?: AxiosInstance['defaults']['adapter'];
}

/** Axios with the app's Bearer token, problem+json turned into ApiError and answers zod-checked. */
export function createJsonCaller(options: JsonCallerOptions): JsonCall {
  const http = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs,
    headers: { Accept: 'application/json' },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  http.interceptors.request.use((config) => {
    const token = options.getToken();
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });
  return async (schema, request) => {
    let data: unknown;
    try {
      data = (await http.request(request)).data;
    } catch (error) {
      throw toApiError(error);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new ApiError({ code: CLIENT_ERROR_CODES.invalidResponse, status: 0, title: `unexpected answer from ${request.method} ${request.url}`, detail });
    }
    return parsed.data;
  };
}
