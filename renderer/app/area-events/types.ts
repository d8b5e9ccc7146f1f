import type { EventEnvelope } from '../../../contract/events';

/** Event type → what it changes in the stores. */
export type EventHandlers = Record<string, (event: EventEnvelope) => void>;
