import type { QueueEvent } from '../../../../contract/queue';
import { applyEvents } from './apply-event';
import { emptyState, type QueueState } from './state';

/** The state rebuilt from the whole log (or from a snapshot plus the events after it). */
export function replay(events: readonly QueueEvent[], from: QueueState = emptyState()): QueueState {
  return applyEvents(from, events);
}
