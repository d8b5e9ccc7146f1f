import { z } from 'zod';

// Portal device authentication shapes (DESIGN.md "Portal API"), used by the simulator and by
// the backend's token manager. They move to contract/ with the portal contract (issue 5).

/** `POST /api/v1/auth/device` request. */
export const DeviceEnrollRequestSchema = z
  .object({
    enrollmentCode: z.string().trim().min(1).max(100),
    deviceName: z.string().trim().min(1).max(200),
    role: z.enum(['checkpoint', 'terminal', 'desk', 'display', 'admin']),
  })
  .strict();
export type DeviceEnrollRequest = z.infer<typeof DeviceEnrollRequestSchema>;

/** `POST /api/v1/auth/device` answer: the device's id and secret (the secret is shown once). */
export const DeviceEnrollAnswerSchema = z.object({
  deviceId: z.string().min(1).max(100),
  secret: z.string().min(16).max(200),
  centerId: z.string().min(1).max(100),
});
export type DeviceEnrollAnswer = z.infer<typeof DeviceEnrollAnswerSchema>;

/** `POST /api/v1/auth/token` request. */
export const DeviceTokenRequestSchema = z
  .object({ deviceId: z.string().min(1).max(100), secret: z.string().min(1).max(200) })
  .strict();
export type DeviceTokenRequest = z.infer<typeof DeviceTokenRequestSchema>;

/** `POST /api/v1/auth/token` answer: a session token and its life in seconds (2 h). */
export const DeviceTokenAnswerSchema = z.object({
  token: z.string().min(16).max(500),
  expiresIn: z.number().int().min(1).max(86_400),
});
export type DeviceTokenAnswer = z.infer<typeof DeviceTokenAnswerSchema>;
