import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../../electron/backend/logging';
import { EventLog } from '../../electron/backend/events/event-log';
import { QueueHub } from '../../electron/backend/queue/hub';
import { migrate } from '../../electron/backend/storage/migrate';
import { openDatabase } from '../../electron/backend/storage/open-database';
import type { BenchResult } from './lib/bench-result';
import { benchCenter, percentile, startHubProcess, type HubProcess } from './lib/queue-bench-kit';

// Sustained acknowledged queue operations per second through the HTTP API (WAL, synchronous=FULL):
// LANES concurrent keep-alive clients, each a desk running issue → call-next → start → finish
// cycles (4 operations, each answered only after its commit), until OPS operations or the time
// budget. Then the hub's heap (after a full GC) and RSS. For reference, the bare sqlite FULL commit
// rate on this machine: one INSERT per BEGIN IMMEDIATE … COMMIT through the same Database wrapper.

const LANES = 8;
const OPS = 100_000;
const BUDGET_MS = 90_000;

/** Run the bench. */
export default async function run(): Promise<BenchResult[]> {
  const bare = await bareCommitRate(3000);
  const direct = await directHubRate(10_000);
  const hub = await startHubProcess();
  try {
    const cfg = await hub.client.send('POST', '/api/queue/center/configure', hub.admin, benchCenter(LANES));
    if (cfg.status !== 200) throw new Error(`configure failed: ${cfg.status}`);
    const tokens: string[] = [];
    for (let i = 1; i <= LANES; i++) tokens.push(await hub.pair('desk', i));
    const before = await hub.memory();
    const started = performance.now();
    const stats = { ops: 0, failures: 0, latencies: [] as number[] };
    await Promise.all(tokens.map((token, i) => lane(hub, i + 1, token, started, stats)));
    const seconds = (performance.now() - started) / 1000;
    const after = await hub.memory();
    const bareAfter = await bareCommitRate(3000);
    const restartMs = await timeRestart(hub);
    const mib = (b: number): number => Math.round((b / 2 ** 20) * 10) / 10;
    const note = `${stats.ops} ops in ${seconds.toFixed(1)} s, ${LANES} lanes, ${stats.failures} failures, load avg ${loadavg()[0]?.toFixed(1)}`;
    return [
      { name: 'acknowledged ops/s (HTTP, FULL)', value: Math.round(stats.ops / seconds), unit: 'ops/s', target: '≥ 2000', note },
      { name: 'op latency p95', value: percentile(stats.latencies, 95), unit: 'ms' },
      { name: 'bare sqlite FULL commits/s', value: Math.round((bare + bareAfter) / 2), unit: 'commits/s', note: `one INSERT per transaction, same wrapper; before ${Math.round(bare)}, after ${Math.round(bareAfter)}` },
      { name: 'hub ops per bare commit', value: Math.round((stats.ops / seconds / ((bare + bareAfter) / 2)) * 100) / 100, unit: '×', note: 'group commit: > 1 means several commands share an fsync' },
      { name: 'hub.submit ops/s (no HTTP, no auth, no sync feed)', value: Math.round(direct.opsPerSec), unit: 'ops/s', note: `in-process QueueHub on its own database, ${LANES} lanes, ${direct.cpuUsPerOp} µs CPU/op` },
      { name: 'hub CPU per op', value: Math.round((after.cpuUs - before.cpuUs) / stats.ops), unit: 'µs', note: 'user+system time of the hub process / ops: the single-core ceiling is 1e6 / this' },
      { name: 'hub heap after run', value: mib(after.heapUsed), unit: 'MiB', note: `before: ${mib(before.heapUsed)} MiB, after ${stats.ops} ops` },
      { name: 'hub RSS after run', value: mib(after.rss), unit: 'MiB', note: `before: ${mib(before.rss)} MiB` },
      { name: 'restart until ready (replays the day)', value: Math.round(restartMs), unit: 'ms', note: 'process start + migrations + log replay + HTTP listen' },
    ];
  } finally {
    await hub.stop();
  }
}

/** Stop the hub keeping its data, start it again on the same dir and time it until ready. */
async function timeRestart(hub: HubProcess): Promise<number> {
  await hub.stop({ keep: true });
  const t0 = performance.now();
  const again = await startHubProcess(hub.dataDir);
  const ms = performance.now() - t0;
  const center = await again.client.send('GET', '/api/queue/center', again.admin);
  await again.stop();
  if (center.status !== 200) throw new Error(`the restarted hub answered ${center.status}`);
  return ms;
}

async function lane(hub: HubProcess, deskNo: number, token: string, started: number, stats: { ops: number; failures: number; latencies: number[] }): Promise<void> {
  let n = 0;
  // Every request carries a request id, as the screens send them (idempotent retries).
  const timed = async (path: string, tok: string, body: object): Promise<{ status: number; body: { ticket?: { ticketId: string } } }> => {
    const t0 = performance.now();
    const r = await hub.client.send('POST', path, tok, { ...body, requestId: `d${deskNo}-${n++}` });
    if (stats.latencies.length < 200_000) stats.latencies.push(performance.now() - t0);
    if (r.status >= 200 && r.status < 300) stats.ops++;
    else stats.failures++;
    return r;
  };
  while (stats.ops < OPS && performance.now() - started < BUDGET_MS) {
    await timed('/api/queue/tickets', hub.admin, { serviceId: deskNo % 2 === 0 ? 'passport' : 'residence' });
    const called = await timed(`/api/queue/desks/${deskNo}/call-next`, token, {});
    const ticketId = called.body.ticket?.ticketId;
    if (ticketId === undefined) continue;
    await timed(`/api/queue/desks/${deskNo}/start`, token, { ticketId });
    await timed(`/api/queue/desks/${deskNo}/finish`, token, { ticketId });
  }
}

/** The hub alone: QueueHub.submit in this process on a fresh database, the same cycles. */
async function directHubRate(ms: number): Promise<{ opsPerSec: number; cpuUsPerOp: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'varta-bench-hub-'));
  const db = await openDatabase(join(dir, 'hub.sqlite'), { logger: silentLogger() });
  try {
    await migrate(db);
    const events = await EventLog.open(db);
    const hub = await QueueHub.open({ db, events, now: () => new Date(), logger: silentLogger() });
    const cfg = await hub.submit({ type: 'configure', ...benchCenter(LANES) }, 'bench');
    if (!cfg.ok) throw new Error(cfg.error.message);
    let ops = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const laneRun = async (deskNo: number): Promise<void> => {
      while (performance.now() - started < ms) {
        await hub.submit({ type: 'issue_ticket', serviceId: 'passport', requestId: `d${deskNo}-${ops}` }, 'bench');
        const called = await hub.submit({ type: 'call_next', deskNo, requestId: `d${deskNo}-${ops}-c` }, 'bench');
        ops += 2;
        const e = called.ok ? called.events.find((x) => x.type === 'ticket.called') : undefined;
        if (e?.type !== 'ticket.called') continue;
        await hub.submit({ type: 'start', deskNo, ticketId: e.ticketId, requestId: `d${deskNo}-${ops}-s` }, 'bench');
        await hub.submit({ type: 'finish', deskNo, ticketId: e.ticketId, requestId: `d${deskNo}-${ops}-f` }, 'bench');
        ops += 2;
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => laneRun(i + 1)));
    const cpu = process.cpuUsage(cpu0);
    return { opsPerSec: ops / ((performance.now() - started) / 1000), cpuUsPerOp: Math.round((cpu.user + cpu.system) / ops) };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sequential one-row transactions per second with WAL + synchronous=FULL. */
async function bareCommitRate(ms: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'varta-bench-sqlite-'));
  const db = await openDatabase(join(dir, 'bare.sqlite'), { logger: silentLogger() });
  try {
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)');
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < ms) {
      await db.transaction((tx) => tx.run('INSERT INTO t (data) VALUES (?)', ['{"type":"ticket.called","version":2}']));
      n++;
    }
    return n / ((performance.now() - started) / 1000);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
