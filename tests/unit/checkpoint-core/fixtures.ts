import type { EidDocument } from '../../../contract/eid';

export const OTP = '3f2c1a9e-5b7d-4c1e-9a2b-1c3d5e7f9a0b';
export const DOC_ID = 'AB_12-cd';
export const VALID_QR = `https://diia.app/documents/e-posvidchennia/${DOC_ID}/verify/${OTP}`;
/** 123456789012 + check digit 8. */
export const VALID_EAN = '1234567890128';

// A 1x1 transparent PNG: the smallest real raster data URL.
export const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function sampleDocument(over: Partial<EidDocument> = {}): EidDocument {
  return {
    country: 'Україна',
    documentName: 'Посвідчення посадової особи',
    fullName: 'Шевченко Олена Петрівна',
    position: 'Головний спеціаліст відділу контролю',
    issuedOn: '2023-05-10',
    seriesNumber: 'АА 123412',
    issuer: 'Державна служба України з питань праці',
    photo: PHOTO,
    expiresOn: '2028-05-10',
    contacts: { phone: '+380441234567', email: 'o.shevchenko@example.gov.ua' },
    ...over,
  };
}

/** Builds a QR URL from parts, for near-miss cases. */
export function qr(parts: { scheme?: string; host?: string; type?: string; id?: string; otp?: string; tail?: string } = {}): string {
  const { scheme = 'https://', host = 'diia.app', type = 'e-posvidchennia', id = DOC_ID, otp = OTP, tail = '' } = parts;
  return `${scheme}${host}/documents/${type}/${id}/verify/${otp}${tail}`;
}
