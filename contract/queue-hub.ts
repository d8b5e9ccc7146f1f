import { z } from 'zod';
import { DeskViewSchema, TicketStatusViewSchema, TicketViewSchema } from './queue-views';
import {
  DeskNoSchema, PrefixLetterSchema, QueueDeskSchema, QueueIdSchema, QueueServiceSchema, QueueSettingsSchema, TicketStatusSchema,
} from './queue-domain';

// Response shapes of the hub's queue routes (/api/queue/*, /api/public/tickets/:id). Requests use the
// body schemas of ./queue; events on /api/events carry the QueueEvent of ./queue as their data.

/** `GET /api/queue/services`: one entry per service, in the center's order. */
export const QueueServiceEntrySchema = QueueServiceSchema.extend({
  waiting: z.number().int().min(0),
  activeDesks: z.number().int().min(0),
  /** Minutes a newcomer would wait; null while no desk serving it is open. */
  estimatedWaitMin: z.number().int().min(0).nullable(),
});
export type QueueServiceEntry = z.infer<typeof QueueServiceEntrySchema>;
export const QueueServicesResponseSchema = z.object({
  services: z.array(QueueServiceEntrySchema),
  paused: z.boolean(),
  dayClosed: z.boolean(),
});
export type QueueServicesResponse = z.infer<typeof QueueServicesResponseSchema>;

/** `POST /api/queue/tickets` and `POST /api/queue/check-ins` (201; a retried requestId gets the same body). */
export const IssuedTicketResponseSchema = z.object({
  ticket: TicketViewSchema,
  /** 1 = next in its queue. */
  position: z.number().int().min(1).nullable(),
  estimatedWaitMin: z.number().int().min(0).nullable(),
  /** Relative link of the live status page (`/t/<ticketId>`), for the ticket's QR. */
  statusUrl: z.string(),
});
export type IssuedTicketResponse = z.infer<typeof IssuedTicketResponseSchema>;

/** `POST /api/queue/desks/:no/<action>`: the desk after the action, and the ticket it touched (if any). */
export const DeskActionResponseSchema = z.object({ desk: DeskViewSchema, ticket: TicketViewSchema.nullable() });
export type DeskActionResponse = z.infer<typeof DeskActionResponseSchema>;

/** Center-wide actions and admin writes: the log positions of the events they appended. */
export const QueueAckSchema = z.object({ ok: z.literal(true), seqs: z.array(z.number().int().positive()) });
export type QueueAck = z.infer<typeof QueueAckSchema>;

/** `GET /api/queue/center` (admin): the configuration in force. */
export const QueueCenterResponseSchema = z.object({
  configured: z.boolean(),
  services: z.array(QueueServiceSchema),
  desks: z.array(QueueDeskSchema),
  settings: QueueSettingsSchema,
  day: z.object({ date: z.iso.date().nullable(), closed: z.boolean() }),
  paused: z.object({ since: z.iso.datetime({ offset: true }), reason: z.string() }).nullable(),
  bookingsToday: z.number().int().min(0),
});
export type QueueCenterResponse = z.infer<typeof QueueCenterResponseSchema>;

/** `POST /api/queue/ratings` (201). */
export const RatingResponseSchema = z.object({ ticketId: QueueIdSchema, score: z.number().int().min(1).max(5), seq: z.number().int().positive().nullable() });
export type RatingResponse = z.infer<typeof RatingResponseSchema>;

/** `GET /api/queue/visits/lookup?ticketId=…` or `?number=А-012` (terminal, desk): a visit to rate, found as the visitor names it. */
export const VisitLookupQuerySchema = z.union([
  z.object({ ticketId: QueueIdSchema }).strict(),
  z.object({ number: z.string().trim().min(2).max(16) }).strict(),
]);
export type VisitLookupQuery = z.infer<typeof VisitLookupQuerySchema>;
export const VisitLookupResponseSchema = z.object({
  ticketId: QueueIdSchema,
  number: z.string(),
  status: TicketStatusSchema,
  /** At least one service leg was served (the hub's condition for a rating). */
  served: z.boolean(),
  rated: z.boolean(),
});
export type VisitLookupResponse = z.infer<typeof VisitLookupResponseSchema>;

/** `GET /api/queue/terminal/settings` (any token): what the visitors' terminal needs besides the services. */
export const TerminalSettingsResponseSchema = z.object({
  /** The admin enabled a camera for the terminal: the check-in screen starts it by itself. */
  camera: z.boolean(),
  /** The priority series letter, so the number keypad offers it next to the services' prefixes. */
  priorityPrefix: PrefixLetterSchema,
});
export type TerminalSettingsResponse = z.infer<typeof TerminalSettingsResponseSchema>;

/** `GET /api/public/tickets/:id` (no token). */
export const PublicTicketResponseSchema = TicketStatusViewSchema;

/** Desk numbers in a path (`/api/queue/desks/:no/...`). */
export const DeskNoParamSchema = z.object({ no: z.coerce.number().pipe(DeskNoSchema) });

/** `GET /api/queue/figures?date=YYYY-MM-DD` (default: today in the center's time zone). */
export const FiguresQuerySchema = z.object({ date: z.iso.date().optional() }).strict();
