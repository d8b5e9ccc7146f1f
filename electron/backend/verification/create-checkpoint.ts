import type { AxiosInstance } from 'axios';
import type { Config } from '../../../contract/config';
import type { EventLog } from '../events/event-log';
import type { CreateLogger } from '../logging/logger';
import { EidPortalClient } from '../portal/eid-client';
import { enrollOnceCredentials, PortalSession, type CredentialsSource } from '../portal/portal-session';
import { TRAINING_ENROLLMENT_CODE } from '../portal/simulator/devices';
import type { Database } from '../storage/database';
import { CheckpointService } from './checkpoint-service';
import { loadOrCreateHmacKey } from './hmac-key';

/** Without an enrollment (sync's, issue 5) a production kiosk answers kiosk_not_authorised. */
const NOT_ENROLLED: CredentialsSource = { get: async () => null };

/** Builds the checkpoint service: HMAC key, portal session (training: auto-enrolled with `TRAINING`), purge at start. */
export async function createCheckpointService(deps: {
  config: Config;
  db: Database;
  events: EventLog;
  http: AxiosInstance;
  now: () => Date;
  createLogger: CreateLogger;
  /** Wraps the default source (training auto-enrollment; undefined in production), e.g. with sync's enrollment. */
  credentials?: (fallback: CredentialsSource | undefined) => CredentialsSource;
}): Promise<CheckpointService> {
  const nowMs = () => deps.now().getTime();
  const fallback =
    deps.config.mode === 'training'
      ? enrollOnceCredentials(deps.http, { enrollmentCode: TRAINING_ENROLLMENT_CODE, deviceName: `Varta ${deps.config.checkpoint.name}`, role: 'checkpoint' })
      : undefined;
  const credentials = deps.credentials ? deps.credentials(fallback) : (fallback ?? NOT_ENROLLED);
  const session = new PortalSession(deps.http, credentials, nowMs);
  const service = new CheckpointService({
    config: deps.config,
    db: deps.db,
    events: deps.events,
    portal: new EidPortalClient(deps.http, session, nowMs),
    hmacKey: await loadOrCreateHmacKey(deps.config.dataDir),
    now: deps.now,
    logger: deps.createLogger('checkpoint'),
  });
  await service.start();
  return service;
}
