import { z } from 'zod';

// The center queue's shapes: configuration, command bodies, domain events, views and errors.
// The pure engine (electron/backend/queue/core) decides and applies these; the hub validates HTTP
// bodies and stored events against the same schemas, so the log and the API cannot drift.

import {
  QueueBookingSchema, CallReasonSchema, DeskNoSchema, QueueDeskSchema, QueueIdSchema, QueueTimeSchema, PrefixLetterSchema, PriorityCategorySchema, QueueSettingsSchema,
  RatingReasonSchema, QueueReasonSchema, QueueServiceSchema, TicketVersionSchema,
} from './queue-domain';

// ---- command bodies (HTTP) and commands (body + type) ----

const RequestId = z.string().min(1).max(64);
const common = { requestId: RequestId.optional() };
const onTicket = { ...common, deskNo: DeskNoSchema, ticketId: QueueIdSchema, expectedVersion: TicketVersionSchema.optional() };

export const ConfigureBodySchema = z
  .object({ ...common, services: z.array(QueueServiceSchema).max(500), desks: z.array(QueueDeskSchema).max(999), settings: QueueSettingsSchema.prefault({}) })
  .strict();
export const ImportBookingsBodySchema = z.object({ ...common, bookings: z.array(QueueBookingSchema).max(5000) }).strict();
export const IssueTicketBodySchema = z
  .object({ ...common, serviceId: QueueIdSchema, nextServiceIds: z.array(QueueIdSchema).max(4).default([]), priority: PriorityCategorySchema.nullable().default(null) })
  .strict();
export const CheckInBodySchema = z
  .object({ ...common, code: z.string().min(1).max(64), priority: PriorityCategorySchema.nullable().default(null) })
  .strict();
export const DeskBodySchema = z.object({ ...common, deskNo: DeskNoSchema }).strict();
export const TicketActionBodySchema = z.object(onTicket).strict();
export const NoShowBodySchema = z.object({ ...onTicket, auto: z.boolean().default(false) }).strict();
export const TransferBodySchema = z
  .object({
    ...onTicket,
    to: z
      .object({ serviceId: QueueIdSchema.optional(), deskNo: DeskNoSchema.optional() })
      .strict()
      .refine((t) => t.serviceId !== undefined || t.deskNo !== undefined, 'transfer needs a service or a desk'),
    reason: QueueReasonSchema,
  })
  .strict();
export const BreakStartBodySchema = z.object({ ...common, deskNo: DeskNoSchema, reason: QueueReasonSchema }).strict();
export const PauseBodySchema = z.object({ ...common, reason: QueueReasonSchema.default('air_raid') }).strict();
export const CenterBodySchema = z.object(common).strict();
export const RateBodySchema = z
  .object({
    ...common,
    ticketId: QueueIdSchema,
    score: z.number().int().min(1).max(5),
    reasons: z.array(RatingReasonSchema).max(8).refine((r) => new Set(r).size === r.length, 'reasons repeat').default([]),
  })
  .strict();

const cmd = <T extends string>(type: T) => ({ type: z.literal(type) });
export const ConfigureCommandSchema = ConfigureBodySchema.extend(cmd('configure'));
export const ImportBookingsCommandSchema = ImportBookingsBodySchema.extend(cmd('import_bookings'));
export const IssueTicketCommandSchema = IssueTicketBodySchema.extend(cmd('issue_ticket'));
export const CheckInCommandSchema = CheckInBodySchema.extend(cmd('check_in'));
export const CallNextCommandSchema = DeskBodySchema.extend(cmd('call_next'));
export const CallTicketCommandSchema = TicketActionBodySchema.extend(cmd('call_ticket'));
export const RecallCommandSchema = TicketActionBodySchema.extend(cmd('recall'));
export const StartCommandSchema = TicketActionBodySchema.extend(cmd('start'));
export const FinishCommandSchema = TicketActionBodySchema.extend(cmd('finish'));
export const NoShowCommandSchema = NoShowBodySchema.extend(cmd('no_show'));
export const TransferCommandSchema = TransferBodySchema.extend(cmd('transfer'));
export const BreakStartCommandSchema = BreakStartBodySchema.extend(cmd('break_start'));
export const BreakEndCommandSchema = DeskBodySchema.extend(cmd('break_end'));
export const OpenDeskCommandSchema = DeskBodySchema.extend(cmd('open_desk'));
export const CloseDeskCommandSchema = DeskBodySchema.extend(cmd('close_desk'));
export const PauseCommandSchema = PauseBodySchema.extend(cmd('pause'));
export const ResumeCommandSchema = CenterBodySchema.extend(cmd('resume'));
export const CloseDayCommandSchema = CenterBodySchema.extend(cmd('close_day'));
export const RateCommandSchema = RateBodySchema.extend(cmd('rate'));

/** Every queue command; `type` picks the operation. */
export const QueueCommandSchema = z.discriminatedUnion('type', [
  ConfigureCommandSchema, ImportBookingsCommandSchema, IssueTicketCommandSchema, CheckInCommandSchema,
  CallNextCommandSchema, CallTicketCommandSchema, RecallCommandSchema, StartCommandSchema, FinishCommandSchema,
  NoShowCommandSchema, TransferCommandSchema, BreakStartCommandSchema, BreakEndCommandSchema,
  OpenDeskCommandSchema, CloseDeskCommandSchema, PauseCommandSchema, ResumeCommandSchema,
  CloseDayCommandSchema, RateCommandSchema,
]);
export type QueueCommand = z.infer<typeof QueueCommandSchema>;
export type QueueCommandInput = z.input<typeof QueueCommandSchema>;
export type QueueCommandType = QueueCommand['type'];
export const QueueCommandTypeSchema = z.enum(QueueCommandSchema.options.map((o) => o.shape.type.value) as [QueueCommandType, ...QueueCommandType[]]);
export type IssueTicketBody = z.input<typeof IssueTicketBodySchema>;
export type CheckInBody = z.input<typeof CheckInBodySchema>;
export type TransferBody = z.input<typeof TransferBodySchema>;
export type RateBody = z.input<typeof RateBodySchema>;

// ---- domain events (past tense), the append-only log ----

/** Who asked: the hub fills clientId from the token, requestId from the body. */
export const EventMetaSchema = z
  .object({ clientId: z.string().min(1).max(128).optional(), requestId: RequestId.optional(), command: QueueCommandTypeSchema.optional() })
  .strict();
const ev = <T extends string>(type: T) => ({ type: z.literal(type), at: QueueTimeSchema, meta: EventMetaSchema.optional() });
const tv = { ticketId: QueueIdSchema, version: TicketVersionSchema };

export const QueueEventSchema = z.discriminatedUnion('type', [
  z.object({ ...ev('center.configured'), services: z.array(QueueServiceSchema), desks: z.array(QueueDeskSchema), settings: QueueSettingsSchema }).strict(),
  z.object({ ...ev('bookings.imported'), bookings: z.array(QueueBookingSchema) }).strict(),
  z
    .object({
      ...ev('ticket.issued'), ...tv, number: z.string().min(3).max(16), series: PrefixLetterSchema, seq: z.number().int().min(1),
      date: z.iso.date(), serviceId: QueueIdSchema, nextServiceIds: z.array(QueueIdSchema), priority: PriorityCategorySchema.nullable(),
      bookingId: QueueIdSchema.nullable(),
    })
    .strict(),
  z.object({ ...ev('ticket.called'), ...tv, deskNo: DeskNoSchema, reason: CallReasonSchema }).strict(),
  z.object({ ...ev('ticket.recalled'), ...tv, deskNo: DeskNoSchema, recalls: z.number().int().min(1) }).strict(),
  z.object({ ...ev('ticket.started'), ...tv, deskNo: DeskNoSchema }).strict(),
  z.object({ ...ev('ticket.finished'), ...tv, deskNo: DeskNoSchema, nextServiceId: QueueIdSchema.nullable() }).strict(),
  z.object({ ...ev('ticket.no_show'), ...tv, deskNo: DeskNoSchema, auto: z.boolean() }).strict(),
  z
    .object({ ...ev('ticket.transferred'), ...tv, fromDeskNo: DeskNoSchema, toServiceId: QueueIdSchema, toDeskNo: DeskNoSchema.nullable(), reason: QueueReasonSchema })
    .strict(),
  z.object({ ...ev('desk.opened'), deskNo: DeskNoSchema }).strict(),
  z.object({ ...ev('desk.closed'), deskNo: DeskNoSchema }).strict(),
  z.object({ ...ev('desk.break_started'), deskNo: DeskNoSchema, reason: QueueReasonSchema }).strict(),
  z.object({ ...ev('desk.break_ended'), deskNo: DeskNoSchema }).strict(),
  z.object({ ...ev('center.paused'), reason: QueueReasonSchema }).strict(),
  z.object({ ...ev('center.resumed') }).strict(),
  z.object({ ...ev('day.closed'), date: z.iso.date(), tickets: z.array(z.object(tv).strict()) }).strict(),
  z
    .object({ ...ev('visit.rated'), ...tv, score: z.number().int().min(1).max(5), reasons: z.array(RatingReasonSchema) })
    .strict(),
]);
export type QueueEvent = z.infer<typeof QueueEventSchema>;
export type QueueEventType = QueueEvent['type'];
export type QueueEventOf<T extends QueueEventType> = Extract<QueueEvent, { type: T }>;

const EVENT_SCHEMA_BY_TYPE = new Map<string, z.ZodType>(QueueEventSchema.options.map((o) => [o.shape.type.value, o]));

/** QueueEventSchema.parse, dispatching on `type` first (several times faster when replaying a long log). */
export function parseQueueEvent(input: unknown): QueueEvent {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' ? EVENT_SCHEMA_BY_TYPE.get(type) : undefined;
  return (schema ?? QueueEventSchema).parse(input) as QueueEvent;
}

// ---- errors ----

export const QueueErrorCodeSchema = z.enum([
  'validation_failed', 'not_configured', 'config_invalid', 'config_conflict',
  'service_not_found', 'service_not_served', 'desk_not_found', 'ticket_not_found', 'booking_not_found',
  'booking_already_checked_in', 'booking_outside_window', 'desk_on_break', 'desk_not_on_break', 'desk_busy',
  'ticket_not_held_by_desk', 'ticket_not_waiting', 'ticket_not_called', 'ticket_not_serving',
  'ticket_reserved_for_other_desk', 'queue_empty', 'center_paused', 'center_not_paused', 'day_closed',
  'recall_limit', 'transfer_to_same_place', 'ticket_not_served', 'already_rated', 'version_conflict',
  'request_id_reused',
]);
export type QueueErrorCode = z.infer<typeof QueueErrorCodeSchema>;

/** A refused command: a machine code and a plain English message (the renderer translates the code). */
export const QueueErrorSchema = z.object({ code: QueueErrorCodeSchema, message: z.string() }).strict();
export type QueueError = z.infer<typeof QueueErrorSchema>;

/** HTTP status the hub answers for each refusal (problem+json `code` = the QueueErrorCode). */
export const QUEUE_ERROR_STATUS: Record<QueueErrorCode, 404 | 409 | 422> = {
  validation_failed: 422, not_configured: 409, config_invalid: 422, config_conflict: 409,
  service_not_found: 404, service_not_served: 422, desk_not_found: 404, ticket_not_found: 404,
  booking_not_found: 404, booking_already_checked_in: 409, booking_outside_window: 422, desk_on_break: 409,
  desk_not_on_break: 409, desk_busy: 409, ticket_not_held_by_desk: 409, ticket_not_waiting: 409,
  ticket_not_called: 409, ticket_not_serving: 409, ticket_reserved_for_other_desk: 409, queue_empty: 409,
  center_paused: 409, center_not_paused: 409, day_closed: 409, recall_limit: 409, transfer_to_same_place: 422,
  ticket_not_served: 409, already_rated: 409, version_conflict: 409, request_id_reused: 409,
};

export * from './queue-domain';
export * from './queue-views';
