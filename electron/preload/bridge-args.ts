// Pure parsing of what main hands the preload through `webPreferences.additionalArguments`.
// Kept free of Electron so it is unit-tested under plain Node; it is bundled into the preload.

export interface BridgeArgs {
  backendUrl: string;
  token: string;
}

const BACKEND_FLAG = '--varta-backend=';
const TOKEN_FLAG = '--varta-token=';
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The value of the last `--name=value` argument, or undefined. */
function lastValue(argv: readonly string[], prefix: string): string | undefined {
  const hit = argv.filter((a) => a.startsWith(prefix)).at(-1);
  return hit === undefined ? undefined : hit.slice(prefix.length);
}

/** Backend URL and session token from the renderer's argv; null if absent or malformed
 * (then the page runs as in browser mode: no `window.varta`). */
export function parseBridgeArgs(argv: readonly string[]): BridgeArgs | null {
  const rawUrl = lastValue(argv, BACKEND_FLAG);
  const token = lastValue(argv, TOKEN_FLAG);
  if (rawUrl === undefined || token === undefined) return null;
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(token)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  const httpLoopback = (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.test(url.hostname);
  if (!httpLoopback || url.username !== '' || url.password !== '') return null;
  return { backendUrl: url.origin, token };
}

/** The token is handed only to pages of the backend itself, never to a status page or elsewhere. */
export function shouldExposeBridge(args: BridgeArgs | null, pageOrigin: string | undefined): args is BridgeArgs {
  return args !== null && pageOrigin === args.backendUrl;
}
