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

// Sustained acknowledged queue operations per second through the HTTP API (WAL, synchronous=FULL).
// Each client is a desk running issue → call-next → start → finish cycles over keep-alive HTTP
// (4 operations, each answered only after its commit), closed loop: it sends the next request when
// the last one is answered. Two phases on one hub:
//   - 8 clients for LATENCY_PHASE_MS: too few to keep the hub busy (each waits for its answer), so
//     this measures latency, not capacity (batches of ~4 commands per fsync);
//   - 50 clients, as many desks as the call → display bench connects, until OPS operations or the
//     time budget: the hub's sustained capacity, the figure the ≥ 2,000/s target is about.
// Then the hub's heap (after a full GC) and RSS after those operations, and its restart time. For
// reference, the bare sqlite FULL commit rate on this machine (one INSERT per BEGIN IMMEDIATE …
// COMMIT through the same Database wrapper) and the hub without HTTP (QueueHub.submit in process).

const FEW = 8;
const MANY = 50;
const LATENCY_PHASE_MS = 20_000;
const OPS = 100_000;
const BUDGET_MS = 90_000;

/** Run the bench. */
export default async function run(): Promise<BenchResult[]> {
  const bare = await bareCommitRate(3000);
  const direct = await directHubRate(10_000);
  const hub = await startHubProcess();
  try {
    const cfg = await hub.client.send('POST', '/api/queue/center/configure', hub.admin, benchCenter(MANY));
    if (cfg.status !== 200) throw new Error(`configure failed: ${cfg.status}`);
    const tokens: string[] = [];
    for (let i = 1; i <= MANY; i++) tokens.push(await hub.pair('desk', i));
    const few = await phase(hub, tokens.slice(0, FEW), Number.POSITIVE_INFINITY, LATENCY_PHASE_MS);
    const before = await hub.memory();
    const many = await phase(hub, tokens, OPS, BUDGET_MS);
    const after = await hub.memory();
    const bareAfter = await bareCommitRate(3000);
    const restartMs = await timeRestart(hub);
    const bareRate = (bare + bareAfter) / 2;
    const mib = (b: number): number => Math.round((b / 2 ** 20) * 10) / 10;
    const load = `load avg ${loadavg()[0]?.toFixed(1)}`;
    return [
      { name: `acknowledged ops/s, ${MANY} clients (HTTP, FULL)`, value: Math.round(many.perSec), unit: 'ops/s', target: '≥ 2000', note: `${many.note}, ${load}` },
      { name: `op latency p95, ${MANY} clients`, value: many.p95, unit: 'ms', note: `p50 ${many.p50.toFixed(1)} ms` },
      { name: `acknowledged ops/s, ${FEW} clients`, value: Math.round(few.perSec), unit: 'ops/s', note: `${few.note}; latency-bound: each client waits for its answer` },
      { name: `op latency p95, ${FEW} clients`, value: few.p95, unit: 'ms', note: `p50 ${few.p50.toFixed(1)} ms` },
      { name: 'bare sqlite FULL commits/s', value: Math.round(bareRate), unit: 'commits/s', note: `one INSERT per transaction, same wrapper; before ${Math.round(bare)}, after ${Math.round(bareAfter)}` },
      { name: `hub ops per bare commit, ${MANY} clients`, value: Math.round((many.perSec / bareRate) * 100) / 100, unit: '×', note: 'group commit: > 1 means several commands share an fsync' },
      { name: 'hub.submit ops/s (no HTTP, no auth, no sync feed)', value: Math.round(direct.opsPerSec), unit: 'ops/s', note: `in-process QueueHub on its own database, ${FEW} lanes, ${direct.cpuUsPerOp} µs CPU/op, ${direct.perBatch} commands per commit` },
      { name: `hub CPU per op, ${MANY} clients`, value: Math.round((after.cpuUs - before.cpuUs) / many.ops), unit: 'µs', note: 'user+system time of the hub process (all its threads) / ops' },
      { name: 'hub heap after run', value: mib(after.heapUsed), unit: 'MiB', note: `before the ${MANY}-client phase: ${mib(before.heapUsed)} MiB; after ${few.ops + many.ops} ops in all` },
      { name: 'hub RSS after run', value: mib(after.rss), unit: 'MiB', note: `before the ${MANY}-client phase: ${mib(before.rss)} MiB` },
      { name: 'restart until ready (replays the day)', value: Math.round(restartMs), unit: 'ms', note: 'process start + migrations + log replay + HTTP listen' },
    ];
  } finally {
    await hub.stop();
  }
}

interface PhaseResult {
  ops: number;
  perSec: number;
  p50: number;
  p95: number;
  note: string;
}

/** One desk per token (desk numbers 1…n) until `ops` operations in all or `budgetMs`. */
async function phase(hub: HubProcess, tokens: readonly string[], ops: number, budgetMs: number): Promise<PhaseResult> {
  const started = performance.now();
  const stats = { ops: 0, failures: 0, latencies: [] as number[], limit: ops, until: started + budgetMs, tag: `p${tokens.length}` };
  await Promise.all(tokens.map((token, i) => lane(hub, i + 1, token, stats)));
  const seconds = (performance.now() - started) / 1000;
  return {
    ops: stats.ops,
    perSec: stats.ops / seconds,
    p50: percentile(stats.latencies, 50),
    p95: percentile(stats.latencies, 95),
    note: `${stats.ops} ops in ${seconds.toFixed(1)} s, ${stats.failures} failures`,
  };
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

interface LaneStats {
  ops: number;
  failures: number;
  latencies: number[];
  limit: number;
  until: number;
  /** Prefix of the request ids: each phase's are new (the same id again would be a retry). */
  tag: string;
}

async function lane(hub: HubProcess, deskNo: number, token: string, stats: LaneStats): Promise<void> {
  let n = 0;
  // Every request carries a request id, as the screens send them (idempotent retries).
  const timed = async (path: string, tok: string, body: object): Promise<{ status: number; body: { ticket?: { ticketId: string } } }> => {
    const t0 = performance.now();
    const r = await hub.client.send('POST', path, tok, { ...body, requestId: `${stats.tag}-d${deskNo}-${n++}` });
    if (stats.latencies.length < 200_000) stats.latencies.push(performance.now() - t0);
    if (r.status >= 200 && r.status < 300) stats.ops++;
    else stats.failures++;
    return r;
  };
  while (stats.ops < stats.limit && performance.now() < stats.until) {
    await timed('/api/queue/tickets', hub.admin, { serviceId: deskNo % 2 === 0 ? 'passport' : 'residence' });
    const called = await timed(`/api/queue/desks/${deskNo}/call-next`, token, {});
    const ticketId = called.body.ticket?.ticketId;
    if (ticketId === undefined) continue;
    await timed(`/api/queue/desks/${deskNo}/start`, token, { ticketId });
    await timed(`/api/queue/desks/${deskNo}/finish`, token, { ticketId });
  }
}

/** The hub alone: QueueHub.submit in this process on a fresh database, the same cycles. */
async function directHubRate(ms: number): Promise<{ opsPerSec: number; cpuUsPerOp: number; perBatch: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'varta-bench-hub-'));
  const db = await openDatabase(join(dir, 'hub.sqlite'), { logger: silentLogger() });
  try {
    await migrate(db);
    const events = await EventLog.open(db);
    const hub = await QueueHub.open({ db, events, now: () => new Date(), logger: silentLogger() });
    const cfg = await hub.submit({ type: 'configure', ...benchCenter(FEW) }, 'bench');
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
    await Promise.all(Array.from({ length: FEW }, (_, i) => laneRun(i + 1)));
    const cpu = process.cpuUsage(cpu0);
    return {
      opsPerSec: ops / ((performance.now() - started) / 1000),
      cpuUsPerOp: Math.round((cpu.user + cpu.system) / ops),
      perBatch: (hub.stats.commands / hub.stats.transactions).toFixed(1),
    };
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
