import { z } from 'zod';
import {
  CHECKPOINT_VERIFY_PATH,
  CheckpointVerifyResponseSchema,
  type CheckpointVerifyResponse,
  type ScanSource,
} from '../../contract/eid';
import { resolveBackendUrl } from '../app/backend';
import { useSession } from '../stores/session';
import { createJsonCaller } from './json-caller';

/*
 * The checkpoint's calls to the backend (same axios / problem+json → ApiError / zod-checked
 * answers as api/client.ts). The settings and training shapes are checked here, loosely
 * (unknown keys dropped), as the renderer uses them.
 */

/** `GET /api/checkpoint/settings`. */
export const CheckpointSettingsSchema = z.object({
  checkpointName: z.string().max(200),
  resultClearSeconds: z.number().int().min(1).max(3600),
  training: z.boolean(),
});
export type CheckpointSettings = z.infer<typeof CheckpointSettingsSchema>;

/** One demo holder of `GET /api/training/eid/holders`. */
export const TrainingHolderSchema = z.object({
  id: z.string().min(1).max(100),
  fullName: z.string().max(300),
  position: z.string().max(500),
  issuer: z.string().max(500),
  state: z.string().max(50),
});
export type TrainingHolder = z.infer<typeof TrainingHolderSchema>;

const HoldersSchema = z.union([
  z.array(TrainingHolderSchema),
  z.object({ holders: z.array(TrainingHolderSchema) }).transform((r) => r.holders),
]);

/** `POST /api/training/eid/issue` answer: the QR text, the 13 digits and when they expire. */
export const TrainingCodeSchema = z.object({
  qr: z.string().min(1).max(2048),
  barcode: z.string().regex(/^\d{13}$/),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type TrainingCode = z.infer<typeof TrainingCodeSchema>;

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
    listTrainingHolders: () => call(HoldersSchema, { method: 'GET', url: '/api/training/eid/holders' }),
    issueTrainingCode: (holderId) => call(TrainingCodeSchema, { method: 'POST', url: '/api/training/eid/issue', data: { holderId } }),
  };
}

let eidApi: EidApi | null = null;

/** The app's one checkpoint API client (reads the session token at each call). */
export function getEidApi(): EidApi {
  eidApi ??= createEidApi({ baseUrl: resolveBackendUrl(window), getToken: () => useSession.getState().token });
  return eidApi;
}

/** Replace the checkpoint API (tests inject a fake that answers without a network). */
export function setEidApi(next: EidApi | null): void {
  eidApi = next;
}
