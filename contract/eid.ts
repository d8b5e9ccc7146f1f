import { z } from 'zod';

/*
 * The checkpoint's contract: e-ID codes, verdicts, the e-ID document, the portal's
 * "service entrance" verification, the Hub API the checkpoint screen calls, the building
 * access policy and the audit row. Pure zod; no Node, Electron or DOM.
 */

/** Longest text the code parser looks at; anything longer is `not_an_eid` before any regex runs. */
export const MAX_CODE_INPUT_CHARS = 2048;

/** Longest `input` the Hub API accepts in a body, so a 10 kB payload still gets its verdict (`not_an_eid`). */
export const MAX_VERIFY_INPUT_CHARS = 32_768;

/** Document types the simulator issues; the real list comes from configuration. */
export const DEFAULT_DOCUMENT_TYPES: readonly string[] = ['e-posvidchennia'];

/** Hosts a Diia QR URL may name; which portal verifies it is configuration, not the QR's host. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['diia.app'];

// ---------------------------------------------------------------------------
// Codes

/** A document id inside a QR URL: a safe token, 1-64 of [A-Za-z0-9_-]. */
export const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A document type slug, e.g. `e-posvidchennia`. */
export const DocumentTypeSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);

/** A lowercase UUID v4: version nibble 4, variant 8-b. */
export const OtpSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

/** Thirteen digits (EAN-13, check digit not checked by the schema). */
export const BarcodeDigitsSchema = z.string().regex(/^\d{13}$/);

/** A code the parser accepted: a Diia QR URL or a 13-digit EAN-13 code. */
export const ParsedCodeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('qr'),
    documentType: DocumentTypeSchema,
    documentId: DocumentIdSchema,
    otp: OtpSchema,
    raw: z.string().min(1).max(MAX_CODE_INPUT_CHARS),
  }),
  z.object({ kind: z.literal('barcode'), digits: BarcodeDigitsSchema }),
]);
export type ParsedCode = z.infer<typeof ParsedCodeSchema>;

/** Why a text is not an e-ID code (for diagnostics; never shown as the raw text). */
export const NotAnEidReasonSchema = z.enum([
  'empty',
  'too_long',
  'control_chars',
  'non_ascii',
  'scheme',
  'backslash',
  'userinfo',
  'port',
  'query',
  'fragment',
  'host',
  'path',
  'document_type',
  'document_id',
  'otp',
  'digit_count',
  'unrecognised',
]);
export type NotAnEidReason = z.infer<typeof NotAnEidReasonSchema>;

/** What the parser returns: a code, `typo` (bad check digit) or `not_an_eid`. */
export type ParseResult = ParsedCode | { kind: 'typo' } | { kind: 'not_an_eid'; reason: NotAnEidReason };

// ---------------------------------------------------------------------------
// Verdicts

export const VERDICTS = [
  'valid',
  'denied_by_policy',
  'already_used',
  'expired_code',
  'unknown_code',
  'typo',
  'document_invalid',
  'portal_unavailable',
  'kiosk_not_authorised',
  'not_an_eid',
] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Colour and sound class of a verdict: go, stop, or try again / call IT. */
export const VerdictClassSchema = z.enum(['ok', 'stop', 'retry']);
export type VerdictClass = z.infer<typeof VerdictClassSchema>;

export const VERDICT_CLASS: Readonly<Record<Verdict, VerdictClass>> = {
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
};

/** The class (ok / stop / retry) of a verdict. */
export function verdictClassOf(verdict: Verdict): VerdictClass {
  return VERDICT_CLASS[verdict];
}

/** Verdicts after which the result screen may show the e-ID fields and photo. */
export const VERDICTS_WITH_DOCUMENT: readonly Verdict[] = ['valid', 'denied_by_policy'];

// ---------------------------------------------------------------------------
// The e-ID document (10 fields of е-Посвідчення, Resolution 002 item 5)

/** A face photo as a raster data URL; SVG is refused because it can carry script. */
export const PhotoDataUrlSchema = z
  .string()
  .max(3_000_000)
  .regex(/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/);

const text = (max: number) => z.string().trim().min(1).max(max);

export const EidDocumentSchema = z.object({
  country: text(200),
  documentName: text(300),
  fullName: text(300),
  position: text(500),
  issuedOn: z.iso.date(),
  seriesNumber: text(64),
  issuer: text(500),
  photo: PhotoDataUrlSchema,
  expiresOn: z.iso.date().optional(),
  contacts: z.object({
    phone: z.string().trim().max(64).optional(),
    email: z.string().trim().max(254).optional(),
  }),
});
export type EidDocument = z.infer<typeof EidDocumentSchema>;

// ---------------------------------------------------------------------------
// Portal API: POST /api/v2/documents/service-entrance/verify

export const PORTAL_VERIFY_PATH = '/api/v2/documents/service-entrance/verify';

export const PortalVerifyRequestSchema = z.union([
  z.object({ qrCode: z.string().min(1).max(MAX_CODE_INPUT_CHARS) }).strict(),
  z.object({ barcode: BarcodeDigitsSchema }).strict(),
]);
export type PortalVerifyRequest = z.infer<typeof PortalVerifyRequestSchema>;

export const PortalVerifyStatusSchema = z.enum(['valid', 'expired', 'already_used', 'not_found', 'document_invalid']);
export type PortalVerifyStatus = z.infer<typeof PortalVerifyStatusSchema>;

/** The portal's answer; unknown keys are dropped, a `valid` answer without a document is refused by the mapper. */
export const PortalVerifyAnswerSchema = z.object({
  status: PortalVerifyStatusSchema,
  checkedAt: z.iso.datetime({ offset: true }),
  document: EidDocumentSchema.optional(),
});
export type PortalVerifyAnswer = z.infer<typeof PortalVerifyAnswerSchema>;

// ---------------------------------------------------------------------------
// Hub API: POST /api/checkpoint/verify (checkpoint scope)

export const CHECKPOINT_VERIFY_PATH = '/api/checkpoint/verify';

export const ScanSourceSchema = z.enum(['camera', 'scanner', 'keypad', 'wedge']);
export type ScanSource = z.infer<typeof ScanSourceSchema>;

export const CheckpointVerifyRequestSchema = z
  .object({ input: z.string().max(MAX_VERIFY_INPUT_CHARS), source: ScanSourceSchema })
  .strict();
export type CheckpointVerifyRequest = z.infer<typeof CheckpointVerifyRequestSchema>;

export const UsedBeforeSchema = z.object({ at: z.iso.datetime({ offset: true }), checkpoint: z.string().min(1).max(200) });
export type UsedBefore = z.infer<typeof UsedBeforeSchema>;

export const CheckpointVerifyResponseSchema = z
  .object({
    checkId: z.string().min(1).max(100),
    verdict: VerdictSchema,
    checkedAt: z.iso.datetime({ offset: true }),
    document: EidDocumentSchema.optional(),
    usedBefore: UsedBeforeSchema.optional(),
    clockSkewMs: z.number().int().optional(),
    policyReason: z.string().max(500).optional(),
    notAnEidReason: NotAnEidReasonSchema.optional(),
  })
  .refine((r) => (r.document !== undefined) === VERDICTS_WITH_DOCUMENT.includes(r.verdict), {
    message: 'document is sent with valid / denied_by_policy and only then',
    path: ['document'],
  });
export type CheckpointVerifyResponse = z.infer<typeof CheckpointVerifyResponseSchema>;

// ---------------------------------------------------------------------------
// Building access policy

/**
 * How a rule compares a document field, after both sides are normalised (case-folded,
 * whitespace collapsed, apostrophes unified): `exact`, `prefix` (field starts with value)
 * or `contains`.
 */
export const PolicyMatchSchema = z.enum(['exact', 'prefix', 'contains']);
export type PolicyMatch = z.infer<typeof PolicyMatchSchema>;

export const PolicyMatcherSchema = z
  .object({ match: PolicyMatchSchema.default('exact'), value: z.string().trim().min(1).max(500) })
  .strict();
export type PolicyMatcher = z.infer<typeof PolicyMatcherSchema>;

/** One rule: matches when every matcher it has (issuer and/or position) matches. */
export const PolicyRuleSchema = z
  .object({
    action: z.enum(['allow', 'deny']),
    issuer: PolicyMatcherSchema.optional(),
    position: PolicyMatcherSchema.optional(),
    label: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((r) => r.issuer !== undefined || r.position !== undefined, {
    message: 'a rule needs an issuer or a position matcher',
  });
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

/**
 * The building's access policy. `first_match`: the first matching rule decides;
 * `deny_overrides`: any matching deny wins over any matching allow. No match: `defaultAction`.
 */
export const AccessPolicySchema = z
  .object({
    defaultAction: z.enum(['allow', 'deny']).default('allow'),
    combining: z.enum(['first_match', 'deny_overrides']).default('first_match'),
    rules: z.array(PolicyRuleSchema).max(1000).default([]),
    keepFullName: z.boolean().default(false),
    auditRetentionDays: z.number().int().min(1).max(3650).default(30),
  })
  .strict();
export type AccessPolicy = z.infer<typeof AccessPolicySchema>;
export type AccessPolicyInput = z.input<typeof AccessPolicySchema>;

// ---------------------------------------------------------------------------
// Audit log (hash-chained; never a photo)

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The fields of one audit row that the chain hash covers (plus prevHash). */
export const AuditEntrySchema = z
  .object({
    id: z.number().int().positive(),
    at: z.iso.datetime({ offset: true }),
    checkpoint: z.string().min(1).max(200),
    verdict: VerdictSchema,
    codeHmac: hex64.nullable(),
    issuer: z.string().max(500).nullable(),
    seriesNumberMasked: z.string().max(64).nullable(),
    fullName: z.string().max(300).nullable(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditRowSchema = AuditEntrySchema.extend({ prevHash: hex64, rowHash: hex64 }).strict();
export type AuditRow = z.infer<typeof AuditRowSchema>;
