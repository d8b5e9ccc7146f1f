import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createZxingLibraryDecoder,
  createZxingWasmDecoder,
  type Decoder,
  type RgbaImage,
  ZXING_WASM_PASSES,
} from '../../renderer/scan/camera/decoders';
import type { BenchResult } from './lib/bench-result';

/*
 * Camera decoders side by side on ZXing's own test photos (../shared/fixtures/barcodes):
 * zxing-wasm (the kiosk's first choice) and @zxing/library (the fallback), run through the very
 * `Decoder` objects the camera worker uses (renderer/scan/camera/decoders.ts), with the kiosk's
 * settings: QR / EAN-13 / Code 128, one symbol, try harder. Each decoder's settings (for
 * zxing-wasm: its passes) are printed as a `configuration` row, and the images it missed or
 * read wrong are listed on the console.
 *
 * Pixels: every PNG is decoded once to RGBA by ffmpeg (`-pix_fmt rgba`), and both decoders get
 * the same buffer, so neither gets an easier image. Decoding runs in Node (zxing-wasm's .wasm
 * given as bytes; @zxing/library is plain JS), which is what a worker does minus the transfer.
 * Each image is decoded once per decoder; text is compared byte for byte with `<n>.txt`. The
 * no-code frame runs every pass a frame with nothing in it gets in the worker.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, '../shared/fixtures/barcodes');
const FALSE_POSITIVE_SET = 'falsepositives-2';

interface Fixture {
  set: string;
  name: string;
  image: RgbaImage;
  expected: Buffer | null;
}

function probeSize(file: string): { width: number; height: number } {
  const out = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const [width, height] = out.stdout.trim().split(',').map(Number);
  if (!width || !height) throw new Error(`ffprobe could not read ${file}`);
  return { width, height };
}

/** RGBA pixels of an image file, optionally scaled, via ffmpeg. */
function loadRgba(file: string, scaleTo?: { width: number; height: number }): RgbaImage {
  const size = scaleTo ?? probeSize(file);
  const filters = scaleTo ? ['-vf', `scale=${scaleTo.width}:${scaleTo.height}`] : [];
  const out = spawnSync('ffmpeg', ['-v', 'error', '-i', file, ...filters, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const expectedBytes = size.width * size.height * 4;
  if (out.status !== 0 || out.stdout.length !== expectedBytes) throw new Error(`ffmpeg could not decode ${file}`);
  return { data: new Uint8ClampedArray(out.stdout.buffer, out.stdout.byteOffset, expectedBytes), width: size.width, height: size.height };
}

function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const set of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, set);
    if (!existsSync(dir) || set.endsWith('.md')) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
      const name = file.slice(0, -4);
      const txt = join(dir, `${name}.txt`);
      const expected = set === FALSE_POSITIVE_SET ? null : existsSync(txt) ? readFileSync(txt) : null;
      if (set !== FALSE_POSITIVE_SET && expected === null) continue; // no expected text: cannot score it
      fixtures.push({ set, name, image: loadRgba(join(dir, file)), expected });
    }
  }
  return fixtures;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function score(decoder: Decoder, fixtures: Fixture[]) {
  let correct = 0;
  let wrong = 0;
  let missed = 0;
  let falseDecodes = 0;
  let withCode = 0;
  let noCode = 0;
  const times: number[] = [];
  const failures: string[] = [];
  for (const f of fixtures) {
    const started = performance.now();
    const symbol = await decoder.decode(f.image);
    times.push(performance.now() - started);
    if (f.expected === null) {
      noCode += 1;
      if (symbol !== null) {
        falseDecodes += 1;
        failures.push(`false ${f.set}/${f.name}`);
      }
      continue;
    }
    withCode += 1;
    if (symbol === null) {
      missed += 1;
      failures.push(`missed ${f.set}/${f.name}`);
    } else if (Buffer.from(symbol.text, 'utf8').equals(f.expected)) correct += 1;
    else {
      wrong += 1;
      failures.push(`wrong ${f.set}/${f.name}`);
    }
  }
  times.sort((a, b) => a - b);
  return { correct, wrong, missed, falseDecodes, withCode, noCode, failures, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function emptyFrameMedian(decoder: Decoder, frame: RgbaImage, runs = 15): Promise<number> {
  await decoder.decode(frame); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await decoder.decode(frame);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return quantile(times, 0.5);
}

/** Runs both decoders over the fixtures; no rows when the fixtures are missing. */
export default async function run(): Promise<BenchResult[]> {
  if (!existsSync(FIXTURES)) {
    console.log(`decoders bench: no fixtures at ${FIXTURES} (expected ../shared/fixtures/barcodes next to the repo); nothing measured`);
    return [];
  }
  const require = createRequire(import.meta.url);
  const wasmBytes = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  const wasmBinary = wasmBytes.buffer.slice(wasmBytes.byteOffset, wasmBytes.byteOffset + wasmBytes.byteLength) as ArrayBuffer;
  const decoders: Decoder[] = [await createZxingWasmDecoder({ wasmBinary }), createZxingLibraryDecoder()];
  const fixtures = loadFixtures();
  const emptySource = readdirSync(join(FIXTURES, FALSE_POSITIVE_SET)).filter((f) => f.endsWith('.png')).sort()[0];
  const emptyFrame = emptySource ? loadRgba(join(FIXTURES, FALSE_POSITIVE_SET, emptySource), { width: 1280, height: 720 }) : null;

  const rows: BenchResult[] = [];
  for (const decoder of decoders) {
    const s = await score(decoder, fixtures);
    const n = decoder.name;
    console.log(`${n}: ${decoder.config}`);
    console.log(`${n}: ${s.failures.length ? s.failures.join(', ') : 'no misses, wrong or false decodes'}`);
    rows.push(
      { name: `${n} configuration`, value: decoder.name === 'zxing-wasm' ? ZXING_WASM_PASSES.length : 1, unit: 'passes', note: decoder.config },
      { name: `${n} correct`, value: (100 * s.correct) / s.withCode, unit: '%', target: '>= 93', note: `${s.correct}/${s.withCode}` },
      { name: `${n} wrong`, value: s.wrong, unit: 'images', note: `of ${s.withCode}` },
      { name: `${n} missed`, value: s.missed, unit: 'images', note: `of ${s.withCode}` },
      { name: `${n} false decodes`, value: s.falseDecodes, unit: 'images', target: '0', note: `${FALSE_POSITIVE_SET}: ${s.noCode} photos` },
      { name: `${n} median per image`, value: s.median, unit: 'ms' },
      { name: `${n} p95 per image`, value: s.p95, unit: 'ms' },
    );
    if (emptyFrame) {
      const value = await emptyFrameMedian(decoder, emptyFrame);
      // The load average says how much the other processes on this machine inflated the timing.
      const note = `${FALSE_POSITIVE_SET}/${emptySource} scaled; load avg ${loadavg()[0]?.toFixed(1)}`;
      rows.push({ name: `${n} 1280x720 no-code frame median`, value, unit: 'ms', target: '<= 25', note });
    }
  }
  return rows;
}
