import { createEventStream, type EventStream } from '../api/event-stream';
import { ApiError } from '../api/errors';
import { DEFAULT_BACKOFF, backoffDelay, toEventsUrl } from '../api/stream-logic';
import { useConnection } from '../stores/connection';
import { useNotices } from '../stores/notices';
import { useSession } from '../stores/session';
import { getApiClient, resolveBackendUrl } from './backend';
import { dispatchBackendEvent } from './event-handlers';

/**
 * One connection attempt cycle for one token: learn who we are and the current status,
 * then follow the event stream from the status's last seq (so we do not replay history).
 */
function connectWithToken(token: string): () => void {
  const connection = useConnection.getState();
  let stream: EventStream | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;

  const refused = (): void => {
    connection.setStream('unauthorised');
    // A stored pairing token that the hub no longer knows is useless: show the not-paired notice.
    if (useSession.getState().source === 'pairing') useSession.getState().clear();
  };

  const bootstrap = async (attempt: number): Promise<void> => {
    connection.setStream('connecting');
    try {
      const api = getApiClient();
      const [session, status] = await Promise.all([api.getSession(), api.getStatus()]);
      if (cancelled) return;
      useSession.getState().setScope(session);
      connection.setStatus(status);
      connection.setLastSeq(status.lastSeq);
      stream = openStream(token, status.lastSeq, refused);
    } catch (error) {
      if (cancelled) return;
      if (error instanceof ApiError && error.status === 401) return refused();
      connection.setStream('closed');
      retryTimer = setTimeout(() => void bootstrap(attempt + 1), backoffDelay(attempt, DEFAULT_BACKOFF, Math.random));
    }
  };

  void bootstrap(0);
  const onOnline = (): void => stream?.reconnectNow();
  window.addEventListener('online', onOnline);
  return () => {
    cancelled = true;
    if (retryTimer) clearTimeout(retryTimer);
    window.removeEventListener('online', onOnline);
    stream?.close();
  };
}

function openStream(token: string, since: number, refused: () => void): EventStream {
  const connection = useConnection.getState();
  return createEventStream({
    url: toEventsUrl(resolveBackendUrl(window)),
    token,
    since,
    onEvent: (event) => {
      connection.setLastSeq(event.seq);
      dispatchBackendEvent(event);
    },
    onState: (state) => (state === 'unauthorised' ? refused() : connection.setStream(state)),
    onReady: (lastSeq, reset) => {
      connection.setLastSeq(lastSeq);
      if (reset) useNotices.getState().push('eventsReset');
      // Catch up on what events do not carry (a restarted backend's version, start time).
      getApiClient()
        .getStatus()
        .then((status) => connection.setStatus(status))
        .catch((error: unknown) => console.warn('[varta] status refresh failed', error));
    },
  });
}

/** Wire the backend once at app start: (re)connect whenever the session token changes. */
export function startBackendWiring(): () => void {
  let current: string | null = null;
  let stop: (() => void) | null = null;
  const apply = (token: string | null): void => {
    if (token === current) return;
    current = token;
    stop?.();
    stop = null;
    useConnection.getState().reset();
    if (token) stop = connectWithToken(token);
  };
  apply(useSession.getState().token);
  const unsubscribe = useSession.subscribe((state) => apply(state.token));
  return () => {
    unsubscribe();
    stop?.();
  };
}
