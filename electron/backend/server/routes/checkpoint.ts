import { z } from 'zod';
import {
  CHECKPOINT_VERIFY_PATH,
  CheckpointVerifyRequestSchema,
  type CheckpointVerifyResponse,
} from '../../../../contract/eid';
import type { CheckpointSettings } from '../../../../contract/eid-screens';
import { requireRole, requireSession } from '../../auth/require-role';
import type { AuditVerifyReport } from '../../verification/audit-store';
import { parseBody } from '../parse-body';
import type { RouteRegistrar } from './types';

const AuditRangeSchema = z
  .object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
  .strict();

/** Normalises an ISO time with an offset to the UTC `Z` form the audit rows use (so string order is time order). */
const toUtc = (iso: string | undefined): string | undefined => (iso === undefined ? undefined : new Date(iso).toISOString());

/**
 * The checkpoint's Hub API: POST /api/checkpoint/verify (200 for every verdict; 400 only for a
 * bad body), GET /api/checkpoint/settings, and for the admin GET /api/checkpoint/audit.csv and
 * GET /api/checkpoint/audit/verify.
 */
export const registerCheckpointRoutes: RouteRegistrar = (app, ctx) => {
  app.post(CHECKPOINT_VERIFY_PATH, { preHandler: requireRole('checkpoint', 'desk') }, async (request): Promise<CheckpointVerifyResponse> => {
    const body = parseBody(CheckpointVerifyRequestSchema, request.body);
    return ctx.checkpoint.verify(body.input, body.source);
  });

  app.get('/api/checkpoint/settings', { preHandler: requireSession() }, async (): Promise<CheckpointSettings> => ({
    checkpointName: ctx.config.checkpoint.name,
    resultClearSeconds: ctx.config.checkpoint.resultClearSeconds,
    training: ctx.config.mode === 'training',
  }));

  app.get('/api/checkpoint/audit.csv', { preHandler: requireRole('admin') }, async (request, reply) => {
    const range = parseBody(AuditRangeSchema, request.query ?? {});
    const csv = await ctx.checkpoint.audit.csv({ from: toUtc(range.from), to: toUtc(range.to) });
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="varta-checkpoint-audit.csv"');
    reply.header('cache-control', 'no-store');
    return csv;
  });

  app.get('/api/checkpoint/audit/verify', { preHandler: requireRole('admin') }, async (): Promise<AuditVerifyReport> =>
    ctx.checkpoint.audit.verify(),
  );
};
