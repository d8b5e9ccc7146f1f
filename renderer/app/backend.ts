import { createApiClient, type ApiClient } from '../api/client';
import { useSession } from '../stores/session';

/** The backend's base URL: the preload's in Electron, the page's own origin in browser mode. */
export function resolveBackendUrl(win: { varta?: { backendUrl?: unknown }; location: { origin: string } }): string {
  const bridged = win.varta?.backendUrl;
  const url = typeof bridged === 'string' && bridged.length > 0 ? bridged : win.location.origin;
  return url.replace(/\/+$/, '');
}

/** How every API client of the app reaches the backend: its URL, and the session's token read at each call. */
export interface AppConnection {
  baseUrl: string;
  getToken: () => string | null;
}

/** One client per area, built on first use over the app's connection; tests replace it with `set`. */
export function appSingleton<T>(create: (connection: AppConnection) => T): { get(): T; set(next: T | null): void } {
  let instance: T | null = null;
  return {
    get: () => (instance ??= create({ baseUrl: resolveBackendUrl(window), getToken: () => useSession.getState().token })),
    set: (next) => {
      instance = next;
    },
  };
}

const client = appSingleton(createApiClient);

/** The app's one API client; it reads the current token from the session store at each call. */
export const getApiClient = (): ApiClient => client.get();

/** Replace the API client (tests inject one that answers without a network). */
export const setApiClient = (next: ApiClient | null): void => client.set(next);
