import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createZxingLibraryDecoder, toKioskFormat, toLuminance, type RgbaImage } from '../../../../renderer/scan/camera/decoders';

/** A QR code as RGBA pixels (4 px per module, quiet zone 4 modules), as a camera frame would give. */
function qrImage(text: string): RgbaImage {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const px = 4;
  const total = (modules.size + 8) * px;
  const data = new Uint8ClampedArray(total * total * 4).fill(255);
  for (let y = 0; y < total; y += 1) {
    for (let x = 0; x < total; x += 1) {
      const r = Math.floor(y / px) - 4;
      const c = Math.floor(x / px) - 4;
      if (r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c) === 1) data.fill(0, (y * total + x) * 4, (y * total + x) * 4 + 3);
    }
  }
  return { data, width: total, height: total };
}

describe('decoders', () => {
  it('maps zxing-wasm 3 format names (and older spellings) to the kiosk formats', () => {
    expect(toKioskFormat('EAN13')).toBe('EAN-13');
    expect(toKioskFormat('EAN-13')).toBe('EAN-13');
    expect(toKioskFormat('Code128')).toBe('Code128');
    expect(toKioskFormat('QRCode')).toBe('QRCode');
    expect(toKioskFormat('EAN8')).toBeNull();
    expect(toKioskFormat('DataMatrix')).toBeNull();
  });

  it('computes luminance per pixel', () => {
    const lum = toLuminance({ data: new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]), width: 2, height: 1 });
    expect(lum[0]).toBeGreaterThan(250);
    expect(lum[1]).toBe(0);
  });

  it('@zxing/library (the fallback) reads a QR frame and finds nothing in a blank one', async () => {
    const decoder = createZxingLibraryDecoder();
    const text = 'https://diia.app/documents/e-posvidchennia/EP-0001/verify/0b6c1a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(await decoder.decode(qrImage(text))).toEqual({ text, format: 'QRCode' });
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(200), width: 200, height: 200 };
    expect(await decoder.decode(blank)).toBeNull();
  });
});
