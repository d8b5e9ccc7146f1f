import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { describe, expect, it, vi } from 'vitest';
import {
  createPassDecode,
  createZxingLibraryDecoder,
  createZxingWasmDecoder,
  describeWasmPasses,
  toKioskFormat,
  toLuminance,
  ZXING_WASM_BASE,
  ZXING_WASM_PASSES,
  type ReadFrame,
  type RgbaImage,
} from '../../../../renderer/scan/camera/decoders';

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

const blank = (): RgbaImage => ({ data: new Uint8ClampedArray(200 * 200 * 4).fill(200), width: 200, height: 200 });

/** zxing-wasm's .wasm as bytes, as the bench loads it under Node. */
function wasmBinary(): ArrayBuffer {
  const bytes = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
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
    expect(await decoder.decode(blank())).toBeNull();
  });

  it('zxing-wasm reads a QR frame, finds nothing in a blank one and says which passes it ran', async () => {
    const decoder = await createZxingWasmDecoder({ wasmBinary: wasmBinary() });
    const text = 'https://diia.app/documents/e-posvidchennia/EP-0002/verify/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    expect(await decoder.decode(qrImage(text))).toEqual({ text, format: 'QRCode' });
    expect(await decoder.decode(blank())).toBeNull();
    expect(decoder.config).toBe(describeWasmPasses());
    expect(decoder.config).toContain('2 if none: global-histogram (binarizer=GlobalHistogram');
  });

  it('runs the second pass only when the first finds nothing, each with the shared kiosk options', async () => {
    const hit = { isValid: true, format: 'EAN13', text: '4006381333931' };
    const read = vi.fn<ReadFrame>();
    const decode = createPassDecode(read);
    const image = blank();

    read.mockResolvedValueOnce([hit]);
    expect(await decode(image)).toEqual({ text: '4006381333931', format: 'EAN-13' });
    expect(read).toHaveBeenCalledTimes(1);

    read.mockReset().mockResolvedValueOnce([]).mockResolvedValueOnce([hit]);
    expect(await decode(image)).toEqual({ text: '4006381333931', format: 'EAN-13' });
    expect(read.mock.calls.map(([, options]) => options)).toEqual(ZXING_WASM_PASSES.map((p) => ({ ...ZXING_WASM_BASE, ...p.options })));
    expect(read.mock.calls[1]?.[1]).toMatchObject({ binarizer: 'GlobalHistogram', formats: ['QRCode', 'EAN-13', 'Code128'], maxNumberOfSymbols: 1, textMode: 'Plain' });

    // An invalid or non-kiosk result counts as nothing; after the last pass the frame has no code.
    read.mockReset().mockResolvedValueOnce([{ ...hit, isValid: false }]).mockResolvedValueOnce([{ ...hit, format: 'EAN8' }]);
    expect(await decode(image)).toBeNull();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps the kiosk settings: three formats, one symbol, plain text, zxing-cpp defaults first', () => {
    expect(ZXING_WASM_BASE).toEqual({ formats: ['QRCode', 'EAN-13', 'Code128'], maxNumberOfSymbols: 1, tryHarder: true, textMode: 'Plain' });
    expect(ZXING_WASM_PASSES[0]?.options).toEqual({});
    expect(ZXING_WASM_PASSES).toHaveLength(2);
  });
});
