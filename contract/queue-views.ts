import { z } from 'zod';
import {
  CallReasonSchema, DeskNoSchema, PriorityCategorySchema, QueueIdSchema, QueueReasonSchema, QueueTimeSchema,
  RatingReasonSchema, TicketStatusSchema, TicketVersionSchema,
} from './queue-domain';

// Read models the hub serves: the hall display, a desk's screen, a visitor's status page, figures.
// None of them carries a visitor's name: the display is public.

const Ms = z.number().int().min(0);
const Count = z.number().int().min(0);
const Ratio = z.number().min(0).max(1);

/** One ticket as desks and the admin see it. */
export const TicketViewSchema = z.object({
  ticketId: QueueIdSchema,
  number: z.string(),
  serviceId: QueueIdSchema,
  chain: z.array(QueueIdSchema),
  step: z.number().int().min(0),
  status: TicketStatusSchema,
  priority: PriorityCategorySchema.nullable(),
  bookingId: QueueIdSchema.nullable(),
  deskNo: DeskNoSchema.nullable(),
  targetDeskNo: DeskNoSchema.nullable(),
  recalls: Count,
  version: TicketVersionSchema,
  issuedAt: QueueTimeSchema,
  calledAt: QueueTimeSchema.nullable(),
  rating: z.object({ score: z.number().int().min(1).max(5), reasons: z.array(RatingReasonSchema) }).nullable(),
});
export type TicketView = z.infer<typeof TicketViewSchema>;

/** What the hall display shows. */
export const DisplayViewSchema = z.object({
  at: QueueTimeSchema,
  paused: z.object({ since: QueueTimeSchema, reason: QueueReasonSchema }).nullable(),
  dayClosed: z.boolean(),
  /** Tickets called and not yet at their window, newest first. */
  currentCalls: z.array(
    z.object({ ticketId: QueueIdSchema, number: z.string(), deskNo: DeskNoSchema, calledAt: QueueTimeSchema, recalls: Count, reason: CallReasonSchema }),
  ),
  /** The last N calls and recalls, newest first. */
  recentCalls: z.array(
    z.object({ ticketId: QueueIdSchema, number: z.string(), deskNo: DeskNoSchema, at: QueueTimeSchema, recall: z.boolean() }),
  ),
  services: z.array(
    z.object({
      serviceId: QueueIdSchema,
      name: z.object({ uk: z.string(), en: z.string() }),
      prefix: z.string(),
      waiting: Count,
      estimatedWaitMin: z.number().int().min(0).nullable(),
    }),
  ),
});
export type DisplayView = z.infer<typeof DisplayViewSchema>;

/** A visitor's live status page (`/t/<id>`). */
export const TicketStatusViewSchema = z.object({
  ticketId: QueueIdSchema,
  number: z.string(),
  serviceId: QueueIdSchema,
  status: TicketStatusSchema,
  /** 1 = next; null unless waiting. */
  position: z.number().int().min(1).nullable(),
  estimatedWaitMin: z.number().int().min(0).nullable(),
  deskNo: DeskNoSchema.nullable(),
  paused: z.boolean(),
});
export type TicketStatusView = z.infer<typeof TicketStatusViewSchema>;

/** A desk's screen: its state, the visitor it holds, and its waiting list in call order. */
export const DeskViewSchema = z.object({
  deskNo: DeskNoSchema,
  serviceIds: z.array(QueueIdSchema),
  open: z.boolean(),
  onBreak: z.object({ reason: QueueReasonSchema, since: QueueTimeSchema }).nullable(),
  current: TicketViewSchema.nullable(),
  waiting: z.array(z.object({ ticket: TicketViewSchema, reason: CallReasonSchema, waitedMs: Ms })),
  consecutivePriority: Count,
});
export type DeskView = z.infer<typeof DeskViewSchema>;

/** How one service leg of a visit ended; `open` while it is still going. */
export const LegOutcomeSchema = z.enum(['served', 'no_show', 'transferred', 'closed', 'open']);
export type LegOutcome = z.infer<typeof LegOutcomeSchema>;

/** Times of one visit, per service leg; all durations exclude air-raid pauses. */
export const VisitFiguresSchema = z.object({
  ticketId: QueueIdSchema,
  number: z.string(),
  legs: z.array(
    z.object({
      serviceId: QueueIdSchema,
      deskNo: DeskNoSchema.nullable(),
      outcome: LegOutcomeSchema,
      waitMs: Ms.nullable(),
      walkMs: Ms.nullable(),
      serviceMs: Ms.nullable(),
      wrapUpMs: Ms.nullable(),
    }),
  ),
  totalWaitMs: Ms,
  totalServiceMs: Ms,
});
export type VisitFigures = z.infer<typeof VisitFiguresSchema>;

const legCounts = {
  arrived: Count, called: Count, served: Count, noShows: Count, transferredOut: Count, abandoned: Count,
  /** Legs called within the service's target wait / (called + abandoned); null with no such legs. */
  serviceLevel: Ratio.nullable(),
  avgWaitMs: Ms.nullable(),
  avgServiceMs: Ms.nullable(),
};

/** Day figures per service, per desk and per local hour of arrival. */
export const QueueFiguresSchema = z.object({
  date: z.iso.date(),
  services: z.array(z.object({ serviceId: QueueIdSchema, ...legCounts })),
  desks: z.array(
    z.object({
      deskNo: DeskNoSchema, called: Count, served: Count, noShows: Count, transferredOut: Count,
      avgWalkMs: Ms.nullable(), avgServiceMs: Ms.nullable(), avgWrapUpMs: Ms.nullable(),
    }),
  ),
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), ...legCounts })),
});
export type QueueFigures = z.infer<typeof QueueFiguresSchema>;

/** Estimated wait for a newcomer to a service, with the inputs that produced it. */
export const WaitEstimateSchema = z.object({
  serviceId: QueueIdSchema,
  waiting: Count,
  activeDesks: Count,
  avgHandleMs: Ms,
  estimatedWaitMs: Ms.nullable(),
});
export type WaitEstimate = z.infer<typeof WaitEstimateSchema>;
