import {
  ClaimRequestSchema,
  type ClaimResponse,
  PairRequestSchema,
  type PairResponse,
  type Session,
} from '../../../../contract/pairing';
import { requireRole, requireSession, sessionOf } from '../../auth/require-role';
import { parseBody } from '../parse-body';
import type { RouteRegistrar } from './types';

/** The link a screen opens to pair: `<publicUrl>/pair?code=<code>`. */
export function pairingLink(publicUrl: string, code: string): string {
  return `${publicUrl}/pair?code=${encodeURIComponent(code)}`;
}

/** POST /api/pair (admin), POST /api/pair/claim (no token, rate-limited), GET /api/session. */
export const registerPairingRoutes: RouteRegistrar = (app, ctx, options) => {
  app.post('/api/pair', { preHandler: requireRole('admin') }, async (request, reply): Promise<PairResponse> => {
    const body = parseBody(PairRequestSchema, request.body);
    const minted = await ctx.auth.mintPairingCode(body);
    reply.code(201);
    return { ...minted, link: pairingLink(ctx.publicUrl(), minted.code) };
  });

  app.post(
    '/api/pair/claim',
    { config: { rateLimit: { max: options.claimRateLimit.max, timeWindow: options.claimRateLimit.timeWindowMs } } },
    async (request): Promise<ClaimResponse> => {
      const body = parseBody(ClaimRequestSchema, request.body);
      return ctx.auth.claim(body.code);
    },
  );

  app.get('/api/session', { preHandler: requireSession() }, async (request): Promise<Session> => {
    const { role, deskNo, label } = sessionOf(request);
    return deskNo === undefined ? { role, label } : { role, deskNo, label };
  });
};
