import type { TFunction } from 'i18next';
import { errorMessageKey } from '../../api/error-message';
import { ApiError } from '../../api/errors';
import { queueErrorCode } from '../../api/queue';

/** One user message for a failed queue call: the queue's own wording for its refusals, else the common one. */
export function queueErrorText(t: TFunction, error: unknown): string {
  const code = queueErrorCode(error);
  if (code) return t(`queue.error.${code}`);
  const base = t(errorMessageKey(error));
  return error instanceof ApiError && error.detail ? `${base} (${error.detail})` : base;
}
