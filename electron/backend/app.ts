import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Config } from '../../contract/config';
import { AuthService } from './auth/auth-service';
import type { BackendContext } from './context';
import { acquireInstanceLock } from './data-dir/instance-lock';
import { prepareDataDir } from './data-dir/data-dir';
import { ConfigError } from './errors';
import { EventLog } from './events/event-log';
import { SYSTEM_STARTED } from './events/event-types';
import { createLogging, type Logging } from './logging/logger';
import { PortalClient } from './portal/client';
import { PortalMonitor } from './portal/monitor';
import { startSimulator } from './portal/simulator/simulator';
import { buildServer } from './server/build-server';
import { listen, publicBaseUrl } from './server/listen';
import { pairingLink } from './server/routes/pairing';
import type { RouteRegistrar } from './server/routes/types';
import { migrate } from './storage/migrate';
import { QueueService, type QueueServiceOptions } from './queue/queue-service';
import { openDatabase } from './storage/open-database';
import { createScannerService } from './scanners/create-scanner-service';
import { createSyncService, syncCredentials } from './sync/create-sync';
import type { SecretStorePort } from '../../native/secret-store/port';
import { VERSION } from './version';
import { createCheckpointService } from './verification/create-checkpoint';

/** Knobs of startBackend beyond the configuration; all optional. */
export interface BackendOptions {
  /** Built renderer folder (default `<cwd>/out/renderer`); null = never serve one. */
  rendererDir?: string | null;
  /** Per-launch token of the Electron shell, registered with the machine's role and deskNo. */
  sessionToken?: string;
  /** Where warnings and above are echoed (default stdout); null = only the log file. */
  console?: Writable | null;
  /** How long a WebSocket client has to send its hello (default 5000 ms). */
  helloTimeoutMs?: number;
  /** Limit of POST /api/pair/claim per client (default 10 per minute). */
  claimRateLimit?: { max: number; timeWindowMs: number };
  /** The URL printed and put into pairing links (default from host and bound port). */
  publicUrl?: string;
  now?: () => Date;
  /** Randomness of simulated portal errors. */
  simulatorRandom?: () => number;
  /** More route modules registered after the built-in ones. */
  extraRoutes?: readonly RouteRegistrar[];
  /** Where the portal device secret is kept (default: the OS keychain, or the developer file store). */
  secretStore?: SecretStorePort;
  /** Queue hub tunables (timer period, terminal rate, center id). */
  queue?: QueueServiceOptions;
}

/** A running backend. */
export interface Backend {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:8470. */
  url: string;
  /** `<url>/pair?code=<admin code>`: the one-time admin link printed at start. */
  pairingLink: string;
  /** The portal simulator's URL in training mode, else null. */
  simulatorUrl: string | null;
  config: Config;
  context: BackendContext;
  /** Stop everything in reverse order of start; safe to call twice. */
  close(): Promise<void>;
}

type Closer = () => Promise<void>;

/** Start a backend for `config`: lock, logs, database, simulator (training), portal monitor, HTTP server. */
export async function startBackend(config: Config, options: BackendOptions = {}): Promise<Backend> {
  if (options.sessionToken !== undefined && options.sessionToken.length < 32) {
    throw new ConfigError('VARTA_SESSION_TOKEN must be at least 32 characters long.');
  }
  const closers: Closer[] = [];
  try {
    return await assemble(config, options, closers);
  } catch (error) {
    await runClosers(closers);
    throw error;
  }
}

async function assemble(config: Config, options: BackendOptions, closers: Closer[]): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const { logging, db, events, auth } = await openStore(config, options, now, closers);
  const log = logging.createLogger('backend');
  const portal = await startPortal(config, options, { events, logging, now }, closers);

  const sync = createSyncService({ config, db, events, baseUrl: portal.simulatorUrl ?? config.portal.baseUrl ?? '', now, createLogger: logging.createLogger, version: VERSION, secrets: options.secretStore });
  closers.push(() => sync.stop());
  const scanners = createScannerService(config, { events, now, createLogger: logging.createLogger });
  closers.push(() => scanners.close());
  const checkpoint = await createCheckpointService({
    config, db, events, http: portal.client.http, now, createLogger: logging.createLogger,
    credentials: (fallback) => syncCredentials(sync, fallback), // the machine's one enrollment (issue 5)
  });
  closers.push(async () => checkpoint.stop());
  const queue = await QueueService.open(
    { db, events, now, createLogger: logging.createLogger, portal: portal.client, mode: config.mode, writeWithEvents: sync.queueHubWrites() },
    options.queue,
  );
  await queue.start();
  closers.push(() => queue.stop());
  let url = options.publicUrl ?? '';
  const context: BackendContext = {
    config,
    version: VERSION,
    startedAt: now(),
    now,
    db,
    events,
    auth,
    portal: { client: portal.client, monitor: portal.monitor },
    createLogger: logging.createLogger,
    checkpoint,
    scanners,
    queue,
    sync,
    publicUrl: () => url,
  };
  const app = await buildServer(context, {
    rendererDir: options.rendererDir === undefined ? resolve(process.cwd(), 'out', 'renderer') : options.rendererDir,
    helloTimeoutMs: options.helloTimeoutMs ?? 5000,
    claimRateLimit: options.claimRateLimit ?? { max: 10, timeWindowMs: 60_000 },
    extraRoutes: options.extraRoutes ?? [],
  });
  closers.push(() => app.close());
  const port = await listen(app, config.server.host, config.server.port);
  url = options.publicUrl ?? publicBaseUrl(config.server.host, port);

  const startup = await auth.createStartupCode();
  if (options.sessionToken) {
    await auth.registerSessionToken(options.sessionToken, { role: config.role, deskNo: config.deskNo });
  }
  await events.append(SYSTEM_STARTED, { version: VERSION, mode: config.mode, role: config.role, deskNo: config.deskNo ?? null });
  portal.monitor.start();
  await scanners.start();
  sync.onDatasetPulled((name) => (name === 'center' ? undefined : queue.pullCenter().then(() => undefined)));
  await sync.start();
  closers.push(() => portal.monitor.stop());
  log.info({ url, simulatorUrl: portal.simulatorUrl, dataDir: config.dataDir, mode: config.mode }, 'Varta backend started');

  let closing: Promise<void> | null = null;
  return {
    url,
    pairingLink: pairingLink(url, startup.code),
    simulatorUrl: portal.simulatorUrl,
    config,
    context,
    close: () => {
      closing ??= (async () => {
        log.info('Varta backend stopping');
        await runClosers(closers);
      })();
      return closing;
    },
  };
}

/** Data dir, instance lock, log sink, database (migrated), event log and auth, in that order. */
async function openStore(config: Config, options: BackendOptions, now: () => Date, closers: Closer[]) {
  await prepareDataDir(config.dataDir);
  const lock = await acquireInstanceLock(config.dataDir);
  closers.push(() => lock.release());
  const logging = await createLogging({
    dir: join(config.dataDir, 'logs'),
    level: config.log.level,
    maxFileMb: config.log.maxFileMb,
    keepFiles: config.log.keepFiles,
    console: options.console,
  });
  closers.push(() => logging.close());
  const log = logging.createLogger('backend');
  const db = await openDatabase(join(config.dataDir, 'varta.sqlite'), { logger: logging.createLogger('storage') });
  closers.push(() => db.close());
  await migrate(db, undefined, now);
  const events = await EventLog.open(db, {
    now,
    onListenerError: (error, event) => log.error({ err: error, seq: event.seq }, 'an event listener failed'),
  });
  return { logging, db, events, auth: new AuthService(db, events, { now }) };
}

/** The simulator (training mode only), the portal client and its monitor (not yet started). */
async function startPortal(
  config: Config,
  options: BackendOptions,
  deps: { events: EventLog; logging: Logging; now: () => Date },
  closers: Closer[],
): Promise<{ simulatorUrl: string | null; client: PortalClient; monitor: PortalMonitor }> {
  let simulatorUrl: string | null = null;
  if (config.mode === 'training') {
    const simulator = await startSimulator({
      ...config.simulator,
      logger: deps.logging.createLogger('simulator'),
      now: deps.now,
      random: options.simulatorRandom,
    });
    closers.push(() => simulator.close());
    simulatorUrl = simulator.url;
  }
  // The schema guarantees baseUrl in production mode.
  const baseUrl = simulatorUrl ?? config.portal.baseUrl ?? '';
  // The real portal gets the same CA file / pin as portal sync; the loopback simulator needs none.
  const pinning = simulatorUrl === undefined ? { caFile: config.portal.caFile, pinSha256: config.portal.pinSha256 } : {};
  const client = new PortalClient({ baseUrl, timeoutMs: config.portal.timeoutMs, ...pinning });
  const monitor = new PortalMonitor({
    client,
    events: deps.events,
    mode: config.mode,
    baseUrl,
    intervalMs: config.portal.healthIntervalMs,
    logger: deps.logging.createLogger('portal'),
    now: deps.now,
  });
  return { simulatorUrl, client, monitor };
}

async function runClosers(closers: Closer[]): Promise<void> {
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch {
      // Keep closing the rest: a failed close must not keep the lock or the database open.
    }
  }
  closers.length = 0;
}
