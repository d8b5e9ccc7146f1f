import type { AxiosInstance } from 'axios';
import { needsRefresh, type HeldToken } from '../verification/token-schedule';
import {
  DeviceEnrollAnswerSchema,
  DeviceTokenAnswerSchema,
  type DeviceEnrollRequest,
} from './device-auth-schemas';

/*
 * The kiosk's session with the portal: device credentials -> a 2-hour token, refreshed at 80 %
 * of its life (token-schedule.ts) or when the portal answers 401. Concurrent callers share one
 * refresh. Failures are typed so the verifier can tell "the portal refused us"
 * (kiosk_not_authorised) from "the portal cannot be reached" (portal_unavailable).
 */

/** Device credentials for `POST /api/v1/auth/token`. */
export interface DeviceCredentials {
  deviceId: string;
  secret: string;
}

/** Where credentials come from: training auto-enrollment now, the OS keychain with issue 5. */
export interface CredentialsSource {
  /** The credentials, or null when this kiosk is not enrolled. */
  get(): Promise<DeviceCredentials | null>;
}

/** The portal refused the device (not enrolled, revoked, wrong secret). */
export class PortalAuthRefusedError extends Error {}
/** The auth call could not be completed (network, timeout, 5xx, bad body). */
export class PortalAuthUnavailableError extends Error {
  constructor(
    message: string,
    readonly timeout: boolean,
  ) {
    super(message);
  }
}

/** POSTs JSON and returns status + parsed body; throws PortalAuthUnavailableError on transport or JSON failure. */
async function postJson(http: AxiosInstance, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  let response;
  try {
    response = await http.post<string>(path, body);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new PortalAuthUnavailableError(`auth request failed (${code ?? 'error'})`, code === 'ECONNABORTED' || code === 'ETIMEDOUT');
  }
  if (response.status >= 500 || response.status < 200) throw new PortalAuthUnavailableError(`auth HTTP ${response.status}`, false);
  try {
    return { status: response.status, body: JSON.parse(response.data) };
  } catch {
    throw new PortalAuthUnavailableError('auth answer is not JSON', false);
  }
}

/** Enrolls once with a fixed code (training mode: `TRAINING`) and keeps the credentials in memory. */
export function enrollOnceCredentials(http: AxiosInstance, request: DeviceEnrollRequest): CredentialsSource {
  let pending: Promise<DeviceCredentials> | null = null;
  return {
    get() {
      pending ??= (async () => {
        const answer = await postJson(http, '/api/v1/auth/device', request);
        if (answer.status === 401 || answer.status === 403) throw new PortalAuthRefusedError('enrollment refused');
        const parsed = DeviceEnrollAnswerSchema.safeParse(answer.body);
        if (answer.status >= 300 || !parsed.success) throw new PortalAuthUnavailableError('unexpected enrollment answer', false);
        return { deviceId: parsed.data.deviceId, secret: parsed.data.secret };
      })().catch((error: unknown) => {
        pending = null; // try again on the next check
        throw error;
      });
      return pending;
    },
  };
}

/** Holds the portal session token and refreshes it in time. */
export class PortalSession {
  private held: HeldToken | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly http: AxiosInstance,
    private readonly credentials: CredentialsSource,
    private readonly nowMs: () => number,
  ) {}

  /** A token good for now: the held one, or a fresh one when due (80 % of its life) or missing. */
  async token(): Promise<string> {
    if (this.held !== null && !needsRefresh(this.held, this.nowMs())) return this.held.token;
    return this.refresh();
  }

  /** Drops `token` (the portal answered 401 to it); the next token() fetches a new one. */
  invalidate(token: string): void {
    if (this.held?.token === token) this.held = null;
  }

  /** The held token's state, for diagnostics (never the token itself). */
  describe(): { hasToken: boolean; obtainedAtMs: number | null; expiresInS: number | null } {
    return { hasToken: this.held !== null, obtainedAtMs: this.held?.obtainedAtMs ?? null, expiresInS: this.held?.expiresInS ?? null };
  }

  private refresh(): Promise<string> {
    this.refreshing ??= this.fetchToken().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async fetchToken(): Promise<string> {
    const creds = await this.credentials.get();
    if (creds === null) throw new PortalAuthRefusedError('this kiosk is not enrolled with the portal');
    const obtainedAtMs = this.nowMs();
    const answer = await postJson(this.http, '/api/v1/auth/token', creds);
    if (answer.status === 401 || answer.status === 403) throw new PortalAuthRefusedError('the portal refused the device');
    const parsed = DeviceTokenAnswerSchema.safeParse(answer.body);
    if (answer.status >= 300 || !parsed.success) throw new PortalAuthUnavailableError('unexpected token answer', false);
    this.held = { token: parsed.data.token, obtainedAtMs, expiresInS: parsed.data.expiresIn };
    return parsed.data.token;
  }
}
