import { describe, expect, it } from 'vitest';
import { canonicalCode, parseEidCode, toPortalVerifyRequest } from '../../../electron/backend/verification/core/parse-code';
import { DOC_ID, OTP, VALID_EAN, VALID_QR, qr } from './fixtures';

const notAnEid = (reason: string) => ({ kind: 'not_an_eid', reason });

describe('parseEidCode: QR URLs', () => {
  it('accepts the canonical Diia URL and returns its parts', () => {
    expect(parseEidCode(VALID_QR)).toEqual({
      kind: 'qr',
      documentType: 'e-posvidchennia',
      documentId: DOC_ID,
      otp: OTP,
      raw: VALID_QR,
    });
  });

  it('strips scanner suffixes (CR, LF, Tab) and spaces at the ends only', () => {
    const parsed = parseEidCode(`  ${VALID_QR}\r\n`);
    expect(parsed).toMatchObject({ kind: 'qr', raw: VALID_QR });
    expect(parseEidCode(`\t${VALID_QR}\t`)).toMatchObject({ kind: 'qr', raw: VALID_QR });
  });

  it('accepts document ids of 1 and 64 token characters, refuses 65', () => {
    expect(parseEidCode(qr({ id: 'x' }))).toMatchObject({ kind: 'qr', documentId: 'x' });
    expect(parseEidCode(qr({ id: 'a'.repeat(64) }))).toMatchObject({ kind: 'qr' });
    expect(parseEidCode(qr({ id: 'a'.repeat(65) }))).toEqual(notAnEid('document_id'));
  });

  // Each trick that fools a lenient URL parser, with the decision taken for it.
  const tricks: [string, string, string][] = [
    ['sub-domain of an evil host', qr({ host: 'diia.app.evil.com' }), 'host'],
    ['evil host ending in diia.app', qr({ host: 'evildiia.app' }), 'host'],
    ['userinfo before an evil host', qr({ host: 'diia.app@evil.com' }), 'userinfo'],
    ['userinfo before diia.app', qr({ host: 'evil.com@diia.app' }), 'userinfo'],
    ['empty userinfo', qr({ host: '@diia.app' }), 'userinfo'],
    ['explicit port 443', qr({ host: 'diia.app:443' }), 'port'],
    ['empty port', qr({ host: 'diia.app:' }), 'port'],
    ['uppercase host', qr({ host: 'DIIA.APP' }), 'host'],
    ['mixed-case host', qr({ host: 'Diia.app' }), 'host'],
    ['trailing-dot host', qr({ host: 'diia.app.' }), 'host'],
    ['punycode host', qr({ host: 'xn--dia-bcd.app' }), 'host'],
    ['Cyrillic look-alike a (IDNA homograph)', qr({ host: 'diiа.app' }), 'non_ascii'],
    ['fullwidth dot', qr({ host: 'diia\uFF0Eapp' }), 'non_ascii'],
    ['percent-encoded host', qr({ host: '%64iia.app' }), 'host'],
    ['IP address host', qr({ host: '127.0.0.1' }), 'host'],
    ['empty host (three slashes)', qr({ host: '' }), 'host'],
    ['backslash before @ (WHATWG treats \\ as /)', qr({ host: 'evil.com\\@diia.app' }), 'backslash'],
    ['backslash in path', qr({ tail: '\\..' }), 'backslash'],
    ['uppercase scheme', qr({ scheme: 'HTTPS://' }), 'scheme'],
    ['mixed-case scheme', qr({ scheme: 'Https://' }), 'scheme'],
    ['plain http', qr({ scheme: 'http://' }), 'scheme'],
    ['one slash after scheme', qr({ scheme: 'https:/' }), 'scheme'],
    ['backslashes after scheme', qr({ scheme: 'https:\\\\' }), 'scheme'],
    ['no scheme', qr({ scheme: '' }), 'unrecognised'],
    ['protocol-relative', qr({ scheme: '//' }), 'unrecognised'],
    ['javascript: URL', 'javascript:alert(1)', 'scheme'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>', 'scheme'],
    ['HTML payload', '<img src=x onerror=alert(1)>', 'unrecognised'],
    ['query string', qr({ tail: '?x=1' }), 'query'],
    ['empty query', qr({ tail: '?' }), 'query'],
    ['fragment', qr({ tail: '#x' }), 'fragment'],
    ['fragment hiding the host', 'https://evil.com#@diia.app/documents/e-posvidchennia/AB/verify/' + OTP, 'fragment'],
    ['trailing slash', qr({ tail: '/' }), 'path'],
    ['extra segment', qr({ tail: '/extra' }), 'path'],
    ['double slash', VALID_QR.replace('/documents/', '//documents/'), 'path'],
    ['capitalised Documents', VALID_QR.replace('/documents/', '/Documents/'), 'path'],
    ['verify misspelt', VALID_QR.replace('/verify/', '/verifY/'), 'path'],
    ['host only', 'https://diia.app', 'path'],
    ['host and slash', 'https://diia.app/', 'path'],
    ['unknown document type', qr({ type: 'passport' }), 'document_type'],
    ['document type with uppercase', qr({ type: 'E-posvidchennia' }), 'document_type'],
    ['dot-dot document id', qr({ id: '..' }), 'document_id'],
    ['percent-encoded slash in id', qr({ id: 'a%2Fb' }), 'document_id'],
    ['empty document id', qr({ id: '' }), 'document_id'],
    ['space inside id', qr({ id: 'a b' }), 'document_id'],
    ['otp version 1 uuid', qr({ otp: '3f2c1a9e-5b7d-1c1e-9a2b-1c3d5e7f9a0b' }), 'otp'],
    ['otp variant c', qr({ otp: '3f2c1a9e-5b7d-4c1e-ca2b-1c3d5e7f9a0b' }), 'otp'],
    ['otp uppercase', qr({ otp: OTP.toUpperCase() }), 'otp'],
    ['otp without hyphens', qr({ otp: OTP.replaceAll('-', '') }), 'otp'],
    ['otp in braces', qr({ otp: `{${OTP}}` }), 'otp'],
    ['otp too long', qr({ otp: `${OTP}0` }), 'otp'],
    ['NUL byte inside', VALID_QR.replace('/verify', '\u0000/verify'), 'control_chars'],
    ['tab inside', VALID_QR.replace('diia.app', 'diia\t.app'), 'control_chars'],
    ['newline inside', `${VALID_QR}\n${VALID_QR}`, 'control_chars'],
    ['C1 control', VALID_QR.replace('diia', 'diia\u0085'), 'control_chars'],
    ['DEL', `${VALID_QR}\u007f`, 'control_chars'],
    ['right-to-left override', `\u202E${VALID_QR}`, 'non_ascii'],
    ['zero-width space in host', qr({ host: 'diia\u200B.app' }), 'non_ascii'],
    ['BOM in front', `\uFEFF${VALID_QR}`, 'non_ascii'],
    ['space inside the host', qr({ host: 'diia.app ' }), 'host'],
  ];
  it.each(tricks)('refuses %s', (_name, input, reason) => {
    expect(parseEidCode(input)).toEqual(notAnEid(reason));
  });

  it('uses the configured host allow-list, normalised to lowercase', () => {
    expect(parseEidCode(VALID_QR, { allowedHosts: ['verify.example.gov.ua'] })).toEqual(notAnEid('host'));
    expect(parseEidCode(VALID_QR, { allowedHosts: ['Diia.App'] })).toMatchObject({ kind: 'qr' });
    expect(parseEidCode(qr({ host: 'verify.example.gov.ua' }), { allowedHosts: ['diia.app', 'verify.example.gov.ua'] })).toMatchObject({ kind: 'qr' });
  });

  it('never trusts malformed allow-list entries', () => {
    const hosts = ['diia.app/evil', '.diia.app', 'diia.app.', '', 'дія.app'];
    expect(parseEidCode(qr({ host: 'diia.app.' }), { allowedHosts: hosts })).toEqual(notAnEid('host'));
    expect(parseEidCode(VALID_QR, { allowedHosts: hosts })).toEqual(notAnEid('host'));
  });

  it('uses the configured document types', () => {
    expect(parseEidCode(qr({ type: 'e-pass' }), { documentTypes: ['e-pass'] })).toMatchObject({ kind: 'qr', documentType: 'e-pass' });
    expect(parseEidCode(VALID_QR, { documentTypes: ['e-pass'] })).toEqual(notAnEid('document_type'));
  });
});

describe('parseEidCode: 13-digit codes', () => {
  it.each([
    ['plain', VALID_EAN],
    ['grouped 1 6 6', '1 234567 890128'],
    ['grouped by 4', '1234 5678 9012 8'],
    ['spaced digits', '1 2 3 4 5 6 7 8 9 0 1 2 8'],
    ['double spaces', '1  234567  890128'],
    ['scanner suffix', `${VALID_EAN}\r\n`],
    ['known EAN 4006381333931', '4006381333931'],
  ])('accepts %s', (_name, input) => {
    const parsed = parseEidCode(input);
    expect(parsed.kind).toBe('barcode');
    if (parsed.kind === 'barcode') expect(parsed.digits).toBe(input.replace(/\s/g, ''));
  });

  it('says typo for a wrong check digit or a swapped pair, without asking anyone', () => {
    expect(parseEidCode('1234567890127')).toEqual({ kind: 'typo' });
    expect(parseEidCode('1 234567 890120')).toEqual({ kind: 'typo' });
    expect(parseEidCode('2134567890128')).toEqual({ kind: 'typo' });
  });

  it.each([
    ['12 digits', '123456789012', 'digit_count'],
    ['14 digits', '12345678901280', 'digit_count'],
    ['one digit', '7', 'digit_count'],
    ['a sign in front', '+1234567890128', 'unrecognised'],
    ['a minus in front', '-1234567890128', 'unrecognised'],
    ['hyphen grouping', '1-234567-890128', 'unrecognised'],
    ['a letter at the end', '1234567890128x', 'unrecognised'],
    ['fullwidth digits', '１２３４５６７８９０１２８', 'non_ascii'],
    ['Arabic-Indic digits', '١٢٣٤٥٦٧٨٩٠١٢٨', 'non_ascii'],
    ['no-break space grouping', '1\u00a0234567\u00a0890128', 'non_ascii'],
    ['two codes on two lines', `${VALID_EAN}\n${VALID_EAN}`, 'control_chars'],
  ])('refuses %s', (_name, input, reason) => {
    expect(parseEidCode(input)).toEqual(notAnEid(reason));
  });
});

describe('parseEidCode: limits and odd inputs', () => {
  it('refuses empty and whitespace-only input', () => {
    expect(parseEidCode('')).toEqual(notAnEid('empty'));
    expect(parseEidCode(' \r\n\t ')).toEqual(notAnEid('empty'));
  });

  it('refuses anything over 2048 characters before looking at it', () => {
    expect(parseEidCode(VALID_QR + ' '.repeat(2049 - VALID_QR.length))).toEqual(notAnEid('too_long'));
    expect(parseEidCode(VALID_QR + ' '.repeat(2048 - VALID_QR.length))).toMatchObject({ kind: 'qr' });
    expect(parseEidCode('x'.repeat(10_240))).toEqual(notAnEid('too_long'));
  });

  it('refuses non-strings without throwing', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x'), () => VALID_QR]) {
      expect(parseEidCode(value)).toEqual(notAnEid('unrecognised'));
    }
  });
});

describe('canonicalCode / toPortalVerifyRequest', () => {
  it('gives the URL for a QR and the digits for a barcode', () => {
    const q = parseEidCode(` ${VALID_QR}\n`);
    const b = parseEidCode('1 234567 890128');
    if (q.kind !== 'qr' || b.kind !== 'barcode') throw new Error('fixtures must parse');
    expect(canonicalCode(q)).toBe(VALID_QR);
    expect(canonicalCode(b)).toBe(VALID_EAN);
    expect(toPortalVerifyRequest(q)).toEqual({ qrCode: VALID_QR });
    expect(toPortalVerifyRequest(b)).toEqual({ barcode: VALID_EAN });
  });
});
