import { z } from 'zod';

/** The five roles a Varta machine or screen can take. */
export const RoleSchema = z.enum(['checkpoint', 'terminal', 'desk', 'display', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES: readonly Role[] = RoleSchema.options;

/** What a token allows: a role, and for a desk its window number. */
export const ScopeSchema = z.object({
  role: RoleSchema,
  deskNo: z.number().int().min(1).max(999).optional(),
});
export type Scope = z.infer<typeof ScopeSchema>;
