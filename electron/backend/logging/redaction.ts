// What never reaches a log line: tokens, pairing codes, secrets, and the personal data of
// e-ID holders. Paths follow pino's redact syntax; `*.x` covers one level of nesting, so the
// usual shapes (`body.code`, `data.document.fullName`) are listed explicitly too.

const SECRET_KEYS = [
  'token',
  'authorization',
  'code',
  'secret',
  'password',
  'pin',
  'enrollmentCode',
  'qrCode',
  'qr',
  'barcode',
  'otp',
  'sessionToken',
  'cookie',
];

const PERSONAL_KEYS = ['fullName', 'photo', 'contacts', 'phone', 'email', 'seriesNumber'];

/** Redaction paths for pino, applied at the sink (the root logger). */
export const REDACT_PATHS: readonly string[] = [
  ...[...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

/** Hide the values of secret query parameters (the pairing link carries `?code=`). */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:code|token|secret)=)[^&#]*/gi, '$1[redacted]');
}
