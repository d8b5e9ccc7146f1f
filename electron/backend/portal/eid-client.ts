import type { AxiosInstance } from 'axios';
import { PORTAL_VERIFY_PATH, type PortalVerifyRequest } from '../../../contract/eid';
import type { PortalOutcome } from '../verification/core/map-verdict';
import { PortalAuthRefusedError, PortalAuthUnavailableError, type PortalSession } from './portal-session';

/*
 * The portal's e-ID "service entrance" verification, over the portal client's axios instance
 * (its timeout, text bodies, no redirects). It never throws: every failure becomes a
 * PortalOutcome the pure mapper turns into a verdict. A 401 makes it refresh the session token
 * once and retry, so a token the portal dropped early costs one round trip, not a verdict.
 */

/** One verification's outcome with what clock-skew measurement and timing need. */
export interface EidVerifyResult {
  outcome: PortalOutcome;
  /** The portal's `Date` header of the (last) answer, if any. */
  dateHeader: string | undefined;
  /** Local epoch ms before sending / when the answer arrived (last attempt). */
  sentAtMs: number;
  receivedAtMs: number;
  /** Time spent waiting for the portal, all attempts and token calls included (ms, monotonic). */
  portalMs: number;
}

interface Attempt {
  outcome: PortalOutcome;
  dateHeader: string | undefined;
  sentAtMs: number;
  receivedAtMs: number;
}

/** Verifies codes with the portal. */
export class EidPortalClient {
  constructor(
    private readonly http: AxiosInstance,
    private readonly session: PortalSession,
    private readonly nowMs: () => number,
  ) {}

  /** Sends one verification (refreshing the token on a 401, once); never throws. */
  async verify(request: PortalVerifyRequest): Promise<EidVerifyResult> {
    const started = performance.now();
    let attempt = await this.attempt(request);
    if (attempt.outcome.kind === 'answer' && attempt.outcome.httpStatus === 401 && attempt.token !== null) {
      this.session.invalidate(attempt.token);
      attempt = await this.attempt(request);
    }
    return { ...attempt.result, portalMs: performance.now() - started };
  }

  private async attempt(request: PortalVerifyRequest): Promise<{ outcome: PortalOutcome; token: string | null; result: Attempt }> {
    const sentAtMs = this.nowMs();
    let token: string;
    try {
      token = await this.session.token();
    } catch (error) {
      const outcome = authFailureOutcome(error);
      return { outcome, token: null, result: { outcome, dateHeader: undefined, sentAtMs, receivedAtMs: this.nowMs() } };
    }
    const result = await this.post(request, token);
    return { outcome: result.outcome, token, result };
  }

  private async post(request: PortalVerifyRequest, token: string): Promise<Attempt> {
    const sentAtMs = this.nowMs();
    let response;
    try {
      response = await this.http.post<string>(PORTAL_VERIFY_PATH, request, { headers: { authorization: `Bearer ${token}` } });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const outcome: PortalOutcome = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? { kind: 'timeout' } : { kind: 'network_error' };
      return { outcome, dateHeader: undefined, sentAtMs, receivedAtMs: this.nowMs() };
    }
    const receivedAtMs = this.nowMs();
    const date = response.headers.date as unknown;
    const dateHeader = typeof date === 'string' ? date : undefined;
    let body: unknown;
    try {
      body = JSON.parse(response.data);
    } catch {
      // A 5xx with an HTML page is still "the portal answered HTTP 5xx", not a parse failure.
      const outcome: PortalOutcome = response.status >= 200 && response.status < 300 ? { kind: 'malformed' } : { kind: 'answer', httpStatus: response.status, body: null };
      return { outcome, dateHeader, sentAtMs, receivedAtMs };
    }
    return { outcome: { kind: 'answer', httpStatus: response.status, body }, dateHeader, sentAtMs, receivedAtMs };
  }
}

function authFailureOutcome(error: unknown): PortalOutcome {
  if (error instanceof PortalAuthRefusedError) return { kind: 'unauthorised' };
  if (error instanceof PortalAuthUnavailableError) return error.timeout ? { kind: 'timeout' } : { kind: 'network_error' };
  return { kind: 'network_error' };
}
