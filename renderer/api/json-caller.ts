import axios from 'axios';
import type { z } from 'zod';
import { ApiError, CLIENT_ERROR_CODES, toApiError } from './errors';

/** One JSON request whose answer is checked against a zod schema. */
export type JsonCall = <S extends z.ZodType>(schema: S, request: { method: 'GET' | 'POST'; url: string; data?: unknown }) => Promise<z.infer<S>>;

/** Axios with the app's Bearer token, problem+json turned into ApiError and answers zod-checked. */
export function createJsonCaller(options: { baseUrl: string; getToken: () => string | null; timeoutMs: number }): JsonCall {
  const http = axios.create({ baseURL: options.baseUrl.replace(/\/+$/, ''), timeout: options.timeoutMs, headers: { Accept: 'application/json' } });
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
      throw new ApiError({ code: CLIENT_ERROR_CODES.invalidResponse, status: 0, title: `unexpected answer from ${request.url}`, detail });
    }
    return parsed.data;
  };
}
