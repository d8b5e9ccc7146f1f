import { QueueEventSchema, type QueueEventType } from '../../../contract/queue';

/** Every queue event type; each is also the `type` of its envelope in the shared events log. */
export const QUEUE_EVENT_TYPES: readonly QueueEventType[] = QueueEventSchema.options.map((o) => o.shape.type.value);

const SET = new Set<string>(QUEUE_EVENT_TYPES);

/** True for the envelope types the queue owns. */
export function isQueueEventType(type: string): type is QueueEventType {
  return SET.has(type);
}
