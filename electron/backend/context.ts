import type { Config } from '../../contract/config';
import type { AuthService } from './auth/auth-service';
import type { EventLog } from './events/event-log';
import type { CreateLogger } from './logging/logger';
import type { PortalClient } from './portal/client';
import type { PortalMonitor } from './portal/monitor';
import type { Database } from './storage/database';

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
  /** Base URL others reach this backend at (known once the server listens). */
  publicUrl(): string;
}
