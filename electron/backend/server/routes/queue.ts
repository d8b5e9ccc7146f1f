import {
  CenterBodySchema, CheckInBodySchema, ConfigureBodySchema, PauseBodySchema, ImportBookingsBodySchema, IssueTicketBodySchema, RateBodySchema,
  type DisplayView, type QueueCommandInput, type QueueFigures,
} from '../../../../contract/queue';
import {
  FiguresQuerySchema, VisitLookupQuerySchema, type IssuedTicketResponse, type QueueAck, type QueueCenterResponse,
  type QueueServicesResponse, type RatingResponse, type TerminalSettingsResponse, type VisitLookupResponse,
} from '../../../../contract/queue-hub';
import type { AuthSession } from '../../auth/auth-service';
import { requireRole, requireSession, sessionOf } from '../../auth/require-role';
import { HttpError, TooManyRequestsError, ValidationError } from '../../errors';
import { findVisit } from '../../queue/core';
import { parseBody, zodIssuesToFieldErrors } from '../parse-body';
import { clientIdOf, eventsOf, issuedResponse } from './queue-shared';
import type { RouteRegistrar } from './types';
import type { BackendContext } from '../../context';

// The queue's hub API for terminals, displays and the admin (desk actions: queue-desk.ts; the
// visitor's public status: queue-public.ts). Every body is a contract schema; refusals carry the
// queue's error code with QUEUE_ERROR_STATUS.

function limitIssuing(ctx: BackendContext, session: AuthSession): void {
  if (session.role === 'admin') return;
  if (!ctx.queue.limiter.take(String(session.tokenId), performance.now())) {
    throw new TooManyRequestsError('This terminal is sending tickets too fast; wait a moment.');
  }
}

/** Terminal (tickets, check-ins, its settings), any role (services, display), admin (center, figures), ratings and visit lookup. */
export const registerQueueRoutes: RouteRegistrar = (app, ctx) => {
  const queue = ctx.queue;

  app.get('/api/queue/services', { preHandler: requireSession() }, async (): Promise<QueueServicesResponse> => queue.services());
  app.get('/api/queue/display', { preHandler: requireSession() }, async (): Promise<DisplayView> => queue.display());

  // Issuing a ticket and checking in a booking: the terminal's two rate-limited ways into the queue.
  const issuing = (path: string, parse: (body: unknown) => QueueCommandInput): void => {
    app.post(path, { preHandler: requireRole('terminal') }, async (request, reply): Promise<IssuedTicketResponse> => {
      const session = sessionOf(request);
      limitIssuing(ctx, session);
      const events = eventsOf(await queue.hub.submit(parse(request.body), clientIdOf(session)));
      reply.code(201);
      return issuedResponse(queue, events);
    });
  };
  issuing('/api/queue/tickets', (body) => ({ ...parseBody(IssueTicketBodySchema, body), type: 'issue_ticket' }));
  issuing('/api/queue/check-ins', (body) => ({ ...parseBody(CheckInBodySchema, body), type: 'check_in' }));

  app.post('/api/queue/ratings', { preHandler: requireRole('terminal', 'desk') }, async (request, reply): Promise<RatingResponse> => {
    const body = parseBody(RateBodySchema, request.body);
    const result = await queue.hub.submit({ ...body, type: 'rate' }, clientIdOf(sessionOf(request)));
    const events = eventsOf(result);
    const rated = events.find((e) => e.type === 'visit.rated');
    reply.code(201);
    return { ticketId: body.ticketId, score: rated?.type === 'visit.rated' ? rated.score : body.score, seq: result.ok ? (result.seqs[0] ?? null) : null };
  });

  // The visitor rates at the terminal (or a desk-side screen) after scanning the ticket's QR or typing
  // its number: this finds the visit and says whether it can be rated, before any star is touched.
  app.get('/api/queue/visits/lookup', { preHandler: requireRole('terminal', 'desk') }, async (request): Promise<VisitLookupResponse> => {
    const query = VisitLookupQuerySchema.safeParse(request.query ?? {});
    if (!query.success) throw new ValidationError(zodIssuesToFieldErrors(query.error.issues), 'Give a ticketId or a ticket number.');
    const found = findVisit(queue.hub.current, query.data, queue.hub.nowMs());
    if (found === undefined) throw new HttpError(404, 'ticket_not_found', 'Not found', 'There is no such ticket today (a typed number finds only visits that ended in the last 30 minutes).');
    const served = found.legs.some((leg) => leg.outcome === 'served');
    return { ticketId: found.id, number: found.number, status: found.status, served, rated: found.rating !== null };
  });

  app.get('/api/queue/terminal/settings', { preHandler: requireSession() }, async (): Promise<TerminalSettingsResponse> => ({
    camera: ctx.config.terminal.camera,
    priorityPrefix: queue.hub.current.settings.priorityPrefix,
  }));

  const center = (path: string, run: (body: unknown, clientId: string) => ReturnType<typeof queue.hub.submit>): void => {
    app.post(path, { preHandler: requireRole('admin') }, async (request): Promise<QueueAck> => {
      const result = await run(request.body ?? {}, clientIdOf(sessionOf(request)));
      eventsOf(result);
      return { ok: true, seqs: result.ok ? [...result.seqs] : [] };
    });
  };
  center('/api/queue/center/pause', (b, c) => queue.hub.submit({ ...parseBody(PauseBodySchema, b), type: 'pause' }, c));
  center('/api/queue/center/resume', (b, c) => queue.hub.submit({ ...parseBody(CenterBodySchema, b), type: 'resume' }, c));
  center('/api/queue/center/close-day', (b, c) => queue.hub.submit({ ...parseBody(CenterBodySchema, b), type: 'close_day' }, c));
  center('/api/queue/center/configure', (b, c) => queue.hub.submit({ ...parseBody(ConfigureBodySchema, b), type: 'configure' }, c));
  center('/api/queue/bookings', (b, c) => queue.hub.submit({ ...parseBody(ImportBookingsBodySchema, b), type: 'import_bookings' }, c));

  app.get('/api/queue/center', { preHandler: requireRole('admin') }, async (): Promise<QueueCenterResponse> => queue.center());
  app.post('/api/queue/center/pull', { preHandler: requireRole('admin') }, async () => ({ report: await queue.pullCenter() }));

  app.get('/api/queue/figures', { preHandler: requireRole('admin') }, async (request): Promise<QueueFigures> => {
    const query = FiguresQuerySchema.safeParse(request.query ?? {});
    if (!query.success) throw new ValidationError(zodIssuesToFieldErrors(query.error.issues), 'The query is invalid.');
    return queue.figures(query.data.date ?? queue.today());
  });
};
