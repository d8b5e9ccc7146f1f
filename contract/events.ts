import { z } from 'zod';

/** One event as stored in the log and sent over WebSocket; `seq` grows by one per event. */
export const EventEnvelopeSchema = z.object({
  seq: z.number().int().positive(),
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'type must look like "ticket.called"'),
  at: z.iso.datetime({ offset: true }),
  data: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** First message a client sends on /api/events: its token and the last seq it has seen. */
export const EventsHelloSchema = z.object({
  type: z.literal('hello'),
  token: z.string().min(1),
  since: z.number().int().min(0).default(0),
});
export type EventsHello = z.infer<typeof EventsHelloSchema>;

/** Messages the server sends on /api/events. */
export const EventsServerMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), lastSeq: z.number().int().min(0) }),
  z.object({ kind: z.literal('event'), event: EventEnvelopeSchema }),
]);
export type EventsServerMessage = z.infer<typeof EventsServerMessageSchema>;

/** WebSocket close codes the events socket uses (4000-4999 are the application's). */
export const EVENTS_CLOSE = { unauthorised: 4401, badHello: 4400, helloTimeout: 4408 } as const;
