import { ApiError, CLIENT_ERROR_CODES } from './errors';

/** i18n keys of the user-facing messages an API failure maps to. */
export type ErrorMessageKey =
  | 'errors.network'
  | 'errors.timeout'
  | 'errors.invalidResponse'
  | 'errors.badRequest'
  | 'errors.unauthorised'
  | 'errors.forbidden'
  | 'errors.notFound'
  | 'errors.conflict'
  | 'errors.tooManyRequests'
  | 'errors.server'
  | 'errors.unknown';

const BY_CODE: Record<string, ErrorMessageKey> = {
  [CLIENT_ERROR_CODES.network]: 'errors.network',
  [CLIENT_ERROR_CODES.timeout]: 'errors.timeout',
  [CLIENT_ERROR_CODES.invalidResponse]: 'errors.invalidResponse',
};

const BY_STATUS: Record<number, ErrorMessageKey> = {
  400: 'errors.badRequest',
  401: 'errors.unauthorised',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  429: 'errors.tooManyRequests',
};

/** The one place an error becomes a user message key (the UI adds the server's detail beneath). */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!(error instanceof ApiError)) return 'errors.unknown';
  const byCode = BY_CODE[error.code];
  if (byCode) return byCode;
  const byStatus = BY_STATUS[error.status];
  if (byStatus) return byStatus;
  return error.status >= 500 ? 'errors.server' : 'errors.unknown';
}
