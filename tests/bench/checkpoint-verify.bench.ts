import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConfigSchema } from '../../contract/config';
import { startBackend, type Backend } from '../../electron/backend/app';
import type { CheckTimings } from '../../electron/backend/verification/checkpoint-service';
import type { BenchResult } from './lib/bench-result';

/*
 * Scan -> verdict through the backend against the simulator (training mode, no injected
 * latency): 1,000 timed checks of freshly issued codes (issued beforehand, outside the timing),
 * p50/p95 of the whole POST /api/checkpoint/verify and of Varta's own time (the request minus
 * the time the service waited for the portal, measured inside the service). Then memory after
 * warm-up and after 10,000 more checks. The simulator runs in the same process, so its memory
 * is part of the figures: its clock jumps between batches so it prunes spent codes.
 */

const WARM_UP = 500;
const TIMED = 1000;
const SOAK = 10_000;
const BATCH = 500;
const HOLDERS = ['h01', 'h02', 'h03', 'h04', 'h05', 'h10'];
let simOffsetMs = 0;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const sortAsc = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

function gcNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

async function issueCodes(sim: string, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i += 1) codes.push(((await post(sim, '/sim/eid/issue', { holderId: HOLDERS[i % HOLDERS.length] })) as { qr: string }).qr);
  return codes;
}

/** Runs `codes` through the checkpoint; returns per-check request ms and the service's timings. */
async function runChecks(b: Backend, token: string, codes: string[]): Promise<{ requestMs: number[]; timings: CheckTimings[] }> {
  const requestMs: number[] = [];
  const timings: CheckTimings[] = [];
  b.context.checkpoint.onTimings = (t) => timings.push(t);
  for (const input of codes) {
    const started = performance.now();
    const answer = (await post(b.url, '/api/checkpoint/verify', { input, source: 'camera' }, token)) as { verdict: string };
    requestMs.push(performance.now() - started);
    if (answer.verdict !== 'valid') throw new Error(`unexpected verdict ${answer.verdict}`);
  }
  b.context.checkpoint.onTimings = null;
  return { requestMs, timings };
}

/** Checks in batches; between batches the simulator's clock jumps 20 min so it prunes its spent codes (its memory is not Varta's). */
async function soak(b: Backend, token: string, sim: string, n: number): Promise<void> {
  for (let done = 0; done < n; done += BATCH) {
    simOffsetMs += 20 * 60_000;
    await post(sim, '/sim/clock', { offsetMs: simOffsetMs });
    await runChecks(b, token, await issueCodes(sim, Math.min(BATCH, n - done)));
  }
}

const memory = () => {
  gcNow();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
};

/** The checkpoint verification benchmark. */
export default async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'varta-bench-checkpoint-'));
  const config = ConfigSchema.parse({ dataDir: dir, server: { port: 0 }, portal: { healthIntervalMs: 3_600_000 }, log: { level: 'info' } });
  const b = await startBackend(config, { console: null, rendererDir: null });
  try {
    const sim = b.simulatorUrl ?? '';
    const claimed = (await post(b.url, '/api/pair/claim', { code: new URL(b.pairingLink).searchParams.get('code') })) as { token: string };
    const token = claimed.token;
    await soak(b, token, sim, WARM_UP);

    const codes = await issueCodes(sim, TIMED);
    const { requestMs, timings } = await runChecks(b, token, codes);
    const portalMs = timings.map((t) => t.portalMs);
    const ownMs = requestMs.map((ms, i) => ms - (portalMs[i] ?? 0));
    const [req, portal, own] = [sortAsc(requestMs), sortAsc(portalMs), sortAsc(ownMs)];

    const before = memory();
    await soak(b, token, sim, SOAK / 2);
    const half = memory();
    await soak(b, token, sim, SOAK / 2);
    const after = memory();
    const simCodes = ((await (await fetch(`${sim}/sim/eid/stats`)).json()) as { codes: number }).codes;
    const guard = b.context.checkpoint.replayMemorySize();
    const note = `one process with the simulator (${simCodes} codes held) and the bench client`;
    return [
      { name: 'request p50 (1,000 checks)', value: quantile(req, 0.5), unit: 'ms', note: 'POST /api/checkpoint/verify, loopback, fresh QR codes' },
      { name: 'request p95', value: quantile(req, 0.95), unit: 'ms' },
      { name: 'portal (simulator) p50', value: quantile(portal, 0.5), unit: 'ms', note: 'time the service waited for the portal' },
      { name: 'portal (simulator) p95', value: quantile(portal, 0.95), unit: 'ms' },
      { name: 'Varta own time p50', value: quantile(own, 0.5), unit: 'ms', note: 'request minus portal wait' },
      { name: 'Varta own time p95', value: quantile(own, 0.95), unit: 'ms', target: '<= 20 ms' },
      { name: `RSS after warm-up (${WARM_UP + TIMED} checks)`, value: before.rss, unit: 'MiB' },
      { name: `RSS after ${SOAK.toLocaleString('en')} more checks`, value: after.rss, unit: 'MiB', note },
      { name: 'RSS growth', value: after.rss - before.rss, unit: 'MiB', target: 'no growth' },
      { name: `heapUsed after warm-up`, value: before.heap, unit: 'MiB' },
      { name: `heapUsed after ${SOAK.toLocaleString('en')} more checks`, value: after.heap, unit: 'MiB' },
      { name: 'heapUsed growth', value: after.heap - before.heap, unit: 'MiB', target: 'no growth', note: `replay guard at its bound: ${guard} of 10,000 HMACs` },
      { name: 'heapUsed growth, first 5,000', value: half.heap - before.heap, unit: 'MiB' },
      { name: 'heapUsed growth, second 5,000', value: after.heap - half.heap, unit: 'MiB', note: 'a plateau shows as ~0 here' },
      { name: 'RSS growth, second 5,000', value: after.rss - half.rss, unit: 'MiB' },
    ];
  } finally {
    await b.close();
    await rm(dir, { recursive: true, force: true });
  }
}
