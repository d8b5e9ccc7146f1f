import { QueueIdSchema, type TicketStatusView } from '../../../../contract/queue';
import { NotFoundError } from '../../errors';
import type { RouteRegistrar } from './types';

// The visitor's live status page (/t/<id>, served by the renderer) asks this without a token: the
// ticket id is 120 random bits, so knowing it is the permission. Rate-limited per address so ids
// cannot be guessed at speed; the answer carries no name, only number, position and wait.

const PUBLIC_LIMIT = { max: 120, timeWindow: 60_000 };

/** GET /api/public/tickets/:id (no token). */
export const registerQueuePublicRoutes: RouteRegistrar = (app, ctx) => {
  app.get<{ Params: { id: string } }>(
    '/api/public/tickets/:id',
    { config: { rateLimit: PUBLIC_LIMIT } },
    async (request, reply): Promise<TicketStatusView> => {
      const id = QueueIdSchema.safeParse(request.params.id);
      const view = id.success ? ctx.queue.ticketStatus(id.data) : null;
      if (view === null) throw new NotFoundError('There is no such ticket today.');
      reply.header('cache-control', 'no-store');
      return view;
    },
  );
};
