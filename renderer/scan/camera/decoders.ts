import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { KIOSK_FORMATS, type DecodedSymbol, type KioskFormat } from '../decode-acceptance';

/*
 * The camera's decoders behind one interface. zxing-wasm (zxing-cpp) is the first choice;
 * @zxing/library (pure JS) is the fallback where WebAssembly is missing or the .wasm does not
 * load. Both take the same RGBA pixels and the kiosk's settings: QR / EAN-13 / Code 128, one
 * symbol, try harder. No DOM here, so the bench runs the same code under Node.
 *
 * zxing-wasm reads a frame in up to two passes (ZXING_WASM_PASSES): zxing-cpp's defaults first
 * (local-average binarizer, rotations, inverted, downscale); only when that finds nothing, a
 * second pass with the global-histogram binarizer and a finer downscale (÷2 from 200 px, no
 * rotations). The second pass reads blurred or unevenly lit codes that the local threshold
 * breaks up. Both passes on a frame with no code take ~17 ms on the bench machine (1280x720),
 * inside the worker's budget of one decode per 66 ms (≤ 15/s, frames dropped while busy).
 */

/** RGBA pixels, as `ImageData` (or a duck-typed object with the same fields). */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export type DecoderName = 'zxing-wasm' | 'zxing-library';

/** A frame decoder; `decode` resolves null when nothing (or no kiosk format) is found. */
export interface Decoder {
  readonly name: DecoderName;
  /** The settings it reads with, in words (the bench prints it next to its figures). */
  readonly config: string;
  decode(image: RgbaImage): Promise<DecodedSymbol | null>;
}

/** Where the zxing-wasm binary comes from: a same-origin URL (the app bundle) or the bytes (Node bench). */
export type WasmSource = { wasmUrl: string } | { wasmBinary: ArrayBuffer };

/** One zxing-wasm read of a frame: a name and the reader options it adds to ZXING_WASM_BASE. */
export interface WasmPass {
  readonly name: string;
  readonly options: Readonly<ReaderOptions>;
}

/** Options every pass shares. Plain text: the default human-readable mode writes control
 * characters as `<SOH>`, which would hide them from the code parser (it refuses control
 * characters) and change the bytes read. */
export const ZXING_WASM_BASE: Readonly<ReaderOptions> = {
  formats: [...KIOSK_FORMATS],
  maxNumberOfSymbols: 1,
  tryHarder: true,
  textMode: 'Plain',
};

/** The passes, in order; a pass runs only when the ones before it found nothing. */
export const ZXING_WASM_PASSES: readonly WasmPass[] = [
  // zxing-cpp's defaults: LocalAverage binarizer, tryRotate, tryInvert, tryDownscale (≥ 500 px, ÷3).
  { name: 'local-average', options: {} },
  // Blur / uneven light: a global threshold keeps bars and modules whole; ÷2 from 200 px adds a
  // finer scale. No rotations (pass 1 tried them), which keeps this pass cheaper than the first.
  { name: 'global-histogram', options: { binarizer: 'GlobalHistogram', downscaleThreshold: 200, downscaleFactor: 2, tryRotate: false } },
];

/** The passes in words, e.g. `QRCode/EAN-13/Code128, 1 symbol, tryHarder; 1 local-average {}; 2 if none: …`. */
export function describeWasmPasses(passes: readonly WasmPass[] = ZXING_WASM_PASSES, base: Readonly<ReaderOptions> = ZXING_WASM_BASE): string {
  const common = `${(base.formats ?? []).join('/')}, ${base.maxNumberOfSymbols ?? 'any'} symbol, tryHarder ${base.tryHarder ?? true}, text ${base.textMode ?? 'HRI'}`;
  const steps = passes.map((p, i) => {
    const opts = Object.entries(p.options).map(([k, v]) => `${k}=${String(v)}`).join(' ');
    return `${i === 0 ? '1' : `${i + 1} if none`}: ${p.name}${opts ? ` (${opts})` : ' (defaults)'}`;
  });
  return [common, ...steps].join('; ');
}

/** What a pass reads: zxing-wasm's `readBarcodes`, or a stand-in in tests. */
export type ReadFrame = (image: RgbaImage, options: ReaderOptions) => Promise<ReadonlyArray<{ isValid: boolean; format: string; text: string }>>;

/** Runs `passes` in order on a frame and returns the first valid kiosk-format symbol. */
export function createPassDecode(read: ReadFrame, passes: readonly WasmPass[] = ZXING_WASM_PASSES): Decoder['decode'] {
  return async (image) => {
    for (const pass of passes) {
      const [first] = await read(image, { ...ZXING_WASM_BASE, ...pass.options });
      const format = first?.isValid === true ? toKioskFormat(first.format) : null;
      if (first && format) return { text: first.text, format };
    }
    return null;
  };
}

/** Loads zxing-wasm (rejects when the .wasm cannot be fetched or compiled) and returns its decoder. */
export async function createZxingWasmDecoder(source: WasmSource, passes: readonly WasmPass[] = ZXING_WASM_PASSES): Promise<Decoder> {
  const overrides =
    'wasmUrl' in source
      ? { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.wasmUrl : prefix + path) }
      : { wasmBinary: source.wasmBinary };
  await prepareZXingModule({ overrides, fireImmediately: true });
  const read: ReadFrame = (image, options) => readBarcodes({ ...image, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0], options);
  return { name: 'zxing-wasm', config: describeWasmPasses(passes), decode: createPassDecode(read, passes) };
}

/** zxing-wasm 3 names read formats `EAN13`, `Code128`, `QRCode` (older builds: `EAN-13`…); maps them to ours. */
export function toKioskFormat(format: string): KioskFormat | null {
  const key = format.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (key === 'EAN13') return 'EAN-13';
  if (key === 'CODE128') return 'Code128';
  if (key === 'QRCODE' || key === 'QRCODEMODEL2') return 'QRCode';
  return null;
}

const LIBRARY_FORMATS: ReadonlyMap<BarcodeFormat, KioskFormat> = new Map([
  [BarcodeFormat.QR_CODE, 'QRCode'],
  [BarcodeFormat.EAN_13, 'EAN-13'],
  [BarcodeFormat.CODE_128, 'Code128'],
]);

/** Luminance (BT.601 integer approximation) of RGBA pixels, one byte per pixel. */
export function toLuminance(image: RgbaImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height);
  const d = image.data;
  for (let i = 0, p = 0; i < out.length; i += 1, p += 4) {
    out[i] = ((d[p] as number) * 77 + (d[p + 1] as number) * 150 + (d[p + 2] as number) * 29) >> 8;
  }
  return out;
}

/** The pure-JS @zxing/library decoder with the same formats and TRY_HARDER. */
export function createZxingLibraryDecoder(): Decoder {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [...LIBRARY_FORMATS.keys()]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  return {
    name: 'zxing-library',
    config: 'QR_CODE/EAN_13/CODE_128, TRY_HARDER, HybridBinarizer',
    decode(image) {
      try {
        const source = new RGBLuminanceSource(toLuminance(image), image.width, image.height);
        const result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
        const format = LIBRARY_FORMATS.get(result.getBarcodeFormat());
        return Promise.resolve(format ? { text: result.getText(), format } : null);
      } catch {
        // NotFound / Checksum / Format exceptions all mean "no code in this frame".
        return Promise.resolve(null);
      } finally {
        reader.reset();
      }
    },
  };
}

/** zxing-wasm when WebAssembly exists and the .wasm loads, else @zxing/library. */
export async function createBestDecoder(source: WasmSource, onFallback?: (reason: string) => void): Promise<Decoder> {
  if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'object') {
    onFallback?.('no WebAssembly');
    return createZxingLibraryDecoder();
  }
  try {
    return await createZxingWasmDecoder(source);
  } catch (error) {
    onFallback?.(error instanceof Error ? error.message : String(error));
    return createZxingLibraryDecoder();
  }
}
