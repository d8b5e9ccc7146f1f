import { randomInt, randomUUID } from 'node:crypto';
import type { EidDocument, PortalVerifyRequest, PortalVerifyStatus } from '../../../../../contract/eid';
import { makeEan13 } from '../../../verification/core/ean13';
import { holderState, type DemoHolder } from './holders';

/*
 * Codes the simulator issued: one issuance has a QR URL and a 13-digit code, both for the
 * same one-time use; it lives CODE_TTL_MS by the simulator's clock and works once. Spent
 * and expired codes are kept a while (so a replay says already_used / expired rather than
 * not_found), then pruned, so the book stays bounded however many codes a bench issues.
 */

export const CODE_TTL_MS = 3 * 60_000;
const KEEP_AFTER_EXPIRY_MS = 15 * 60_000;
export const QR_HOST = 'diia.app';
export const QR_DOCUMENT_TYPE = 'e-posvidchennia';

const QR_URL = /^https:\/\/diia\.app\/documents\/([a-z0-9-]{1,64})\/([A-Za-z0-9_-]{1,64})\/verify\/([0-9a-f-]{36})$/;

interface IssuedCode {
  holderId: string;
  documentId: string;
  otp: string;
  barcode: string;
  expiresAtMs: number;
  usedAtMs: number | null;
}

/** What POST /sim/eid/issue answers. */
export interface IssuedCodeView {
  qr: string;
  barcode: string;
  expiresAt: string;
}

/** The simulator's answer to one verification (before HTTP). */
export interface SimVerifyResult {
  status: PortalVerifyStatus;
  document?: EidDocument;
}

/** Issued codes, expiry and single use. */
export class CodeBook {
  private readonly byOtp = new Map<string, IssuedCode>();
  private readonly byBarcode = new Map<string, IssuedCode>();

  constructor(private readonly holders: readonly DemoHolder[]) {}

  /** Issues a fresh code for a holder; null when the holder is unknown. */
  issue(holderId: string, nowMs: number): IssuedCodeView | null {
    const holder = this.holders.find((h) => h.id === holderId);
    if (holder === undefined) return null;
    this.prune(nowMs);
    const code: IssuedCode = {
      holderId,
      documentId: holder.documentId,
      otp: randomUUID(),
      barcode: this.freshBarcode(),
      expiresAtMs: nowMs + CODE_TTL_MS,
      usedAtMs: null,
    };
    this.byOtp.set(code.otp, code);
    this.byBarcode.set(code.barcode, code);
    return {
      qr: `https://${QR_HOST}/documents/${QR_DOCUMENT_TYPE}/${code.documentId}/verify/${code.otp}`,
      barcode: code.barcode,
      expiresAt: new Date(code.expiresAtMs).toISOString(),
    };
  }

  /** Verifies (and on success spends) a code at `nowMs`; `today` is the simulator's date. */
  verify(request: PortalVerifyRequest, nowMs: number, today: string): SimVerifyResult {
    const code = this.find(request);
    if (code === undefined) return { status: 'not_found' };
    if (code.usedAtMs !== null) return { status: 'already_used' };
    if (nowMs >= code.expiresAtMs) return { status: 'expired' };
    const holder = this.holders.find((h) => h.id === code.holderId);
    if (holder === undefined || holderState(holder, today) !== 'valid') return { status: 'document_invalid' };
    code.usedAtMs = nowMs;
    return { status: 'valid', document: holder.document };
  }

  /** How many issuances are remembered (for tests of the pruning). */
  size(): number {
    return this.byOtp.size;
  }

  private find(request: PortalVerifyRequest): IssuedCode | undefined {
    if ('barcode' in request) return this.byBarcode.get(request.barcode);
    const m = QR_URL.exec(request.qrCode);
    if (m === null || m[1] !== QR_DOCUMENT_TYPE) return undefined;
    const code = this.byOtp.get(m[3] ?? '');
    return code !== undefined && code.documentId === m[2] ? code : undefined;
  }

  private freshBarcode(): string {
    for (;;) {
      let first12 = '';
      for (let i = 0; i < 12; i += 1) first12 += String(randomInt(10));
      const digits = makeEan13(first12);
      if (!this.byBarcode.has(digits)) return digits;
    }
  }

  private prune(nowMs: number): void {
    for (const [otp, code] of this.byOtp) {
      if (nowMs < code.expiresAtMs + KEEP_AFTER_EXPIRY_MS) break;
      this.byOtp.delete(otp);
      this.byBarcode.delete(code.barcode);
    }
  }
}
