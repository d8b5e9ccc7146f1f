import { type EventEnvelope, EventEnvelopeSchema } from '../../../contract/events';
import { VartaError } from '../errors';

/** An event could not be appended: bad type name or data that is not plain JSON. */
export class InvalidEventError extends VartaError {}

const TypeSchema = EventEnvelopeSchema.shape.type;

/** Check an event type name ("ticket.called"); throws InvalidEventError otherwise. */
export function checkEventType(type: string): void {
  if (!TypeSchema.safeParse(type).success) {
    throw new InvalidEventError(`event type "${type}" must look like "area.past_tense_verb", e.g. "ticket.called"`);
  }
}

/** Serialise event data as JSON; throws InvalidEventError for what JSON cannot carry. */
export function serialiseEventData(type: string, data: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(data ?? null);
  } catch (error) {
    throw new InvalidEventError(`data of event "${type}" is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (text === undefined) throw new InvalidEventError(`data of event "${type}" is not JSON-serialisable`);
  return text;
}

/** A stored row of the events table. */
export interface EventRow {
  seq: number;
  type: string;
  at: string;
  data: string;
}

/** Turn a stored row into a contract envelope, validating it. */
export function rowToEnvelope(row: EventRow): EventEnvelope {
  return EventEnvelopeSchema.parse({ seq: row.seq, type: row.type, at: row.at, data: JSON.parse(row.data) });
}
