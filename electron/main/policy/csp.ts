import { httpOriginOf } from './origins';

// The one Content-Security-Policy of every Varta page. The backend sends it on its HTTP
// responses; the Electron shell adds it again through session.webRequest (defence in depth).

export interface CspOptions {
  /** Origin of the backend serving the page (e.g. `http://127.0.0.1:8470`); 'self' covers it. */
  backendOrigin?: string | undefined;
  /** Origin of the center's hub when the page talks to it as a LAN client. */
  hubOrigin?: string | undefined;
}

/** `ws://host:port` (or wss) of an http(s) origin, so the events socket is allowed by name. */
function socketOriginOf(origin: string): string | null {
  const http = httpOriginOf(origin);
  if (http === null) return null;
  return http.replace(/^http/, 'ws');
}

/** The CSP header value. Without origins, WebSockets are allowed to any host (`ws: wss:`). */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const named = [options.backendOrigin, options.hubOrigin].filter((o): o is string => o !== undefined);
  const sockets = named.map(socketOriginOf).filter((o): o is string => o !== null);
  const hubHttp = options.hubOrigin === undefined ? null : httpOriginOf(options.hubOrigin);
  const connect = sockets.length > 0 ? ["'self'", ...(hubHttp === null ? [] : [hubHttp]), ...sockets] : ["'self'", 'ws:', 'wss:'];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['connect-src', connect],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:', 'data:']],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/** The CSP for pages the shell renders itself (wait, error, print): no script at all. */
export const STATIC_PAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Adds the CSP to a response's headers, keeping any the server sent: both are enforced. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...(headers ?? {}) };
  const key = Object.keys(result).find((k) => k.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy';
  const existing = result[key] ?? [];
  result[key] = existing.includes(policy) ? existing : [...existing, policy];
  return result;
}
