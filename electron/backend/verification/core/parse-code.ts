import {
  DEFAULT_ALLOWED_HOSTS,
  DEFAULT_DOCUMENT_TYPES,
  MAX_CODE_INPUT_CHARS,
  type NotAnEidReason,
  type ParseResult,
  type ParsedCode,
  type PortalVerifyRequest,
} from '../../../../contract/eid';
import { isValidEan13 } from './ean13';

/*
 * The e-ID code parser. Deliberately hand-written instead of `new URL`: the WHATWG parser
 * "repairs" input (backslashes become slashes, hosts are IDNA-mapped and lowercased, default
 * ports dropped, tabs and newlines removed), which is exactly what an attacker would use to
 * make a foreign URL look like a Diia one. Here the text must already be in its one canonical
 * form, so the string we accept is the string the portal receives. Every regex is anchored
 * and linear; the input is length-capped before any of them runs.
 */

export interface ParseOptions {
  /** Hosts a QR URL may name, compared exactly (lowercase ASCII). Default `['diia.app']`. */
  allowedHosts?: readonly string[];
  /** Known document types. Default `['e-posvidchennia']`. */
  documentTypes?: readonly string[];
}

const HTTPS_PREFIX = 'https://';
const SCHEME_LIKE = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:/;
const HOST_TOKEN = /^[a-z0-9.-]{1,253}$/;
const DOCUMENT_TYPE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const notAnEid = (reason: NotAnEidReason): ParseResult => ({ kind: 'not_an_eid', reason });

/** Parses scanned or typed text into a Diia QR code, a 13-digit code, `typo` or `not_an_eid`; never throws. */
export function parseEidCode(text: unknown, opts: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') return notAnEid('unrecognised');
  if (text.length > MAX_CODE_INPUT_CHARS) return notAnEid('too_long');
  const trimmed = trimScannerWhitespace(text);
  if (trimmed.length === 0) return notAnEid('empty');
  const charIssue = findCharIssue(trimmed);
  if (charIssue !== null) return notAnEid(charIssue);
  if (isDigitsAndSpaces(trimmed)) return parseNumeric(trimmed);
  return parseQrUrl(trimmed, opts);
}

/** The normalised form of a code: what is HMAC-ed for the audit log and the replay guard. */
export function canonicalCode(code: ParsedCode): string {
  return code.kind === 'qr' ? code.raw : code.digits;
}

/** The portal request body for a parsed code. */
export function toPortalVerifyRequest(code: ParsedCode): PortalVerifyRequest {
  return code.kind === 'qr' ? { qrCode: code.raw } : { barcode: code.digits };
}

/** Scanners add CR, LF or Tab suffixes and people add spaces: strip those at both ends only. */
function trimScannerWhitespace(text: string): string {
  const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let start = 0;
  let end = text.length;
  while (start < end && isWs(text.charCodeAt(start))) start += 1;
  while (end > start && isWs(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** Control characters (C0, DEL, C1) win over other non-ASCII; both forms of code are printable ASCII. */
function findCharIssue(text: string): 'control_chars' | 'non_ascii' | null {
  let nonAscii = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return 'control_chars';
    if (c > 0x7e) nonAscii = true;
  }
  return nonAscii ? 'non_ascii' : null;
}

function isDigitsAndSpaces(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && (c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

/** 13 digits in any grouping of spaces (`1234567890128`, `1 234567 890128`, `1234 5678 9012 8`). */
function parseNumeric(text: string): ParseResult {
  const digits = text.replaceAll(' ', '');
  if (digits.length !== 13) return notAnEid('digit_count');
  return isValidEan13(digits) ? { kind: 'barcode', digits } : { kind: 'typo' };
}

function parseQrUrl(text: string, opts: ParseOptions): ParseResult {
  // The scheme must be literally lowercase `https://`: `HTTPS://`, `https:/x`, `https:\\x` are refused.
  if (!text.startsWith(HTTPS_PREFIX)) return notAnEid(SCHEME_LIKE.test(text) ? 'scheme' : 'unrecognised');
  if (text.includes('\\')) return notAnEid('backslash');
  if (text.includes('#')) return notAnEid('fragment');
  if (text.includes('?')) return notAnEid('query');
  const rest = text.slice(HTTPS_PREFIX.length);
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  if (authority.includes('@')) return notAnEid('userinfo');
  if (authority.includes(':')) return notAnEid('port');
  if (!allowedHosts(opts).includes(authority)) return notAnEid('host');
  return parsePath(slash === -1 ? '' : rest.slice(slash), text, opts);
}

/** Exactly `/documents/{documentType}/{documentId}/verify/{otp}`: no extra, empty or dot segments. */
function parsePath(path: string, raw: string, opts: ParseOptions): ParseResult {
  const segments = path.split('/');
  if (segments.length !== 6 || segments[0] !== '' || segments[1] !== 'documents' || segments[4] !== 'verify') {
    return notAnEid('path');
  }
  const documentType = segments[2] ?? '';
  const documentId = segments[3] ?? '';
  const otp = segments[5] ?? '';
  const knownType = (opts.documentTypes ?? DEFAULT_DOCUMENT_TYPES).includes(documentType);
  if (!knownType || !DOCUMENT_TYPE.test(documentType)) return notAnEid('document_type');
  if (!DOCUMENT_ID.test(documentId)) return notAnEid('document_id');
  if (!UUID_V4.test(otp)) return notAnEid('otp');
  return { kind: 'qr', documentType, documentId, otp, raw };
}

/** The allow-list, lowercased; entries that are not plain ASCII host names are ignored rather than trusted. */
function allowedHosts(opts: ParseOptions): string[] {
  const list = opts.allowedHosts ?? DEFAULT_ALLOWED_HOSTS;
  return list.map((h) => h.toLowerCase()).filter((h) => HOST_TOKEN.test(h) && !h.startsWith('.') && !h.endsWith('.'));
}
