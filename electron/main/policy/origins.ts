// URL helpers shared by the shell's policies. Pure: no Electron, no I/O.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** Parses a URL, or returns null instead of throwing on garbage. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts a local backend listens on. */
export function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_HOSTS.has(hostname.toLowerCase())) return true;
  const parts = hostname.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** The origin (`http://host:port`) of an http(s) URL without credentials, else null. */
export function httpOriginOf(raw: string): string | null {
  const url = parseUrl(raw);
  if (url === null) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Credentials in a URL are a classic origin-confusion trick; a Varta URL never carries them.
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/** The backend origin if `raw` is an http(s) URL on a loopback host, else null. */
export function loopbackOriginOf(raw: string): string | null {
  const origin = httpOriginOf(raw);
  if (origin === null) return null;
  return isLoopbackHost(new URL(origin).hostname) ? origin : null;
}

/** The origin the shell loads pages from, given the URL the backend reported when ready.
 * A backend listening on every interface (0.0.0.0 / ::) is reached over loopback. Null if
 * the URL is not http(s) on loopback or every interface. */
export function localBackendOrigin(readyUrl: string): string | null {
  const url = parseUrl(readyUrl);
  if (url === null) return null;
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return loopbackOriginOf(url.href);
}
