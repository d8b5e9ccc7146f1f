import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { QUEUE_ERROR_STATUS, type QueueEvent, type TicketView } from '../../../../contract/queue';
import type { IssuedTicketResponse } from '../../../../contract/queue-hub';
import type { AuthSession } from '../../auth/auth-service';
import { sessionOf } from '../../auth/require-role';
import { ForbiddenError, HttpError, NotFoundError, ValidationError } from '../../errors';
import { getTicket, toTicketView } from '../../queue/core';
import type { HubResult } from '../../queue/hub';
import type { QueueService } from '../../queue/queue-service';
import { parseBody } from '../parse-body';

// Helpers shared by the queue route files: who is asking, refusals as problem+json, response shapes.

const TITLES: Record<number, string> = { 404: 'Not found', 409: 'Conflict', 422: 'Unprocessable request' };

/** The request-id scope of a paired client: its token. */
export function clientIdOf(session: AuthSession): string {
  return `tok:${session.tokenId}`;
}

/** The committed (or replayed) events of a result; a refusal becomes problem+json with the queue's code. */
export function eventsOf(result: HubResult): readonly QueueEvent[] {
  if (result.ok) return result.events;
  const status = QUEUE_ERROR_STATUS[result.error.code];
  throw new HttpError(status, result.error.code, TITLES[status] ?? 'Refused', result.error.message);
}

/** The ticket an action touched (the first ticket event), if any. */
export function touchedTicketId(events: readonly QueueEvent[]): string | null {
  for (const e of events) if ('ticketId' in e) return e.ticketId;
  return null;
}

/** A ticket as desks see it, or null when unknown (e.g. dropped with an earlier day). */
export function ticketViewOf(queue: QueueService, ticketId: string | null): TicketView | null {
  const t = ticketId === null ? undefined : getTicket(queue.hub.current, ticketId);
  return t === undefined ? null : toTicketView(t);
}

/** The 201 body of an issued ticket or check-in. */
export function issuedResponse(queue: QueueService, events: readonly QueueEvent[]): IssuedTicketResponse {
  const issued = events.find((e) => e.type === 'ticket.issued');
  const ticket = ticketViewOf(queue, issued?.ticketId ?? null);
  const status = issued === undefined ? null : queue.ticketStatus(issued.ticketId);
  if (ticket === null || status === null) throw new NotFoundError('The ticket of this request no longer exists.');
  return { ticket, position: status.position, estimatedWaitMin: status.estimatedWaitMin, statusUrl: `/t/${ticket.ticketId}` };
}

/** A desk token may act only for its own desk (admin for any). */
export function requireOwnDesk(request: FastifyRequest, deskNo: number): AuthSession {
  const session = sessionOf(request);
  if (session.role === 'desk' && session.deskNo !== deskNo) {
    throw new ForbiddenError(`This token belongs to desk ${session.deskNo ?? '?'}; it may not act for desk ${deskNo}.`);
  }
  return session;
}

/** Parse a desk action body; the desk comes from the path (a body naming another desk is a 400). */
export function parseDeskBody<S extends z.ZodType>(schema: S, body: unknown, deskNo: number): z.output<S> {
  const raw = body === undefined || body === null ? {} : body;
  if (typeof raw !== 'object' || Array.isArray(raw)) return parseBody(schema, raw);
  const parsed = parseBody(schema, { deskNo, ...(raw as Record<string, unknown>) }) as z.output<S> & { deskNo?: number };
  if (parsed.deskNo !== deskNo) throw new ValidationError([{ path: 'deskNo', message: `must be ${deskNo}, the desk in the path` }]);
  return parsed;
}
