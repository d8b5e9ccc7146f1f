import { createApiClient, type ApiClient } from '../api/client';
import { useSession } from '../stores/session';

/** The backend's base URL: the preload's in Electron, the page's own origin in browser mode. */
export function resolveBackendUrl(win: { varta?: { backendUrl?: unknown }; location: { origin: string } }): string {
  const bridged = win.varta?.backendUrl;
  const url = typeof bridged === 'string' && bridged.length > 0 ? bridged : win.location.origin;
  return url.replace(/\/+$/, '');
}

let client: ApiClient | null = null;

/** The app's one API client; it reads the current token from the session store at each call. */
export function getApiClient(): ApiClient {
  client ??= createApiClient({
    baseUrl: resolveBackendUrl(window),
    getToken: () => useSession.getState().token,
  });
  return client;
}

/** Replace the API client (tests inject one that answers without a network). */
export function setApiClient(next: ApiClient | null): void {
  client = next;
}
