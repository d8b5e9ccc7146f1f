import type { EventEnvelope } from '../../../contract/events';

/** Receives committed events, in seq order. */
export type EventListener = (event: EventEnvelope) => void;

/** In-process fan-out of committed events; a throwing listener does not stop the others. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Listen from now on; call the returned function to stop. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Deliver one event to every listener; returns the errors listeners threw. */
  publish(event: EventEnvelope): unknown[] {
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  /** How many listeners there are (diagnostics and tests). */
  get size(): number {
    return this.listeners.size;
  }
}
