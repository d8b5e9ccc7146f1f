import type { Mode } from '../../../contract/config';
import type { PortalStatus } from '../../../contract/status';
import { PortalUnavailableError } from '../errors';
import { PORTAL_STATUS_CHANGED } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logging/logger';
import type { PortalClient } from './client';

export interface PortalMonitorOptions {
  client: PortalClient;
  events: EventLog;
  mode: Mode;
  baseUrl: string;
  intervalMs: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * Checks the portal every `intervalMs`, keeps the current PortalStatus, and appends
 * `portal.status_changed` when reachability flips (the first check counts as a flip from unknown).
 */
export class PortalMonitor {
  private current: PortalStatus;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<PortalStatus> | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: PortalMonitorOptions) {
    this.now = options.now ?? (() => new Date());
    this.current = {
      mode: options.mode,
      baseUrl: options.baseUrl,
      reachable: false,
      checkedAt: null,
      latencyMs: null,
      lastError: null,
    };
  }

  /** The latest known status (a copy). */
  status(): PortalStatus {
    return { ...this.current };
  }

  /** Check now and then every interval. */
  start(): void {
    this.stopped = false;
    void this.tick();
  }

  /** Stop checking; waits for a check in progress so nothing is written after. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => undefined);
  }

  /** Run one check now (joins a check already running). */
  checkNow(): Promise<PortalStatus> {
    this.inFlight ??= this.check().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async tick(): Promise<void> {
    await this.checkNow().catch((error: unknown) => this.options.logger.error({ err: error }, 'portal check failed'));
    // setTimeout after each check, not setInterval: a slow portal never stacks up checks.
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.options.intervalMs);
  }

  private async check(): Promise<PortalStatus> {
    const previous = this.current;
    let next: PortalStatus;
    try {
      const health = await this.options.client.checkHealth();
      next = { ...previous, reachable: true, checkedAt: this.now().toISOString(), latencyMs: health.latencyMs, lastError: null };
    } catch (error) {
      const reason = error instanceof PortalUnavailableError ? (error.detail ?? error.message) : String(error);
      next = { ...previous, reachable: false, checkedAt: this.now().toISOString(), latencyMs: null, lastError: reason };
    }
    if (this.stopped) return previous;
    this.current = next;
    if (previous.checkedAt === null || previous.reachable !== next.reachable) {
      this.options.logger[next.reachable ? 'info' : 'warn']({ reachable: next.reachable, reason: next.lastError }, 'portal reachability changed');
      await this.options.events.append(PORTAL_STATUS_CHANGED, {
        reachable: next.reachable,
        baseUrl: next.baseUrl,
        lastError: next.lastError,
      });
    }
    return next;
  }
}
