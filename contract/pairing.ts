import { z } from 'zod';
import { RoleSchema, ScopeSchema } from './roles';

/** `POST /api/pair` (admin): mint a one-time pairing code for another screen. */
export const PairRequestSchema = ScopeSchema.extend({
  label: z.string().trim().min(1).max(80).optional(),
}).strict().refine((s) => s.role !== 'desk' || s.deskNo !== undefined, {
  message: 'a desk needs deskNo',
  path: ['deskNo'],
});
export type PairRequest = z.infer<typeof PairRequestSchema>;

export const PairResponseSchema = z.object({
  code: z.string(),
  link: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  role: RoleSchema,
  deskNo: z.number().int().optional(),
});
export type PairResponse = z.infer<typeof PairResponseSchema>;

/** `POST /api/pair/claim` (no token): trade a pairing code for a role-scoped token. */
export const ClaimRequestSchema = z.object({ code: z.string().trim().min(6).max(64) }).strict();
export type ClaimRequest = z.infer<typeof ClaimRequestSchema>;

export const ClaimResponseSchema = z.object({
  token: z.string(),
  role: RoleSchema,
  deskNo: z.number().int().optional(),
});
export type ClaimResponse = z.infer<typeof ClaimResponseSchema>;

/** `GET /api/session`: who the presented token is. */
export const SessionSchema = ScopeSchema.extend({ label: z.string().nullable() });
export type Session = z.infer<typeof SessionSchema>;
