import {
  PortalVerifyAnswerSchema,
  type AccessPolicy,
  type EidDocument,
  type PortalVerifyStatus,
  type Verdict,
} from '../../../../contract/eid';
import { evaluatePolicy, type PolicyDecision } from './policy';

/*
 * Portal answer / transport outcome -> verdict. The rule that matters: anything the kiosk
 * cannot positively confirm is `portal_unavailable`, never `valid`. A `valid` status is only
 * believed with HTTP 2xx, a body that passes the contract schema, and a complete document.
 *
 * HTTP handling:
 *  - 401 / 403 (or the transport's `unauthorised`)  -> kiosk_not_authorised
 *  - 2xx with a schema-valid body                    -> by `status`
 *  - other 4xx with a schema-valid, non-valid body   -> by `status` (a portal may send 404 not_found)
 *  - everything else (1xx, 3xx, 5xx, odd codes, bad body, timeout, network error) -> portal_unavailable
 */

export type PortalOutcome =
  | { kind: 'answer'; httpStatus: number; body: unknown }
  | { kind: 'timeout' }
  | { kind: 'network_error' }
  | { kind: 'malformed' }
  | { kind: 'unauthorised' };

/** Why the mapper chose its verdict; for logs and diagnostics (no personal data). */
export type MapCause =
  | 'portal_status'
  | 'unauthorised'
  | 'timeout'
  | 'network_error'
  | 'malformed'
  | 'http_status'
  | 'bad_body'
  | 'valid_without_document'
  | 'document_expired';

export interface MappedOutcome {
  verdict: Verdict;
  cause: MapCause;
  /** The portal's `checkedAt` when its answer was accepted, else null. */
  checkedAt: string | null;
  /** Only with a `valid` verdict: other verdicts drop the document (data minimisation). */
  document: EidDocument | null;
}

const STATUS_VERDICT: Readonly<Record<PortalVerifyStatus, Verdict>> = {
  valid: 'valid',
  expired: 'expired_code',
  already_used: 'already_used',
  not_found: 'unknown_code',
  document_invalid: 'document_invalid',
};

const unavailable = (cause: MapCause): MappedOutcome => ({ verdict: 'portal_unavailable', cause, checkedAt: null, document: null });

/** Maps a portal answer or transport failure to a verdict (before the building policy); never throws. */
export function mapPortalOutcome(outcome: PortalOutcome): MappedOutcome {
  switch (outcome?.kind) {
    case 'answer':
      return mapAnswer(outcome.httpStatus, outcome.body);
    case 'unauthorised':
      return { verdict: 'kiosk_not_authorised', cause: 'unauthorised', checkedAt: null, document: null };
    case 'timeout':
    case 'network_error':
    case 'malformed':
      return unavailable(outcome.kind);
    default:
      return unavailable('malformed');
  }
}

function mapAnswer(httpStatus: unknown, body: unknown): MappedOutcome {
  if (typeof httpStatus !== 'number' || !Number.isInteger(httpStatus)) return unavailable('http_status');
  if (httpStatus === 401 || httpStatus === 403) {
    return { verdict: 'kiosk_not_authorised', cause: 'unauthorised', checkedAt: null, document: null };
  }
  const is2xx = httpStatus >= 200 && httpStatus <= 299;
  const is4xx = httpStatus >= 400 && httpStatus <= 499;
  if (!is2xx && !is4xx) return unavailable('http_status');
  const parsed = safeParseAnswer(body);
  if (parsed === null) return unavailable(is2xx ? 'bad_body' : 'http_status');
  if (parsed.status === 'valid') {
    if (!is2xx) return unavailable('http_status');
    return mapValid(parsed.checkedAt, parsed.document);
  }
  return { verdict: STATUS_VERDICT[parsed.status], cause: 'portal_status', checkedAt: parsed.checkedAt, document: null };
}

function safeParseAnswer(body: unknown) {
  try {
    const result = PortalVerifyAnswerSchema.safeParse(body);
    return result.success ? result.data : null;
  } catch {
    // A hostile body (throwing getters, proxies) is just a bad body.
    return null;
  }
}

/** A valid code whose document already expired by the portal's own clock is `document_invalid`. */
function mapValid(checkedAt: string, document: EidDocument | undefined): MappedOutcome {
  if (document === undefined) return unavailable('valid_without_document');
  // The date part as the portal wrote it (its own local day); ISO dates compare as strings.
  const portalDay = checkedAt.slice(0, 10);
  if (document.expiresOn !== undefined && document.expiresOn < portalDay) {
    return { verdict: 'document_invalid', cause: 'document_expired', checkedAt, document: null };
  }
  return { verdict: 'valid', cause: 'portal_status', checkedAt, document };
}

export interface Decision extends MappedOutcome {
  /** The policy decision, present when the portal said valid. */
  policy: PolicyDecision | null;
}

/** Maps the outcome, then applies the building policy to a valid document (`denied_by_policy` keeps the document). */
export function decideVerdict(outcome: PortalOutcome, policy: AccessPolicy): Decision {
  const mapped = mapPortalOutcome(outcome);
  if (mapped.verdict !== 'valid' || mapped.document === null) return { ...mapped, policy: null };
  const decision = evaluatePolicy(policy, mapped.document);
  return { ...mapped, verdict: decision.allowed ? 'valid' : 'denied_by_policy', policy: decision };
}
