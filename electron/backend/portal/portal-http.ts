import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import axios, { type AxiosInstance, isAxiosError } from 'axios';

/** Where the portal is and how far to trust it. */
export interface PortalHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  /** PEM file: the only CA trusted for the portal (production pinning). */
  caFile?: string;
  /** SHA-256 of the server certificate's SPKI, base64 or hex. */
  pinSha256?: string;
}

/** Why a portal call failed, with a sentence for the admin screen and whether a retry makes sense. */
export class PortalCallError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'timeout' | 'http' | 'malformed' | 'unauthorized' | 'rejected',
    readonly status: number | null = null,
    readonly retryAfter: string | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'PortalCallError';
  }

  /** 5xx, 429, timeouts, network errors and malformed answers are worth retrying. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'malformed' || this.status === 429 || (this.status ?? 0) >= 500;
  }
}

/** The SPKI SHA-256 of a peer certificate (base64), as pinned by `portal.pinSha256`. */
export function spkiSha256(cert: PeerCertificate): string {
  const x509 = new X509Certificate(cert.raw);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function normalisePin(pin: string): string {
  return /^[0-9a-fA-F]{64}$/.test(pin) ? Buffer.from(pin, 'hex').toString('base64') : pin;
}

/** An https agent trusting only `caFile` and (optionally) only a certificate with the pinned SPKI. */
export function createPinnedAgent(options: Pick<PortalHttpOptions, 'caFile' | 'pinSha256'>): HttpsAgent | undefined {
  if (!options.caFile && !options.pinSha256) return undefined;
  const pin = options.pinSha256 ? normalisePin(options.pinSha256) : null;
  return new HttpsAgent({
    keepAlive: true,
    ca: options.caFile ? readFileSync(options.caFile) : undefined,
    checkServerIdentity: (host, cert) => {
      const error = checkServerIdentity(host, cert);
      if (error) return error;
      if (pin && spkiSha256(cert) !== pin) return new Error('the portal certificate does not match portal.pinSha256');
      return undefined;
    },
  });
}

/** The axios instance sync talks to the portal with: bodies parsed by us, every status returned. */
export function createPortalHttp(options: PortalHttpOptions): AxiosInstance {
  return axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    httpsAgent: createPinnedAgent(options),
  });
}

/** Turn a transport failure into a PortalCallError in words. */
export function transportError(error: unknown, timeoutMs: number): PortalCallError {
  if (!isAxiosError(error)) return new PortalCallError(`the portal request failed: ${String(error)}`, 'network');
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return new PortalCallError(`the portal did not answer within ${timeoutMs} ms`, 'timeout');
  if (error.code === 'ECONNREFUSED') return new PortalCallError('the portal refused the connection', 'network');
  if (error.code === 'ECONNRESET' || error.message.includes('socket hang up')) return new PortalCallError('the portal dropped the connection before answering', 'network');
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return new PortalCallError('the portal host name cannot be resolved', 'network');
  if (/certificate|pinSha256|self.signed/i.test(error.message)) return new PortalCallError(`the portal's certificate is not trusted: ${error.message}`, 'network');
  return new PortalCallError(`the portal cannot be reached (${error.code ?? error.message})`, 'network');
}
