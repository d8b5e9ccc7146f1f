import { z } from 'zod';
import { SyncQuarantinedItemSchema, SyncStatusSchema, type SyncQuarantinedItem, type SyncStatus } from '../../contract/sync';
import { appSingleton } from '../app/backend';
import { createJsonCaller } from './json-caller';

/** Portal sync's calls to the backend (same axios / problem+json → ApiError / zod-checked answers as api/client.ts). */
export interface SyncApi {
  status(): Promise<SyncStatus>;
  enroll(enrollmentCode: string, deviceName?: string): Promise<SyncStatus>;
  unenroll(): Promise<SyncStatus>;
  pull(): Promise<SyncStatus>;
  quarantined(): Promise<SyncQuarantinedItem[]>;
  retryQuarantined(): Promise<SyncStatus>;
  setAdminPin(pin: string, currentPin?: string): Promise<SyncStatus>;
  switchMode(mode: 'training' | 'production', pin: string, portalUrl?: string): Promise<SyncStatus>;
}

const PullAnswerSchema = z.object({ status: SyncStatusSchema }).transform((a) => a.status);
const ModeAnswerSchema = z.object({ status: SyncStatusSchema }).transform((a) => a.status);
const QuarantinedSchema = z.object({ items: z.array(SyncQuarantinedItemSchema) }).transform((a) => a.items);

/** Build the sync API over axios (base URL and token as the app's main client). */
export function createSyncApi(options: { baseUrl: string; getToken: () => string | null; timeoutMs?: number }): SyncApi {
  const call = createJsonCaller({ ...options, timeoutMs: options.timeoutMs ?? 20_000 });
  return {
    status: () => call(SyncStatusSchema, { method: 'GET', url: '/api/sync/status' }),
    enroll: (enrollmentCode, deviceName) => call(SyncStatusSchema, { method: 'POST', url: '/api/sync/enroll', data: { enrollmentCode: enrollmentCode.trim(), ...(deviceName ? { deviceName } : {}) } }),
    unenroll: () => call(SyncStatusSchema, { method: 'POST', url: '/api/sync/unenroll', data: {} }),
    pull: () => call(PullAnswerSchema, { method: 'POST', url: '/api/sync/pull', data: {} }),
    quarantined: () => call(QuarantinedSchema, { method: 'GET', url: '/api/sync/quarantined' }),
    retryQuarantined: () => call(SyncStatusSchema, { method: 'POST', url: '/api/sync/quarantined/retry', data: {} }),
    setAdminPin: (pin, currentPin) => call(SyncStatusSchema, { method: 'POST', url: '/api/sync/admin-pin', data: { pin, ...(currentPin ? { currentPin } : {}) } }),
    switchMode: (mode, pin, portalUrl) => call(ModeAnswerSchema, { method: 'POST', url: '/api/sync/mode', data: { mode, pin, ...(portalUrl ? { portalUrl } : {}) } }),
  };
}

const syncApi = appSingleton(createSyncApi);

/** The app's one sync API client. */
export const getSyncApi = (): SyncApi => syncApi.get();

/** Replace the sync API (tests inject a fake). */
export const setSyncApi = (next: SyncApi | null): void => syncApi.set(next);
