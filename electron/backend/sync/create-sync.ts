import { join } from 'node:path';
import type { Config } from '../../../contract/config';
import { INSECURE_FILE_WARNING, InsecureFileSecretStore } from '../../../native/secret-store/file-store';
import { KeyringSecretStore } from '../../../native/secret-store/keyring-store';
import type { SecretStorePort } from '../../../native/secret-store/port';
import type { EventLog } from '../events/event-log';
import type { CreateLogger } from '../logging/logger';
import type { CredentialsSource } from '../portal/portal-session';
import type { Database } from '../storage/database';
import { DEVICE_SECRET_KEY } from './enrollment';
import { SyncService } from './sync-service';

/** The secret store the configuration asks for: the OS keychain, or (developer flag) a plain file with a warning. */
export function chooseSecretStore(config: Config, warn: (message: string) => void): SecretStorePort {
  if (!config.sync.insecureFileSecrets) return new KeyringSecretStore();
  warn(INSECURE_FILE_WARNING); // at every start, on purpose
  return new InsecureFileSecretStore(join(config.dataDir, 'insecure-secrets.json'));
}

/** Build (not start) the sync service for a backend. */
export function createSyncService(deps: {
  config: Config;
  db: Database;
  events: EventLog;
  baseUrl: string;
  now: () => Date;
  createLogger: CreateLogger;
  version: string;
  secrets?: SecretStorePort;
}): SyncService {
  const logger = deps.createLogger('sync');
  const secrets = deps.secrets ?? chooseSecretStore(deps.config, (m) => logger.warn(m));
  return new SyncService({ db: deps.db, events: deps.events, config: deps.config, secrets, baseUrl: deps.baseUrl, logger, now: deps.now, version: deps.version });
}

/**
 * Device credentials for the checkpoint's PortalSession, from sync's one enrollment (null when not
 * enrolled or revoked). `fallback` (training) is asked only while this machine is not enrolled.
 */
export function syncCredentials(sync: SyncService, fallback?: CredentialsSource): CredentialsSource {
  return {
    async get() {
      const who = await sync.enrollment.describe();
      if (who.state === 'enrolled' && who.deviceId !== null) {
        const secret = await sync.secrets.get(DEVICE_SECRET_KEY).catch(() => null);
        if (secret !== null) return { deviceId: who.deviceId, secret };
      }
      return fallback ? fallback.get() : null;
    },
  };
}
