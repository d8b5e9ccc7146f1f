import { useNotices } from '../stores/notices';

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

/**
 * Report errors that escape every handler (a rejected promise nobody awaited, an exception in an
 * event handler) as a non-blocking notice, so the kiosk keeps working and someone can see it.
 */
export function installGlobalErrorHandlers(target: Window = window): () => void {
  const onRejection = (event: PromiseRejectionEvent): void => {
    console.error('[varta] unhandled promise rejection', event.reason);
    useNotices.getState().push('unhandledError', describe(event.reason));
  };
  const onError = (event: ErrorEvent): void => {
    console.error('[varta] uncaught error', event.error ?? event.message);
    useNotices.getState().push('unhandledError', describe(event.error ?? event.message));
  };
  target.addEventListener('unhandledrejection', onRejection);
  target.addEventListener('error', onError);
  return () => {
    target.removeEventListener('unhandledrejection', onRejection);
    target.removeEventListener('error', onError);
  };
}
