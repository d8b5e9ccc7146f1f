import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  BreakStartBodySchema, DeskBodySchema, NoShowBodySchema, TicketActionBodySchema, TransferBodySchema,
  type DeskView, type QueueCommandInput,
} from '../../../../contract/queue';
import { DeskNoParamSchema, type DeskActionResponse } from '../../../../contract/queue-hub';
import { requireRole } from '../../auth/require-role';
import { NotFoundError } from '../../errors';
import type { QueueService } from '../../queue/queue-service';
import { clientIdOf, eventsOf, parseDeskBody, requireOwnDesk, ticketViewOf, touchedTicketId } from './queue-shared';
import type { RouteRegistrar } from './types';

// A desk's screen: its view and its actions. A desk token acts only for its own desk (403 for
// another); admin for any. Bodies are the contract's command bodies; `deskNo` comes from the path.

function deskNoOf(request: FastifyRequest): number {
  const p = DeskNoParamSchema.safeParse(request.params);
  if (!p.success) throw new NotFoundError('Desks are numbered 1 to 999.');
  return p.data.no;
}

function viewOrNotFound(queue: QueueService, deskNo: number): DeskView {
  const view = queue.desk(deskNo);
  if (view === null) throw new NotFoundError(`Desk ${deskNo} is not configured.`);
  return view;
}

type ActionSpec = [path: string, schema: z.ZodType, toCommand: (body: Record<string, unknown>) => QueueCommandInput];

const ACTIONS: readonly ActionSpec[] = [
  ['call-next', DeskBodySchema, (b) => ({ ...b, type: 'call_next' }) as QueueCommandInput],
  ['call', TicketActionBodySchema, (b) => ({ ...b, type: 'call_ticket' }) as QueueCommandInput],
  ['recall', TicketActionBodySchema, (b) => ({ ...b, type: 'recall' }) as QueueCommandInput],
  ['start', TicketActionBodySchema, (b) => ({ ...b, type: 'start' }) as QueueCommandInput],
  ['finish', TicketActionBodySchema, (b) => ({ ...b, type: 'finish' }) as QueueCommandInput],
  // `auto` is the hub timer's: a person pressing the button is never "auto".
  ['no-show', NoShowBodySchema, (b) => ({ ...b, auto: false, type: 'no_show' }) as QueueCommandInput],
  ['transfer', TransferBodySchema, (b) => ({ ...b, type: 'transfer' }) as QueueCommandInput],
  ['break', BreakStartBodySchema, (b) => ({ ...b, type: 'break_start' }) as QueueCommandInput],
  ['break-end', DeskBodySchema, (b) => ({ ...b, type: 'break_end' }) as QueueCommandInput],
  ['open', DeskBodySchema, (b) => ({ ...b, type: 'open_desk' }) as QueueCommandInput],
  ['close', DeskBodySchema, (b) => ({ ...b, type: 'close_desk' }) as QueueCommandInput],
];

/** GET /api/queue/desks/:no and POST /api/queue/desks/:no/<action>. */
export const registerQueueDeskRoutes: RouteRegistrar = (app, ctx) => {
  const queue = ctx.queue;
  const guard = { preHandler: requireRole('desk') };

  app.get('/api/queue/desks/:no', guard, async (request): Promise<DeskView> => {
    const deskNo = deskNoOf(request);
    requireOwnDesk(request, deskNo);
    return viewOrNotFound(queue, deskNo);
  });

  for (const [path, schema, toCommand] of ACTIONS) {
    app.post(`/api/queue/desks/:no/${path}`, guard, async (request): Promise<DeskActionResponse> => {
      const deskNo = deskNoOf(request);
      const session = requireOwnDesk(request, deskNo);
      const body = parseDeskBody(schema, request.body, deskNo) as Record<string, unknown>;
      const events = eventsOf(await queue.hub.submit(toCommand(body), clientIdOf(session)));
      return { desk: viewOrNotFound(queue, deskNo), ticket: ticketViewOf(queue, touchedTicketId(events)) };
    });
  }
};
