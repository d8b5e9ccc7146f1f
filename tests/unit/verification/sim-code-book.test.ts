import { describe, expect, it } from 'vitest';
import { CODE_TTL_MS, CodeBook } from '../../../electron/backend/portal/simulator/eid/code-book';
import { holderState, loadDemoHolders } from '../../../electron/backend/portal/simulator/eid/holders';
import { isValidEan13 } from '../../../electron/backend/verification/core/ean13';
import { parseEidCode } from '../../../electron/backend/verification/core/parse-code';

const holders = loadDemoHolders();
const t0 = Date.parse('2026-11-23T09:00:00.000Z');
const today = '2026-11-23';

describe('simulator code book', () => {
  it('issues codes the strict parser accepts, with a valid EAN-13', () => {
    const book = new CodeBook(holders);
    const code = book.issue('h01', t0)!;
    expect(parseEidCode(code.qr)).toMatchObject({ kind: 'qr', documentType: 'e-posvidchennia', documentId: 'EP-0001-KOVALENKO' });
    expect(isValidEan13(code.barcode)).toBe(true);
    expect(code.expiresAt).toBe(new Date(t0 + CODE_TTL_MS).toISOString());
    expect(book.issue('nobody', t0)).toBeNull();
  });

  it('works once (QR and barcode share the use), expires after 3 minutes', () => {
    const book = new CodeBook(holders);
    const a = book.issue('h01', t0)!;
    expect(book.verify({ barcode: a.barcode }, t0 + 1000, today).status).toBe('valid');
    expect(book.verify({ qrCode: a.qr }, t0 + 2000, today).status).toBe('already_used');
    const b = book.issue('h01', t0)!;
    expect(book.verify({ qrCode: b.qr }, t0 + CODE_TTL_MS, today).status).toBe('expired');
    expect(book.verify({ qrCode: b.qr.replace('EP-0001-KOVALENKO', 'EP-0002-SHEVCHUK') }, t0, today).status).toBe('not_found');
  });

  it('revoked and expired documents are document_invalid; states follow the clock', () => {
    const book = new CodeBook(holders);
    expect(book.verify({ qrCode: book.issue('h07', t0)!.qr }, t0, today).status).toBe('document_invalid');
    expect(book.verify({ qrCode: book.issue('h06', t0)!.qr }, t0, today).status).toBe('document_invalid');
    const states = holders.map((h) => holderState(h, today));
    expect(states.filter((s) => s === 'revoked').length).toBeGreaterThanOrEqual(2);
    expect(states.filter((s) => s === 'expired').length).toBeGreaterThanOrEqual(2);
    expect(holders.filter((h) => h.document.expiresOn === undefined).length).toBeGreaterThanOrEqual(2);
  });

  it('stays bounded: old codes are pruned when new ones are issued', () => {
    const book = new CodeBook(holders);
    for (let i = 0; i < 100; i += 1) book.issue('h01', t0);
    book.issue('h01', t0 + CODE_TTL_MS + 15 * 60_000);
    expect(book.size()).toBe(1);
  });
});
