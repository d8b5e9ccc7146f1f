import { DEMO_ENROLLMENT_CODES } from '../../contract/sync';
import type { Database } from '../../electron/backend/storage/database';
import { openRig } from '../integration/sync/rig';
import type { BenchResult } from './lib/bench-result';

// Portal sync: drain 100,000 queued items to the simulator over loopback HTTP (batches of 500,
// one UPDATE per acknowledged batch), and the cost of the outbox insert on a queue-like
// transaction (an event append, with and without the outbox item in the same transaction).

const ITEMS = 100_000;
const OPS = 2000;

async function fillOutbox(db: Database, n: number): Promise<void> {
  const at = new Date().toISOString();
  for (let start = 0; start < n; start += 5000) {
    await db.transaction(async (tx) => {
      for (let chunk = start; chunk < Math.min(n, start + 5000); chunk += 500) {
        const rows = Array.from({ length: Math.min(500, n - chunk) }, (_, k) => chunk + k);
        const params = rows.flatMap((i) => ['ratings', `b-${i}`, JSON.stringify({ occurredAt: at, data: { ticketId: `t-${i}`, score: 1 + (i % 5), reasons: [] } }), at]);
        await tx.run(`INSERT INTO outbox (stream, idempotency_id, payload, created_at) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(',')}`, params);
      }
    });
  }
}

async function drainBench(): Promise<BenchResult[]> {
  const rig = await openRig({ config: { sync: { batchSize: 500 } } });
  try {
    await rig.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
    await fillOutbox(rig.db, ITEMS);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 20);
    const started = performance.now();
    let delivered = 0;
    while (delivered < ITEMS) {
      const round = await rig.sync.drainDue();
      if (round.delivered === 0) throw new Error('the drain stalled');
      delivered += round.delivered;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const received = (await rig.simGet('/sim/sync')) as { received: { ratings: number } };
    const note = `${received.received.ratings} received by the simulator; batches of 500`;
    return [
      { name: 'sync: drain 100k items to the simulator', value: Math.round(ITEMS / seconds), unit: 'items/s', target: '≥ 5000', note },
      { name: 'sync: time to empty 100k', value: Number(seconds.toFixed(2)), unit: 's' },
      { name: 'sync: peak heap while draining', value: Math.round(peakHeap / 2 ** 20), unit: 'MiB', note: `RSS before ${Math.round(rssBefore / 2 ** 20)} MiB, after ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB` },
    ];
  } finally {
    await rig.close();
  }
}

async function opsPerSecond(withOutbox: boolean): Promise<number> {
  const rig = await openRig();
  try {
    const started = performance.now();
    for (let i = 0; i < OPS; i++) {
      await rig.db.transaction(async (tx) => {
        const at = new Date().toISOString();
        await rig.events.append('visit.rated', { type: 'visit.rated', at, ticketId: `t-${i}`, version: 4, score: 5, reasons: [] }, tx);
        if (withOutbox) await rig.sync.enqueue(tx, 'ratings', { ticketId: `t-${i}`, score: 5, reasons: [] }, { occurredAt: at });
      });
    }
    return Math.round(OPS / ((performance.now() - started) / 1000));
  } finally {
    await rig.close();
  }
}

/** The sync benchmarks. */
export default async function run(): Promise<BenchResult[]> {
  const results = await drainBench();
  // Alternate the two, three rounds each, and keep each one's best: fsync times on a shared disk vary.
  let without = 0;
  let withOutbox = 0;
  for (let round = 0; round < 3; round++) {
    withOutbox = Math.max(withOutbox, await opsPerSecond(true));
    without = Math.max(without, await opsPerSecond(false));
  }
  results.push(
    { name: 'sync: queue transaction without outbox insert', value: without, unit: 'ops/s', note: 'event append, BEGIN IMMEDIATE…COMMIT, synchronous=FULL' },
    { name: 'sync: queue transaction with outbox insert', value: withOutbox, unit: 'ops/s', note: `${Math.round((withOutbox / without - 1) * 100)} % vs without (fsync per commit dominates both)` },
  );
  return results;
}
