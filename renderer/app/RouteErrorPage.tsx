import { useRouteError } from 'react-router';
import { ErrorFallback } from './ErrorFallback';

/** The router's own error element (an error outside any page boundary): same message, retry reloads. */
export function RouteErrorPage() {
  const error = useRouteError();
  console.error('[varta] route error', error);
  const asError = error instanceof Error ? error : new Error(String(error));
  return <ErrorFallback error={asError} onRetry={() => window.location.reload()} />;
}
