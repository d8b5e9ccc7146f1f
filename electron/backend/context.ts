import type { Config } from '../../contract/config';
import type { AuthService } from './auth/auth-service';
import type { EventLog } from './events/event-log';
import type { CreateLogger } from './logging/logger';
import type { PortalClient } from './portal/client';
import type { PortalMonitor } from './portal/monitor';
import type { QueueService } from './queue/queue-service';
import type { ScannerService } from './scanners/scanner-service';
import type { Database } from './storage/database';
import type { SyncService } from './sync/sync-service';
import type { CheckpointService } from './verification/checkpoint-service';

/**
 * Everything a route or service of the backend may use, built once by startBackend and
 * passed down (nothing reaches for a global). Later areas add their services here.
 */
export interface BackendContext {
  config: Config;
  version: string;
  startedAt: Date;
  now: () => Date;
  db: Database;
  events: EventLog;
  auth: AuthService;
  portal: { client: PortalClient; monitor: PortalMonitor };
  createLogger: CreateLogger;
  /** The e-ID checkpoint: verification pipeline and audit log (issue 3). */
  checkpoint: CheckpointService;
  /** USB barcode scanners (and the training scanner): status, training scans. */
  scanners: ScannerService;
  /** The center queue hub (issue 4): state, commands, views. */
  queue: QueueService;
  /** Portal sync: enrollment, pulls, the outbox (issue 5). */
  sync: SyncService;
  /** Base URL others reach this backend at (known once the server listens). */
  publicUrl(): string;
}
