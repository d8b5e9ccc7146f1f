import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import { startSimulator, type Simulator } from '../../../electron/backend/portal/simulator/simulator';
import { openDatabase } from '../../../electron/backend/storage/open-database';
import { enqueueOutbox } from '../../../electron/backend/sync/outbox-repository';
import { claim, codeOf, makeTempDir } from '../backend/helpers';

// kill -9 of the real backend process (out/main/backend.js) at random moments while its outbox
// drains to an external simulator, 30 times; then a last run drains the rest. Every item that was
// committed to the outbox must be in the portal exactly once in effect (distinct ids = N).

const ROOT = resolve(import.meta.dirname, '../../..');
const BACKEND = join(ROOT, 'out/main/backend.js');
const N = 10_000;
const KILLS = 30;
const silent = pino({ level: 'silent' });

function ensureBuilt(): void {
  if (existsSync(BACKEND) && readFileSync(BACKEND, 'utf8').includes('verification-counters')) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

function spawnBackend(dataDir: string): { child: ChildProcess; ready: Promise<string>; output: string[] } {
  const child = spawn(process.execPath, [BACKEND, '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const ready = new Promise<string>((resolveLink, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /^Varta ready: (\S+)$/.exec(line);
      if (match?.[1]) resolveLink(match[1]);
    });
    child.once('exit', (code, signal) => reject(new Error(`backend exited (${code ?? signal}) before ready:\n${output.join('\n')}`)));
  });
  return { child, ready, output };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function pendingIn(dataDir: string): Promise<number> {
  const db = await openDatabase(join(dataDir, 'varta.sqlite'), { logger: silent });
  const row = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'");
  await db.close();
  return row?.n ?? -1;
}

let sim: Simulator;
let temp: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  ensureBuilt();
  sim = await startSimulator({ host: '127.0.0.1', port: 0, logger: silent });
  temp = await makeTempDir('varta-kill9-');
  const config = { mode: 'production', portal: { baseUrl: sim.url, healthIntervalMs: 3_600_000 }, sync: { insecureFileSecrets: true, batchSize: 50, backoffBaseMs: 20, backoffMaxMs: 200 } };
  await writeFile(join(temp.dir, 'config.json'), JSON.stringify(config));
}, 120_000);
afterAll(async () => {
  await sim?.close();
  await temp?.remove();
});

describe('kill -9 while the outbox drains', () => {
  it(`delivers every acknowledged item exactly once in effect after ${KILLS} kills`, { timeout: 120_000 }, async () => {
    // Run 1: enroll over the Hub API, then stop cleanly.
    const first = spawnBackend(temp.dir);
    const link = await first.ready;
    expect(first.output.join('\n')).toMatch(/device secrets are stored in a plain file/);
    const token = await claim(new URL(link).origin, codeOf(link));
    const enrolled = await fetch(`${new URL(link).origin}/api/sync/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ enrollmentCode: DEMO_ENROLLMENT_CODES[0] }),
    });
    expect(enrolled.status).toBe(200);
    first.child.kill('SIGTERM');
    await exited(first.child);

    // N items committed to the outbox (acknowledged) while the backend is down.
    const db = await openDatabase(join(temp.dir, 'varta.sqlite'), { logger: silent });
    await db.transaction(async (tx) => {
      for (let i = 0; i < N; i++) {
        await enqueueOutbox(tx, { stream: 'ratings', occurredAt: new Date().toISOString(), data: { ticketId: `t-${i}`, score: 1 + (i % 5), reasons: [] }, idempotencyId: `k-${i}` }, new Date(), () => '');
      }
    });
    await db.close();

    let kills = 0;
    for (; kills < KILLS; kills++) {
      const run = spawnBackend(temp.dir);
      await run.ready;
      expect(run.output.join('\n')).toMatch(/device secrets are stored in a plain file/); // warned at every start
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 150))); // a random moment of the drain
      run.child.kill('SIGKILL');
      await exited(run.child);
      if ((await pendingIn(temp.dir)) === 0) break;
    }

    // A last run drains what is left; wait for the named condition (no pending items).
    const last = spawnBackend(temp.dir);
    await last.ready;
    const deadline = Date.now() + 60_000;
    let state = (await (await fetch(`${sim.url}/sim/sync`)).json()) as { received: { ratings: number }; duplicates: number };
    while (state.received.ratings < N && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await (await fetch(`${sim.url}/sim/sync`)).json()) as typeof state;
    }
    last.child.kill('SIGTERM');
    await exited(last.child);

    const ids = ((await (await fetch(`${sim.url}/sim/sync/ids?stream=ratings`)).json()) as { ids: string[] }).ids;
    expect(new Set(ids).size).toBe(N);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: N }, (_, i) => `k-${i}`)));
    expect(await pendingIn(temp.dir)).toBe(0);
    console.info(`kill -9: ${kills} kills, ${state.duplicates} duplicate deliveries recognised by idempotency ids`);
    expect(kills).toBeGreaterThanOrEqual(10); // the drain was really interrupted many times
  });
});
