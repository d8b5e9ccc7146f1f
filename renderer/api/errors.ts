import { AxiosError } from 'axios';
import { ProblemSchema, type Problem } from '../../contract/errors';

/** Codes the client itself produces when there is no problem+json answer to read. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  timeout: 'timeout',
  invalidResponse: 'invalid_response',
  http: 'http_error',
} as const;

/** A failed API call: the server's problem+json, or a client-side failure with status 0. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: Problem['errors'];

  constructor(problem: { code: string; status: number; title: string; detail?: string; errors?: Problem['errors'] }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.code = problem.code;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors;
  }
}

/** True for an ApiError (also across module copies, by shape). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turn anything axios (or our own validation) throws into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof AxiosError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new ApiError({ code: CLIENT_ERROR_CODES.network, status: 0, title: message });
  }
  if (error.response) {
    const problem = ProblemSchema.safeParse(error.response.data);
    if (problem.success) return new ApiError(problem.data);
    // A proxy or an old backend may answer without problem+json; keep the HTTP status.
    return new ApiError({
      code: CLIENT_ERROR_CODES.http,
      status: error.response.status,
      title: error.response.statusText || `HTTP ${error.response.status}`,
    });
  }
  if (error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT) {
    return new ApiError({ code: CLIENT_ERROR_CODES.timeout, status: 0, title: error.message });
  }
  return new ApiError({ code: CLIENT_ERROR_CODES.network, status: 0, title: error.message });
}
