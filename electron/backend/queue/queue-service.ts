import type { Mode } from '../../../contract/config';
import type { QueueCenterResponse, QueueServicesResponse } from '../../../contract/queue-hub';
import type { DeskView, DisplayView, QueueEvent, QueueFigures, TicketStatusView } from '../../../contract/queue';
import type { EventLog } from '../events/event-log';
import type { CreateLogger, Logger } from '../logging/logger';
import type { PortalClient } from '../portal/client';
import type { Database } from '../storage/database';
import { applyEvent, computeFigures, deskView, displayView, emptyState, estimateWait, localDate, ticketStatusView, type QueueState } from './core';
import { syncCenterFromPortal, TRAINING_CENTER_ID, type CenterSyncReport } from './center-sync';
import { QueueHub, type WriteWithEvents } from './hub';
import { IssueLimiter, type BucketOptions } from './issue-limiter';
import { readQueueLog } from './log-reader';
import { readSnapshotUpTo } from './snapshots';
import { startQueueTimer } from './timers';

// The queue area as the backend wires it: the hub, the terminal rate limit, the timer, the pull of
// the center from the portal, and the read models the routes serve.

/** Tunables of the queue service (BackendOptions.queue); all optional. */
export interface QueueServiceOptions {
  /** Timer period for auto no-shows and the midnight close (default 1000 ms). */
  tickMs?: number;
  /** Ticket/check-in rate per terminal token (default 10/s, burst 10); admin is not limited. */
  issueRate?: BucketOptions;
  /** Center to pull from the portal; default the demo center in training mode, none in production. */
  centerId?: string | null;
  /** Ticket id generator (tests). */
  newId?: () => string;
}

export interface QueueServiceDeps {
  db: Database;
  events: EventLog;
  now: () => Date;
  createLogger: CreateLogger;
  portal: PortalClient;
  mode: Mode;
  /** Statements written with each batch of queue events: portal sync's outbox rows (SyncService.queueHubWrites). */
  writeWithEvents?: WriteWithEvents | undefined;
}

const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.ceil(ms / 60_000));

/** The queue service: hub + timer + views. */
export class QueueService {
  readonly limiter: IssueLimiter;
  private stopTimer: (() => Promise<void>) | null = null;
  private servicesEtag: string | null = null;
  private readonly log: Logger;

  private constructor(
    readonly hub: QueueHub,
    private readonly deps: QueueServiceDeps,
    private readonly options: QueueServiceOptions,
  ) {
    this.limiter = new IssueLimiter(options.issueRate ?? { ratePerSec: 10, burst: 10 });
    this.log = deps.createLogger('queue');
  }

  /** Open the hub (replaying the log). */
  static async open(deps: QueueServiceDeps, options: QueueServiceOptions = {}): Promise<QueueService> {
    const log = deps.createLogger('queue');
    const hub = await QueueHub.open({ db: deps.db, events: deps.events, now: deps.now, logger: log, newId: options.newId, writeWithEvents: deps.writeWithEvents });
    return new QueueService(hub, deps, options);
  }

  /** The center this hub pulls from the portal, if any. */
  get centerId(): string | null {
    if (this.options.centerId !== undefined) return this.options.centerId;
    return this.deps.mode === 'training' ? TRAINING_CENTER_ID : null;
  }

  /** Pull the center (configuration + today's bookings) from the portal; see syncCenterFromPortal. */
  async pullCenter(): Promise<CenterSyncReport | null> {
    const id = this.centerId;
    if (id === null) return null;
    const report = await syncCenterFromPortal(this.hub, this.deps.portal, id, this.servicesEtag);
    this.servicesEtag = report.servicesEtag;
    return report;
  }

  /** Load the center when there is one to load (never fatal: the portal may be down), then start the timer. */
  async start(): Promise<void> {
    try {
      const report = await this.pullCenter();
      if (report !== null) this.log.info(report, 'queue center pulled from the portal');
    } catch (error) {
      this.log.warn({ err: error }, 'the queue center could not be pulled from the portal; will use what the log has');
    }
    this.stopTimer = startQueueTimer(this.hub, this.log, this.options.tickMs ?? 1000);
  }

  /** Stop the timer (waits for a running tick). */
  async stop(): Promise<void> {
    await this.stopTimer?.();
    this.stopTimer = null;
  }

  private get state(): QueueState {
    return this.hub.current;
  }

  /** Services with waiting counts and estimated waits (terminal and display). */
  services(): QueueServicesResponse {
    const s = this.state;
    const services = s.serviceOrder.flatMap((id) => {
      const svc = s.services[id];
      if (svc === undefined) return [];
      const e = estimateWait(s, id);
      return [{ ...svc, waiting: e.waiting, activeDesks: e.activeDesks, estimatedWaitMin: toMinutes(e.estimatedWaitMs) }];
    });
    return { services, paused: s.paused !== null, dayClosed: s.day.closed };
  }

  /** The hall display's view. */
  display(): DisplayView {
    return displayView(this.state, this.hub.nowMs());
  }

  /** A desk's view, or null for an unknown desk. */
  desk(deskNo: number): DeskView | null {
    return deskView(this.state, deskNo, this.hub.nowMs());
  }

  /** A visitor's status page, or null for an unknown ticket. */
  ticketStatus(ticketId: string): TicketStatusView | null {
    return ticketStatusView(this.state, ticketId, this.hub.nowMs());
  }

  /** The configuration in force (admin). */
  center(): QueueCenterResponse {
    const s = this.state;
    const today = localDate(this.hub.nowMs(), s.settings.timeZone);
    return {
      configured: s.configured,
      services: s.serviceOrder.flatMap((id) => (s.services[id] === undefined ? [] : [s.services[id]])),
      desks: Object.values(s.desks).map((d) => ({ deskNo: d.deskNo, serviceIds: [...d.serviceIds] })),
      settings: s.settings,
      day: { ...s.day },
      paused: s.paused === null ? null : { since: new Date(s.paused.since).toISOString(), reason: s.paused.reason },
      bookingsToday: Object.values(s.bookings).filter((b) => localDate(b.slotAt, s.settings.timeZone) === today).length,
    };
  }

  /** Today's local date at the center. */
  today(): string {
    return localDate(this.hub.nowMs(), this.state.settings.timeZone);
  }

  /**
   * Figures of a local date: from the live state for the current day; for an earlier one, from the
   * newest day-end snapshot up to it, replaying only the events after that snapshot up to the end
   * of the date (late ratings included), not the whole log.
   */
  async figures(date: string): Promise<QueueFigures> {
    const s = this.state;
    if (s.day.date === null || date >= s.day.date) return computeFigures(s, date);
    const from = await readSnapshotUpTo(this.deps.db, date, s.settings.timeZone);
    let past = from?.state ?? emptyState();
    await readQueueLog(
      this.deps.db,
      (page) => {
        for (const { event } of page) {
          if (startsLaterDay(past, event, date)) return false;
          past = applyEvent(past, event);
        }
        return true;
      },
      from?.seq ?? 0,
    );
    return computeFigures(past, date);
  }
}

/** True when `e` would roll the state past local `date` (its figures would be dropped). */
function startsLaterDay(state: QueueState, e: QueueEvent, date: string): boolean {
  if (e.type !== 'ticket.issued' && e.type !== 'day.closed') return false;
  return e.date > date && state.day.date !== null && state.day.date <= date;
}
