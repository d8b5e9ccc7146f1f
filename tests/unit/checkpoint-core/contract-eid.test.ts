import { describe, expect, it } from 'vitest';
import {
  CheckpointVerifyRequestSchema,
  CheckpointVerifyResponseSchema,
  EidDocumentSchema,
  ParsedCodeSchema,
  PortalVerifyRequestSchema,
  VERDICTS,
  verdictClassOf,
} from '../../../contract/eid';
import { parseEidCode } from '../../../electron/backend/verification/core/parse-code';
import { PHOTO, VALID_EAN, VALID_QR, qr, sampleDocument } from './fixtures';

describe('contract/eid', () => {
  it('classes every verdict for colour and sound', () => {
    const classes = Object.fromEntries(VERDICTS.map((v) => [v, verdictClassOf(v)]));
    expect(classes).toEqual({
      valid: 'ok',
      denied_by_policy: 'stop',
      already_used: 'stop',
      expired_code: 'stop',
      unknown_code: 'stop',
      typo: 'stop',
      document_invalid: 'stop',
      not_an_eid: 'stop',
      portal_unavailable: 'retry',
      kiosk_not_authorised: 'retry',
    });
  });

  it('the parser output always satisfies ParsedCodeSchema', () => {
    for (const input of [VALID_QR, VALID_EAN, '1 234567 890128', qr({ id: 'a'.repeat(64) })]) {
      const parsed = parseEidCode(input);
      expect(ParsedCodeSchema.safeParse(parsed).success).toBe(true);
    }
    // A configured type that the schema would refuse is refused by the parser too.
    expect(parseEidCode(qr({ type: 'E_POS' }), { documentTypes: ['E_POS'] })).toEqual({ kind: 'not_an_eid', reason: 'document_type' });
  });

  it('takes a 10 kB input so the backend can answer not_an_eid rather than a 400', () => {
    expect(CheckpointVerifyRequestSchema.safeParse({ input: 'x'.repeat(10_240), source: 'camera' }).success).toBe(true);
    expect(CheckpointVerifyRequestSchema.safeParse({ input: VALID_EAN, source: 'bluetooth' }).success).toBe(false);
    expect(CheckpointVerifyRequestSchema.safeParse({ input: VALID_EAN, source: 'keypad', extra: 1 }).success).toBe(false);
  });

  it('sends the document with valid / denied_by_policy and only then', () => {
    const base = { checkId: 'c1', checkedAt: '2025-03-01T10:00:00+02:00' };
    expect(CheckpointVerifyResponseSchema.safeParse({ ...base, verdict: 'valid', document: sampleDocument() }).success).toBe(true);
    expect(CheckpointVerifyResponseSchema.safeParse({ ...base, verdict: 'valid' }).success).toBe(false);
    expect(CheckpointVerifyResponseSchema.safeParse({ ...base, verdict: 'expired_code', document: sampleDocument() }).success).toBe(false);
    expect(
      CheckpointVerifyResponseSchema.safeParse({ ...base, verdict: 'already_used', usedBefore: { at: base.checkedAt, checkpoint: 'Entrance A' } }).success,
    ).toBe(true);
  });

  it('accepts only raster photos as data URLs', () => {
    expect(EidDocumentSchema.safeParse(sampleDocument({ photo: PHOTO })).success).toBe(true);
    for (const photo of ['data:image/svg+xml;base64,PHN2Zz4=', 'https://example.com/a.png', 'data:image/png;base64,<script>', 'javascript:alert(1)']) {
      expect(EidDocumentSchema.safeParse(sampleDocument({ photo })).success).toBe(false);
    }
  });

  it('portal requests carry exactly one of qrCode / barcode', () => {
    expect(PortalVerifyRequestSchema.safeParse({ qrCode: VALID_QR }).success).toBe(true);
    expect(PortalVerifyRequestSchema.safeParse({ barcode: VALID_EAN }).success).toBe(true);
    expect(PortalVerifyRequestSchema.safeParse({ barcode: '12345' }).success).toBe(false);
    expect(PortalVerifyRequestSchema.safeParse({ qrCode: VALID_QR, barcode: VALID_EAN }).success).toBe(false);
  });
});
