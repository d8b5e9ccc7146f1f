import type { Config } from '../../../contract/config';
import { DEMO_ENROLLMENT_CODES, type SyncStatus } from '../../../contract/sync';
import type { Database } from '../storage/database';
import type { Enrollment } from './enrollment';
import { outboxCounts } from './outbox-repository';
import { datasetAges } from './pull';
import { readState } from './state-repository';

/** What the status is read from: the database, plus what only the running service knows. */
export interface SyncStatusSources {
  db: Database;
  config: Config;
  secretStore: string;
  enrollment: Enrollment;
  nowMs: number;
  reachable: boolean | null;
  lastError: string | null;
}

/** The whole sync status, in words where it matters (GET /api/sync/status, sync.status_changed). */
export async function readSyncStatus(src: SyncStatusSources): Promise<SyncStatus> {
  const [who, counts, datasets, pinHash, lastSuccessAt, restart] = await Promise.all([
    src.enrollment.describe(),
    outboxCounts(src.db),
    datasetAges(src.db, src.nowMs, src.config.sync.staleAfterS),
    readState(src.db, 'adminPinHash'),
    readState(src.db, 'lastSuccessAt'),
    readState(src.db, 'restartRequired'),
  ]);
  return {
    enrolled: who.state === 'enrolled',
    enrollment: who.state,
    deviceId: who.deviceId,
    centerId: who.centerId,
    mode: src.config.mode,
    secretStore: src.secretStore,
    portalReachable: src.reachable,
    pending: counts.pending,
    oldestPendingAgeS: counts.oldestPendingAt ? Math.max(0, Math.round((src.nowMs - Date.parse(counts.oldestPendingAt)) / 1000)) : null,
    lastSuccessAt,
    lastError: src.lastError,
    quarantined: counts.quarantined,
    datasets,
    demoEnrollmentCodes: src.config.mode === 'training' ? [...DEMO_ENROLLMENT_CODES] : [],
    adminPinSet: pinHash !== null,
    restartRequired: restart !== null,
  };
}

/** What makes a status change "material" (worth an event): not every delivered item, only state changes. */
export function statusFingerprint(status: SyncStatus): string {
  return JSON.stringify([
    status.enrollment,
    status.portalReachable,
    status.pending > 0,
    status.quarantined,
    status.lastError,
    status.datasets.map((d) => `${d.name}:${d.stale}:${d.fetchedAt !== null}`),
    status.adminPinSet,
    status.restartRequired,
  ]);
}
