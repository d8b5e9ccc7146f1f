import { randomUUID } from 'node:crypto';
import { SYNC_STREAMS, SYNC_STATUS_CHANGED, type SyncStatus, type SyncStream } from '../../../contract/sync';
import type { Config } from '../../../contract/config';
import type { SecretStorePort } from '../../../native/secret-store/port';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logging/logger';
import type { WriteWithEvents } from '../queue/hub';
import type { Database, Queryable } from '../storage/database';
import { deliverHead, type DeliveryDeps } from './delivery';
import { Enrollment, NotEnrolledError } from './enrollment';
import { ensureInstallId, EventFeed } from './event-feed';
import { enqueueOutbox, listQuarantined, outboxCounts, purgeDelivered, requeueQuarantined } from './outbox-repository';
import { PortalApi } from './portal-api';
import { createPortalHttp, PortalCallError } from '../portal/portal-http';
import { type DatasetListener, pullAll, type PullDeps } from './pull';
import { readState, writeState } from './state-repository';
import { readSyncStatus, statusFingerprint } from './sync-status';

export interface SyncServiceOptions {
  db: Database;
  events: EventLog;
  config: Config;
  secrets: SecretStorePort;
  /** The portal (or the simulator in training mode). */
  baseUrl: string;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
  version?: string;
  /** How often to look at the outbox when nothing told us to (ms). */
  idlePollMs?: number;
}

/** Delivered items deleted per statement: each chunk holds the connection only briefly. */
const PURGE_CHUNK = 2000;

/** How long new outbox items wait for company before a delivery round starts. */
const NUDGE_DELAY_MS = 200;

/** Portal sync: enrollment, pulls, the outbox delivery loop, heartbeats and the status. */
export class SyncService {
  readonly enrollment: Enrollment;
  private readonly api: PortalApi;
  /** Where the device secret lives (the OS keychain unless the developer flag says otherwise). */
  readonly secrets: SecretStorePort;
  private readonly now: () => Date;
  private readonly feed: EventFeed;
  private readonly listeners: DatasetListener[] = [];
  private installId = '';
  private lastError: string | null = null;
  private reachable: boolean | null = null;
  private lastFingerprint = '';
  private timers: NodeJS.Timeout[] = [];
  private wakeTimer: NodeJS.Timeout | null = null;
  private nudgeTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.secrets = options.secrets;
    const http = createPortalHttp({ baseUrl: options.baseUrl, timeoutMs: options.config.portal.timeoutMs, caFile: options.config.portal.caFile, pinSha256: options.config.portal.pinSha256 });
    this.api = new PortalApi(http, options.config.portal.timeoutMs);
    this.enrollment = new Enrollment(options.db, options.secrets, this.api, () => this.now().getTime());
    this.feed = new EventFeed(options.db, options.events, () => this.installId, this.now);
  }

  /** Load state, catch up the feed, start the delivery loop, pulls and heartbeats. */
  async start(): Promise<void> {
    await this.init();
    this.lastFingerprint = statusFingerprint(await this.status()); // no event for the state we start in
    this.stopped = false;
    this.unsubscribe = this.options.events.subscribe((event) => {
      if (event.type.startsWith('sync.')) return;
      if (this.feed.enqueuedAtCommit(event.type)) this.nudge(); // already in the outbox
      else void this.feed.catchUp().then(() => this.nudge());
    });
    await this.feed.catchUp();
    const sync = this.options.config.sync;
    this.every(sync.pullIntervalMs, () => this.pullNow().catch(() => undefined));
    this.every(sync.heartbeatIntervalMs, () => this.sendHeartbeat().catch(() => undefined));
    // Every minute: close finished hours of verification counts, re-read the log in case a feed run
    // failed, and forget items the portal has had for keepDeliveredDays.
    this.every(60_000, () => this.feed.catchUp().then(() => this.feed.flushClosedHours()).then(() => this.kick()).then(() => this.purgeDelivered()));
    void this.renewTrainingEnrollment()
      .catch(() => undefined)
      .then(() => {
        this.kick();
        return this.pullNow();
      })
      .catch(() => undefined);
  }

  // The training simulator keeps its devices in memory, so after a restart it no longer knows this
  // machine; re-enroll silently with the demo code used before (training mode only).
  private async renewTrainingEnrollment(): Promise<void> {
    if (this.options.config.mode !== 'training') return;
    const code = await readState(this.options.db, 'trainingCode');
    if (code === null || (await this.enrollment.describe()).deviceId === null) return;
    try {
      await this.enrollment.getPortalToken();
    } catch (error) {
      if (error instanceof NotEnrolledError && error.state === 'revoked') await this.enroll(code);
    }
  }

  /** Prepare the install id without starting loops (tests drive drainDue themselves). */
  async init(): Promise<void> {
    this.installId = await ensureInstallId(this.options.db, randomUUID);
  }

  /** Stop every timer and wait for a running drain. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const t of this.timers) clearInterval(t);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.nudgeTimer) clearTimeout(this.nudgeTimer);
    await this.draining?.catch(() => undefined);
  }

  /** Write an outbox item in `tx`, the transaction of the change that caused it; then wake the loop after commit. */
  async enqueue(tx: Queryable & { onCommit?: (fn: () => void) => void }, stream: SyncStream, data: Record<string, unknown>, meta: { occurredAt?: string; idempotencyId?: string } = {}): Promise<boolean> {
    const added = await enqueueOutbox(tx, { stream, data, occurredAt: meta.occurredAt ?? this.now().toISOString(), idempotencyId: meta.idempotencyId }, this.now(), () => `${this.installId}:${randomUUID()}`);
    tx.onCommit?.(() => this.kick());
    return added;
  }

  /** A valid portal session token for other areas (the checkpoint's verify calls). Throws NotEnrolledError / PortalCallError. */
  getPortalToken(): Promise<string> {
    return this.enrollment.getPortalToken();
  }

  /** Hear about pulled data sets that changed (the queue hub applies services and bookings). */
  onDatasetPulled(listener: DatasetListener): void {
    this.listeners.push(listener);
  }

  /** Enroll this machine with an enrollment code. */
  async enroll(enrollmentCode: string, deviceName?: string): Promise<{ deviceId: string; centerId: string }> {
    const name = deviceName ?? this.options.config.sync.deviceName ?? `Varta ${this.options.config.role}`;
    try {
      const result = await this.enrollment.enroll(enrollmentCode, name, this.options.config.role);
      await writeState(this.options.db, 'trainingCode', this.options.config.mode === 'training' ? enrollmentCode : null);
      this.noteSuccess();
      return result;
    } finally {
      await this.emitIfChanged();
      this.kick();
      if (!this.stopped) void this.pullNow().catch(() => undefined);
    }
  }

  /** Forget the enrollment (the outbox keeps its items for the next enrollment). */
  async unenroll(): Promise<void> {
    await this.enrollment.unenroll();
    await writeState(this.options.db, 'trainingCode', null);
    await this.emitIfChanged();
  }

  /** Pull every data set now. */
  async pullNow(): Promise<string[]> {
    const sync = this.options.config.sync;
    const deps: PullDeps = { db: this.options.db, api: this.api, enrollment: this.enrollment, nowMs: () => this.now().getTime(), bookingsDaysAhead: sync.bookingsDaysAhead, staleAfterS: sync.staleAfterS };
    try {
      const changed = await pullAll(deps, this.listeners);
      this.noteSuccess();
      return changed;
    } catch (error) {
      this.noteError(error);
      throw error;
    } finally {
      await this.emitIfChanged();
    }
  }

  /** Deliver everything that is due now; returns how many items went and when to look again. */
  async drainDue(): Promise<{ delivered: number; nextWakeMs: number | null }> {
    let delivered = 0;
    let nextWakeMs: number | null = null;
    try {
      const { centerId } = await this.enrollment.identity();
      const results = await Promise.all(SYNC_STREAMS.map((stream) => this.drainStream(stream, centerId)));
      for (const r of results) {
        delivered += r.delivered;
        if (r.untilMs !== null) nextWakeMs = Math.min(nextWakeMs ?? Infinity, r.untilMs);
      }
    } catch (error) {
      // Not enrolled / revoked is shown by the enrollment state, not as a delivery error.
      if (!(error instanceof NotEnrolledError)) throw error;
    }
    await this.emitIfChanged();
    return { delivered, nextWakeMs };
  }

  /**
   * What the queue hub writes with its events: their outbox items, in the hub's own transactions
   * (atomic with the change, no second commit). Give it to the hub before the hub takes commands;
   * from then on the log read leaves the hub's events alone.
   */
  queueHubWrites(): WriteWithEvents {
    this.feed.queueHubFeeds();
    return (events) => this.feed.itemsSql(events);
  }

  /**
   * New items: deliver soon, not at once. A busy center commits hundreds of events a second; one
   * delivery round per NUDGE_DELAY_MS sends them in a few large batches instead of competing with
   * the queue for the database on every event.
   */
  private nudge(): void {
    if (this.stopped || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = null;
      this.kick();
    }, NUDGE_DELAY_MS);
    this.nudgeTimer.unref?.();
  }

  /** Ask the delivery loop to run now (coalesced). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.draining = this.loop().finally(() => {
      this.draining = null;
    });
  }

  /** The whole status, in words where it matters. */
  async status(): Promise<SyncStatus> {
    const { db, config, secrets } = this.options;
    return readSyncStatus({ db, config, secretStore: secrets.kind, enrollment: this.enrollment, nowMs: this.now().getTime(), reachable: this.reachable, lastError: this.lastError });
  }

  /** Send every quarantined item again (the admin's "retry"); returns how many went back in line. */
  async retryQuarantined(): Promise<number> {
    const count = await requeueQuarantined(this.options.db);
    await this.emitIfChanged();
    this.kick();
    return count;
  }

  /** Quarantined items for the admin screen. */
  quarantined(): ReturnType<typeof listQuarantined> {
    return listQuarantined(this.options.db);
  }

  /** Send one heartbeat (when enrolled). */
  async sendHeartbeat(): Promise<void> {
    const { deviceId } = await this.enrollment.identity();
    const counts = await outboxCounts(this.options.db);
    const body = { at: this.now().toISOString(), version: this.options.version ?? '0.0.0', mode: this.options.config.mode, pending: counts.pending };
    try {
      await this.api.heartbeat(deviceId, await this.enrollment.getPortalToken(), body);
      this.noteSuccess();
    } catch (error) {
      this.noteError(error);
    } finally {
      await this.emitIfChanged();
    }
  }

  /** Turn closed hours of verification counts into outbox items (also runs every minute). */
  flushCounters(): Promise<number> {
    return this.feed.flushClosedHours();
  }

  /** Delete delivered items older than sync.keepDeliveredDays, a chunk at a time (also runs every minute). */
  async purgeDelivered(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.options.config.sync.keepDeliveredDays * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await purgeDelivered(this.options.db, cutoff, PURGE_CHUNK);
      total += n;
      if (n < PURGE_CHUNK) return total;
    }
  }

  /** Catch the feed up with the event log (also runs on every committed event). */
  catchUpFeed(): Promise<void> {
    return this.feed.catchUp();
  }

  private async drainStream(stream: SyncStream, centerId: string): Promise<{ delivered: number; untilMs: number | null }> {
    const sync = this.options.config.sync;
    const deps: DeliveryDeps = { db: this.options.db, api: this.api, enrollment: this.enrollment, batchSize: sync.batchSize, backoff: { baseMs: sync.backoffBaseMs, maxMs: sync.backoffMaxMs }, nowMs: () => this.now().getTime(), random: this.options.random ?? Math.random };
    let delivered = 0;
    for (;;) {
      const step = await deliverHead(deps, stream, centerId);
      if (step.kind === 'empty') return { delivered, untilMs: null };
      if (step.kind === 'waiting') return { delivered, untilMs: step.untilMs };
      if (step.kind === 'failed') {
        this.noteError(step.error);
        return { delivered, untilMs: step.untilMs };
      }
      delivered += step.delivered;
      if (step.delivered > 0) this.noteSuccess();
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const { nextWakeMs } = await this.drainDue();
        if (!this.again && !this.stopped) this.scheduleWake(nextWakeMs);
      } catch (error) {
        this.options.logger.error({ err: error }, 'the outbox delivery loop failed');
        this.scheduleWake(null);
      }
    } while (this.again && !this.stopped);
  }

  private scheduleWake(atMs: number | null): void {
    if (this.stopped) return;
    const idle = this.options.idlePollMs ?? 30_000;
    const delay = atMs === null ? idle : Math.max(0, Math.min(idle, atMs - this.now().getTime()));
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => this.kick(), delay);
    this.wakeTimer.unref?.();
  }

  private every(ms: number, work: () => Promise<unknown>): void {
    const timer = setInterval(() => void work().catch(() => undefined), ms);
    timer.unref?.();
    this.timers.push(timer);
  }

  private noteSuccess(): void {
    this.reachable = true;
    this.lastError = null;
    void writeState(this.options.db, 'lastSuccessAt', this.now().toISOString()).catch(() => undefined);
  }

  private noteError(error: unknown): void {
    if (error instanceof NotEnrolledError) return; // shown as the enrollment state
    if (error instanceof PortalCallError) {
      this.reachable = error.kind === 'network' || error.kind === 'timeout' ? false : error.status !== null ? true : this.reachable;
      this.lastError = error.message;
    } else if (error instanceof Error) {
      this.lastError = error.message;
    }
  }

  private async emitIfChanged(): Promise<void> {
    const status = await this.status();
    const fingerprint = statusFingerprint(status);
    if (fingerprint === this.lastFingerprint) return;
    this.lastFingerprint = fingerprint;
    await this.options.events.append(SYNC_STATUS_CHANGED, status).catch(() => undefined);
  }

  /** Record that a restart is needed (after a mode switch written to config.json). */
  async markRestartRequired(): Promise<void> {
    await writeState(this.options.db, 'restartRequired', this.now().toISOString());
    await this.emitIfChanged();
  }
}
