import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../api/error-message';
import { ApiError } from '../api/errors';
import './error-fallback.css';

export interface ErrorFallbackProps {
  error: Error;
  onRetry(): void;
}

/** What a crashed page shows: what happened, in words, and a way back. */
export function ErrorFallback({ error, onRetry }: ErrorFallbackProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="error-fallback" role="alert" data-testid="error-boundary">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('errors.boundaryTitle')}
      </h1>
      <p>{error instanceof ApiError ? t(errorMessageKey(error)) : t('errors.boundaryBody')}</p>
      <p className="error-detail" data-testid="error-detail">
        {t('errors.detail', { detail: error.message })}
      </p>
      <button type="button" className="button button-primary" onClick={onRetry} data-testid="error-retry">
        {t('errors.boundaryRetry')}
      </button>
    </section>
  );
}
