import { z } from 'zod';

// What the checkpoint screen reads besides verdicts: its settings, and in training mode the
// simulator's demo holders and the codes issued for them. One schema for the backend's answers
// and the renderer's checks.

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
  state: z.enum(['valid', 'expired', 'revoked']),
});
export type TrainingHolder = z.infer<typeof TrainingHolderSchema>;

/** `GET /api/training/eid/holders`. */
export const TrainingHoldersSchema = z.array(TrainingHolderSchema);

/** `POST /api/training/eid/issue {holderId}`: the QR text, the 13 digits and when they expire. */
export const TrainingIssueRequestSchema = z.object({ holderId: z.string().trim().min(1).max(32) }).strict();
export const TrainingCodeSchema = z.object({
  qr: z.string().min(1).max(2048),
  barcode: z.string().regex(/^\d{13}$/),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type TrainingCode = z.infer<typeof TrainingCodeSchema>;
