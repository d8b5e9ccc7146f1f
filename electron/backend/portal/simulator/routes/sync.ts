import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  DEMO_ENROLLMENT_CODES,
  PortalBatchRequestSchema,
  PortalCounterDataSchema,
  PortalHeartbeatRequestSchema,
  PortalQueueEventDataSchema,
  PortalRatingDataSchema,
  SimSyncKnobsSchema,
  type PortalBatchResponse,
  type SyncStream,
} from '../../../../../contract/sync';
import { HttpError, NotFoundError, UnauthorizedError } from '../../../errors';
import { parseBody } from '../../../server/parse-body';
import { problem, sendProblem } from '../../../server/problem';
import type { SimulatorContext } from '../context';
import { SIM_CENTER_ID } from '../devices';
import { simSyncStore } from '../sync-store';
import type { SimulatorRouteRegistrar } from './types';

const STREAM_ROUTES: ReadonlyArray<{ stream: SyncStream; path: string; data: z.ZodType }> = [
  { stream: 'ratings', path: '/api/v1/centers/:id/ratings', data: PortalRatingDataSchema },
  { stream: 'queue-events', path: '/api/v1/centers/:id/queue-events', data: PortalQueueEventDataSchema },
  { stream: 'counters', path: '/api/v1/centers/:id/verification-counters', data: PortalCounterDataSchema },
];

function bearer(request: FastifyRequest, sim: SimulatorContext): string {
  const header = request.headers.authorization;
  const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
  const deviceId = sim.devices.authenticate(token, sim.now().getTime());
  if (deviceId === null) throw new UnauthorizedError('A valid device session token is required.', 'token_refused');
  return deviceId;
}

/**
 * Sync's part of the simulated portal: batch intake with idempotency (ratings, queue-events,
 * verification-counters), heartbeats, the demo enrollment codes, and knobs under /sim/sync.
 */
export const registerSimSyncRoutes: SimulatorRouteRegistrar = (app, sim) => {
  for (const code of DEMO_ENROLLMENT_CODES) sim.devices.addEnrollmentCode(code);
  const store = simSyncStore(sim);

  for (const route of STREAM_ROUTES) {
    app.post<{ Params: { id: string } }>(route.path, async (request, reply) => {
      bearer(request, sim);
      if (request.params.id !== SIM_CENTER_ID) throw new NotFoundError(`There is no center ${request.params.id}.`);
      if (store.knobs.tooManyRequests > 0) {
        store.knobs.tooManyRequests -= 1;
        reply.header('retry-after', String(store.knobs.retryAfterS));
        return sendProblem(reply, problem(429, 'too_many_requests', 'Too many requests', 'The simulated portal is rate limiting.'));
      }
      const body = parseBody(PortalBatchRequestSchema, request.body);
      const invalidItems = body.items.flatMap((item) => {
        const parsed = route.data.safeParse(item.data);
        return parsed.success ? [] : [{ idempotencyId: item.idempotencyId, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ') }];
      });
      if (invalidItems.length > 0) {
        const detail = `${invalidItems.length} item(s) are invalid; nothing was accepted.`;
        return sendProblem(reply, { ...problem(422, 'invalid_items', 'Invalid items', detail), invalidItems } as ReturnType<typeof problem>);
      }
      const answer = intake(store.items[route.stream], body.items);
      store.posts += 1;
      store.duplicates += answer.duplicate.length;
      if (store.knobs.dropAfterReceive > 0) return dropConnection(store, reply);
      return answer;
    });
  }

  app.post<{ Params: { id: string } }>('/api/v1/devices/:id/heartbeat', async (request) => {
    const deviceId = bearer(request, sim);
    if (deviceId !== request.params.id) throw new HttpError(403, 'wrong_device', 'Forbidden', 'A device may only report its own heartbeat.');
    const body = parseBody(PortalHeartbeatRequestSchema, request.body);
    store.heartbeats.push({ deviceId, at: body.at });
    return { ok: true, receivedAt: sim.now().toISOString() };
  });

  app.get('/sim/sync', async () => ({
    knobs: store.knobs,
    posts: store.posts,
    duplicates: store.duplicates,
    heartbeats: store.heartbeats.length,
    received: Object.fromEntries(Object.entries(store.items).map(([k, v]) => [k, v.size])),
  }));
  app.get<{ Querystring: { stream?: string } }>('/sim/sync/ids', async (request) => {
    const stream = (request.query.stream ?? 'ratings') as SyncStream;
    return { ids: [...(store.items[stream]?.keys() ?? [])] };
  });
  app.post('/sim/sync', async (request) => {
    store.knobs = parseBody(SimSyncKnobsSchema, request.body ?? {});
    return store.knobs;
  });
};

function intake(seen: Map<string, unknown>, items: ReadonlyArray<{ idempotencyId: string; data: unknown }>): PortalBatchResponse {
  const answer: PortalBatchResponse = { accepted: [], duplicate: [] };
  for (const item of items) {
    if (seen.has(item.idempotencyId)) answer.duplicate.push(item.idempotencyId);
    else {
      seen.set(item.idempotencyId, item.data);
      answer.accepted.push(item.idempotencyId);
    }
  }
  return answer;
}

// The knob the client must survive: the batch is processed, then the answer is lost.
function dropConnection(store: ReturnType<typeof simSyncStore>, reply: FastifyReply): void {
  store.knobs.dropAfterReceive -= 1;
  reply.hijack();
  reply.raw.socket?.destroy();
}
