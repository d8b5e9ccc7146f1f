import { z } from 'zod';
import {
  PORTAL_VERIFY_PATH,
  PortalVerifyRequestSchema,
  type PortalVerifyAnswer,
} from '../../../../../contract/eid';
import { NotFoundError, UnauthorizedError } from '../../../errors';
import { parseBody } from '../../../server/parse-body';
import type { IssuedCodeView } from '../eid/code-book';
import { summariseHolder, type HolderSummary } from '../eid/holders';
import type { SimulatorRouteRegistrar } from './types';

const IssueSchema = z.object({ holderId: z.string().min(1).max(32) }).strict();
const ClockSchema = z.object({ offsetMs: z.number().int().min(-10 * 365 * 86_400_000).max(10 * 365 * 86_400_000) }).strict();

const bearer = (header: string | undefined): string | undefined => {
  const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,500})$/.exec(header ?? '');
  return m?.[1];
};

/**
 * The e-ID side of the simulated portal: POST /api/v2/documents/service-entrance/verify
 * (portal token required), and the knobs GET /sim/holders, POST /sim/eid/issue,
 * GET /sim/eid/stats, GET/POST /sim/clock. Every answer's `Date` header is the simulator's clock.
 */
export const registerSimEidRoutes: SimulatorRouteRegistrar = (app, sim) => {
  const today = () => sim.now().toISOString().slice(0, 10);
  // Counted before the fault hooks run, so "no portal request was made" is provable.
  app.addHook('onRequest', async (request) => {
    if (request.url === PORTAL_VERIFY_PATH) sim.eid.stats.verifyRequests += 1;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('date', sim.now().toUTCString());
    return payload;
  });

  app.post(PORTAL_VERIFY_PATH, async (request): Promise<PortalVerifyAnswer> => {
    const nowMs = sim.now().getTime();
    if (sim.devices.authenticate(bearer(request.headers.authorization), nowMs) === null) {
      throw new UnauthorizedError('The device session token is missing, expired or revoked.', 'token_refused');
    }
    const body = parseBody(PortalVerifyRequestSchema, request.body);
    const result = sim.eid.codes.verify(body, nowMs, today());
    return { status: result.status, checkedAt: new Date(nowMs).toISOString(), ...(result.document ? { document: result.document } : {}) };
  });

  app.get('/sim/holders', async (): Promise<HolderSummary[]> => sim.eid.holders.map((h) => summariseHolder(h, today())));
  app.post('/sim/eid/issue', async (request): Promise<IssuedCodeView> => {
    const { holderId } = parseBody(IssueSchema, request.body);
    const issued = sim.eid.codes.issue(holderId, sim.now().getTime());
    if (issued === null) throw new NotFoundError(`There is no demo holder "${holderId}".`);
    return issued;
  });
  app.get('/sim/eid/stats', async () => ({ verifyRequests: sim.eid.stats.verifyRequests, codes: sim.eid.codes.size() }));
  app.get('/sim/clock', async () => ({ now: sim.now().toISOString(), offsetMs: sim.clock.offsetMs() }));
  app.post('/sim/clock', async (request) => {
    sim.clock.setOffsetMs(parseBody(ClockSchema, request.body).offsetMs);
    return { now: sim.now().toISOString(), offsetMs: sim.clock.offsetMs() };
  });
};
