import { z } from 'zod';
import { requireRole } from '../../auth/require-role';
import { HttpError, NotFoundError, PortalUnavailableError } from '../../errors';
import type { BackendContext } from '../../context';
import { parseBody } from '../parse-body';
import type { RouteRegistrar } from './types';
import { TrainingCodeSchema, TrainingHoldersSchema, TrainingIssueRequestSchema } from '../../../../contract/eid-screens';


/** Calls a simulator knob (training mode's portal is the simulator) and checks the answer's shape. */
async function callSimulator<S extends z.ZodType>(ctx: BackendContext, method: 'get' | 'post', path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  let response;
  try {
    response = method === 'get' ? await ctx.portal.client.http.get<string>(path) : await ctx.portal.client.http.post<string>(path, body);
  } catch (error) {
    throw new PortalUnavailableError('the portal simulator cannot be reached', { cause: error });
  }
  if (response.status === 404) throw new NotFoundError('There is no such demo holder.');
  if (response.status >= 400 && response.status < 500) throw new HttpError(400, 'invalid_body', 'Invalid request', 'The simulator refused the request.');
  let parsed: z.ZodSafeParseResult<z.output<S>> | null;
  try {
    parsed = schema.safeParse(JSON.parse(response.data)) as z.ZodSafeParseResult<z.output<S>>;
  } catch {
    parsed = null; // not JSON
  }
  if (response.status !== 200 || parsed === null || !parsed.success) throw new PortalUnavailableError('the portal simulator answered unexpectedly');
  return parsed.data;
}

/**
 * Training-only helpers so the UI can show test codes (404 in production mode):
 * GET /api/training/eid/holders, POST /api/training/eid/issue {holderId} -> {qr, barcode, expiresAt}.
 */
export const registerTrainingRoutes: RouteRegistrar = (app, ctx) => {
  const trainingOnly = async () => {
    if (ctx.config.mode !== 'training') throw new NotFoundError('Training tools exist in training mode only.');
  };
  const roles = requireRole('checkpoint', 'desk');
  app.get('/api/training/eid/holders', { preHandler: [trainingOnly, roles] }, async () =>
    callSimulator(ctx, 'get', '/sim/holders', TrainingHoldersSchema),
  );
  app.post('/api/training/eid/issue', { preHandler: [trainingOnly, roles] }, async (request) => {
    const body = parseBody(TrainingIssueRequestSchema, request.body);
    return callSimulator(ctx, 'post', '/sim/eid/issue', TrainingCodeSchema, body);
  });
};
