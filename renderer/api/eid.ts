import {
  CHECKPOINT_VERIFY_PATH,
  CheckpointVerifyResponseSchema,
  type CheckpointVerifyResponse,
  type ScanSource,
} from '../../contract/eid';
import {
  CheckpointSettingsSchema,
  TrainingCodeSchema,
  TrainingHoldersSchema,
  type CheckpointSettings,
  type TrainingCode,
  type TrainingHolder,
} from '../../contract/eid-screens';
import { appSingleton } from '../app/backend';
import { createJsonCaller } from './json-caller';

// The checkpoint's calls to the backend (same axios / problem+json → ApiError / zod-checked
// answers as api/client.ts), with the shapes of contract/.

/** The checkpoint's typed API; every method rejects with an ApiError. */
export interface EidApi {
  verify(input: string, source: ScanSource): Promise<CheckpointVerifyResponse>;
  getSettings(): Promise<CheckpointSettings>;
  listTrainingHolders(): Promise<TrainingHolder[]>;
  issueTrainingCode(holderId: string): Promise<TrainingCode>;
}

/** Builds the checkpoint API over axios (base URL and token as the app's main client). */
export function createEidApi(options: { baseUrl: string; getToken: () => string | null; timeoutMs?: number }): EidApi {
  // The backend answers every verdict within its own portal timeout; this only catches a dead backend.
  const call = createJsonCaller({ ...options, timeoutMs: options.timeoutMs ?? 20_000 });

  return {
    verify: (input, source) => call(CheckpointVerifyResponseSchema, { method: 'POST', url: CHECKPOINT_VERIFY_PATH, data: { input, source } }),
    getSettings: () => call(CheckpointSettingsSchema, { method: 'GET', url: '/api/checkpoint/settings' }),
    listTrainingHolders: () => call(TrainingHoldersSchema, { method: 'GET', url: '/api/training/eid/holders' }),
    issueTrainingCode: (holderId) => call(TrainingCodeSchema, { method: 'POST', url: '/api/training/eid/issue', data: { holderId } }),
  };
}

const eidApi = appSingleton(createEidApi);

/** The app's one checkpoint API client (reads the session token at each call). */
export const getEidApi = (): EidApi => eidApi.get();

/** Replace the checkpoint API (tests inject a fake that answers without a network). */
export const setEidApi = (next: EidApi | null): void => eidApi.set(next);

export type { CheckpointSettings, TrainingCode, TrainingHolder };
