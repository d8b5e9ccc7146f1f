import { z } from 'zod';

// The queue's domain shapes shared by commands, events and views: ids, services, desks, bookings,
// settings. Re-exported by ./queue, which is what the rest of the code imports.

export const QueueIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'id: a letter or digit, then letters, digits, _ . : -');
export const QueueTimeSchema = z.iso.datetime({ offset: true });
export const DeskNoSchema = z.number().int().min(1).max(999);
export const PrefixLetterSchema = z.string().regex(/^\p{Lu}$/u, 'must be one capital letter');
export const QueueReasonSchema = z.string().trim().min(1).max(200);
export const TicketVersionSchema = z.number().int().min(1);

/** Legal priority categories chosen at the terminal (disability covers companions too). */
export const PriorityCategorySchema = z.enum(['disability', 'fallen_defender_family', 'military']);
export type PriorityCategory = z.infer<typeof PriorityCategorySchema>;

/** One service of the center (from the portal's registry). */
export const QueueServiceSchema = z
  .object({
    id: QueueIdSchema,
    name: z.object({ uk: z.string().min(1).max(200), en: z.string().min(1).max(200) }).strict(),
    category: z.string().min(1).max(100),
    prefix: PrefixLetterSchema,
    targetWaitMin: z.number().int().min(1).max(480),
    /** Used for the estimate until real service times are known. */
    expectedServiceMin: z.number().min(1).max(240).optional(),
  })
  .strict();
export type QueueService = z.infer<typeof QueueServiceSchema>;

/** A window (desk) and the services it serves. */
export const QueueDeskSchema = z.object({ deskNo: DeskNoSchema, serviceIds: z.array(QueueIdSchema).min(1).max(100) }).strict();
export type QueueDesk = z.infer<typeof QueueDeskSchema>;

/** A booking made on the portal; `code` is what the booking QR carries or the visitor types. */
export const QueueBookingSchema = z
  .object({
    id: QueueIdSchema,
    code: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'booking code: 4-32 letters or digits'),
    serviceId: QueueIdSchema,
    slotStart: QueueTimeSchema,
    visitorName: z.string().max(200).optional(),
  })
  .strict();
export type QueueBooking = z.infer<typeof QueueBookingSchema>;

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Tunable queue rules; every key has a default. */
export const QueueSettingsSchema = z
  .object({
    timeZone: z.string().refine(isTimeZone, 'unknown time zone').default('Europe/Kyiv'),
    checkInEarlyMin: z.number().int().min(0).max(240).default(15),
    checkInLateMin: z.number().int().min(0).max(240).default(10),
    maxRecalls: z.number().int().min(0).max(10).default(2),
    noShowGraceSec: z.number().int().min(0).max(3600).default(120),
    /** Consecutive priority calls per desk before one regular visitor is called; 0 = no cap. */
    priorityCap: z.number().int().min(0).max(50).default(3),
    /** A ticket waiting longer than ageingFactor x its service's target wait jumps ahead. */
    ageingFactor: z.number().min(1).max(20).default(2),
    /** The one center-wide series of priority tickets (`П-001`). */
    priorityPrefix: PrefixLetterSchema.default('П'),
    recentCallsShown: z.number().int().min(1).max(50).default(8),
    estimateSamples: z.number().int().min(1).max(100).default(10),
    defaultServiceMin: z.number().min(1).max(240).default(10),
    /** Request ids remembered per client for idempotent retries. */
    requestMemory: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

/** Why a ticket was chosen; the UI shows it ("за записом", "пріоритет"). */
export const CallReasonSchema = z.enum(['transfer', 'booking', 'ageing', 'priority', 'oldest', 'manual']);
export type CallReason = z.infer<typeof CallReasonSchema>;

export const RatingReasonSchema = z.enum([
  'polite', 'fast', 'clear', 'helpful', 'long_wait', 'rude', 'unclear', 'not_resolved',
]);
export type RatingReason = z.infer<typeof RatingReasonSchema>;

/** Where a ticket is in its life. */
export const TicketStatusSchema = z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
