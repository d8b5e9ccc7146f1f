import { z } from 'zod';
import { ModeSchema } from './config';
import { RoleSchema } from './roles';

/** What `GET /api/health` answers, without a token. */
export const HealthSchema = z.object({ ok: z.literal(true), version: z.string() });
export type Health = z.infer<typeof HealthSchema>;

/** Reachability of the portal (or the simulator in training mode). */
export const PortalStatusSchema = z.object({
  mode: ModeSchema,
  baseUrl: z.string(),
  reachable: z.boolean(),
  checkedAt: z.iso.datetime({ offset: true }).nullable(),
  latencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type PortalStatus = z.infer<typeof PortalStatusSchema>;

/** What `GET /api/status` answers to any valid token. */
export const StatusSchema = z.object({
  version: z.string(),
  mode: ModeSchema,
  machineRole: RoleSchema,
  startedAt: z.iso.datetime({ offset: true }),
  lastSeq: z.number().int().min(0),
  portal: PortalStatusSchema,
});
export type Status = z.infer<typeof StatusSchema>;
