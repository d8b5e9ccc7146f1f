import { join } from 'node:path';
import pino from 'pino';
import { type ConfigInput } from '../../../contract/config';
import { MemorySecretStore } from '../../../native/secret-store/memory-store';
import type { SecretStorePort } from '../../../native/secret-store/port';
import { EventLog } from '../../../electron/backend/events/event-log';
import { startSimulator, type Simulator } from '../../../electron/backend/portal/simulator/simulator';
import type { Database } from '../../../electron/backend/storage/database';
import { migrate } from '../../../electron/backend/storage/migrate';
import { openDatabase } from '../../../electron/backend/storage/open-database';
import { SyncService } from '../../../electron/backend/sync/sync-service';
import { makeTempDir, testConfig } from '../backend/helpers';

/** A sync service over a real sqlite file, talking real HTTP to a real simulator; clock and randomness injectable. */
export interface SyncRig {
  dir: string;
  db: Database;
  events: EventLog;
  sim: Simulator;
  sync: SyncService;
  secrets: SecretStorePort;
  /** POST to a /sim/ knob. */
  simPost(path: string, body: unknown): Promise<unknown>;
  simGet(path: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface RigOptions {
  now?: () => Date;
  simNow?: () => Date;
  config?: Partial<ConfigInput>;
  secrets?: SecretStorePort;
  dir?: string;
  sim?: Simulator;
}

const silent = pino({ level: 'silent' });

/** Open a rig; the simulator and the temp dir are shared with `options` when given (restarts). */
export async function openRig(options: RigOptions = {}): Promise<SyncRig> {
  const temp = options.dir ? null : await makeTempDir('varta-sync-');
  const dir = options.dir ?? temp?.dir ?? '';
  const db = await openDatabase(join(dir, 'varta.sqlite'), { logger: silent });
  await migrate(db);
  const events = await EventLog.open(db, { now: options.now });
  const sim = options.sim ?? (await startSimulator({ host: '127.0.0.1', port: 0, logger: silent, now: options.simNow ?? options.now }));
  const config = testConfig(dir, { ...options.config, portal: { timeoutMs: 2000, ...options.config?.portal } });
  const secrets = options.secrets ?? new MemorySecretStore();
  const sync = new SyncService({ db, events, config, secrets, baseUrl: sim.url, logger: silent, now: options.now, random: () => 0.5 });
  await sync.init();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sim.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    return response.json() as Promise<unknown>;
  };
  return {
    dir, db, events, sim, sync, secrets,
    simPost: (path, body) => call('POST', path, body),
    simGet: (path) => call('GET', path),
    close: async () => {
      await sync.stop();
      await db.close();
      if (!options.sim) await sim.close();
      await temp?.remove();
    },
  };
}

/** Enqueue `n` valid ratings in one transaction each batch of 1000; returns their idempotency ids. */
export async function enqueueRatings(rig: { db: Database; sync: SyncService }, n: number, prefix = 'r'): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 1000) {
    await rig.db.transaction(async (tx) => {
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const id = `${prefix}-${i}`;
        ids.push(id);
        await rig.sync.enqueue(tx, 'ratings', { ticketId: `t-${i}`, score: 1 + (i % 5), reasons: [] }, { idempotencyId: id });
      }
    });
  }
  return ids;
}

/** Drain until nothing is pending or `maxRounds` passes, advancing nothing (real time); returns rounds used. */
export async function drainAll(sync: SyncService, maxRounds = 50): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    await sync.drainDue();
    if ((await sync.status()).pending === 0) return round;
  }
  return maxRounds;
}
