import { describe, expect, it } from 'vitest';
import { AccessPolicySchema } from '../../../contract/eid';
import { decideVerdict, mapPortalOutcome, type PortalOutcome } from '../../../electron/backend/verification/core/map-verdict';
import { sampleDocument } from './fixtures';

const checkedAt = '2025-03-01T10:00:00+02:00';
const answer = (httpStatus: number, body: unknown): PortalOutcome => ({ kind: 'answer', httpStatus, body });
const validBody = { status: 'valid', checkedAt, document: sampleDocument() };

describe('mapPortalOutcome', () => {
  it('maps a valid answer with a complete document to valid, keeping the document', () => {
    expect(mapPortalOutcome(answer(200, validBody))).toEqual({ verdict: 'valid', cause: 'portal_status', checkedAt, document: sampleDocument() });
  });

  it.each([
    ['expired', 'expired_code'],
    ['already_used', 'already_used'],
    ['not_found', 'unknown_code'],
    ['document_invalid', 'document_invalid'],
  ])('maps status %s to %s and drops any document', (status, verdict) => {
    const mapped = mapPortalOutcome(answer(200, { status, checkedAt, document: sampleDocument() }));
    expect(mapped).toEqual({ verdict, cause: 'portal_status', checkedAt, document: null });
  });

  it('believes non-valid statuses sent with a 4xx code (e.g. 404 not_found)', () => {
    expect(mapPortalOutcome(answer(404, { status: 'not_found', checkedAt })).verdict).toBe('unknown_code');
    expect(mapPortalOutcome(answer(410, { status: 'expired', checkedAt })).verdict).toBe('expired_code');
  });

  it.each([401, 403])('maps HTTP %i to kiosk_not_authorised, whatever the body', (code) => {
    expect(mapPortalOutcome(answer(code, validBody)).verdict).toBe('kiosk_not_authorised');
  });

  it('maps the transport outcomes', () => {
    expect(mapPortalOutcome({ kind: 'unauthorised' }).verdict).toBe('kiosk_not_authorised');
    expect(mapPortalOutcome({ kind: 'timeout' })).toEqual({ verdict: 'portal_unavailable', cause: 'timeout', checkedAt: null, document: null });
    expect(mapPortalOutcome({ kind: 'network_error' })).toMatchObject({ verdict: 'portal_unavailable', cause: 'network_error' });
    expect(mapPortalOutcome({ kind: 'malformed' })).toMatchObject({ verdict: 'portal_unavailable', cause: 'malformed' });
  });

  // Every way an answer can fail to prove validity; none of them may come out valid.
  const unavailable: [string, PortalOutcome][] = [
    ['500 with a valid body', answer(500, validBody)],
    ['502', answer(502, null)],
    ['503 problem+json', answer(503, { type: 'about:blank', title: 'down', status: 503 })],
    ['valid with a 404', answer(404, validBody)],
    ['valid with 302', answer(302, validBody)],
    ['valid with 100', answer(100, validBody)],
    ['status 600', answer(600, validBody)],
    ['status 0', answer(0, validBody)],
    ['status NaN', answer(Number.NaN, validBody)],
    ['status 200.5', answer(200.5, validBody)],
    ['valid without a document', answer(200, { status: 'valid', checkedAt })],
    ['valid with a null document', answer(200, { ...validBody, document: null })],
    ['valid with a document missing its photo', answer(200, { ...validBody, document: { ...sampleDocument(), photo: undefined } })],
    ['valid with an SVG photo', answer(200, { ...validBody, document: sampleDocument({ photo: 'data:image/svg+xml;base64,PHN2Zz4=' }) })],
    ['valid with an empty full name', answer(200, { ...validBody, document: sampleDocument({ fullName: '  ' }) })],
    ['valid with a bad date', answer(200, { ...validBody, document: sampleDocument({ issuedOn: '10.05.2023' }) })],
    ['valid without checkedAt', answer(200, { status: 'valid', document: sampleDocument() })],
    ['unknown status', answer(200, { status: 'VALID', checkedAt, document: sampleDocument() })],
    ['status ok', answer(200, { status: 'ok', checkedAt })],
    ['a string body', answer(200, 'valid')],
    ['an HTML body', answer(200, '<html>maintenance</html>')],
    ['an array body', answer(200, [validBody])],
    ['an empty body', answer(200, undefined)],
    ['an unknown outcome kind', { kind: 'mystery' } as unknown as PortalOutcome],
    ['no outcome at all', undefined as unknown as PortalOutcome],
  ];
  it.each(unavailable)('%s -> portal_unavailable', (_name, outcome) => {
    const mapped = mapPortalOutcome(outcome);
    expect(mapped.verdict).toBe('portal_unavailable');
    expect(mapped.document).toBeNull();
  });

  it('does not throw on a body with a throwing getter', () => {
    const hostile = { get status(): string { throw new Error('boom'); } };
    expect(mapPortalOutcome(answer(200, hostile)).verdict).toBe('portal_unavailable');
  });

  it('turns valid into document_invalid when the document expired before the portal day', () => {
    const expired = answer(200, { ...validBody, document: sampleDocument({ expiresOn: '2025-02-28' }) });
    expect(mapPortalOutcome(expired)).toMatchObject({ verdict: 'document_invalid', cause: 'document_expired', document: null });
    const lastDay = answer(200, { ...validBody, document: sampleDocument({ expiresOn: '2025-03-01' }) });
    expect(mapPortalOutcome(lastDay).verdict).toBe('valid');
    const noExpiry = answer(200, { ...validBody, document: sampleDocument({ expiresOn: undefined }) });
    expect(mapPortalOutcome(noExpiry).verdict).toBe('valid');
  });
});

describe('decideVerdict', () => {
  const denyAll = AccessPolicySchema.parse({ defaultAction: 'deny' });
  const allowAll = AccessPolicySchema.parse({});

  it('applies the policy to a valid answer', () => {
    expect(decideVerdict(answer(200, validBody), allowAll)).toMatchObject({ verdict: 'valid', policy: { allowed: true } });
    const denied = decideVerdict(answer(200, validBody), denyAll);
    expect(denied).toMatchObject({ verdict: 'denied_by_policy', policy: { allowed: false, reason: 'default_deny' } });
    expect(denied.document).not.toBeNull();
  });

  it('never lets a policy turn a failure into valid', () => {
    expect(decideVerdict({ kind: 'timeout' }, allowAll)).toMatchObject({ verdict: 'portal_unavailable', policy: null });
    expect(decideVerdict(answer(200, { status: 'expired', checkedAt }), allowAll)).toMatchObject({ verdict: 'expired_code', policy: null });
  });
});
