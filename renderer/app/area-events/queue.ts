import type { EventHandlers } from './types';

/** Backend events of the queue area → store updates. */
export const queueEventHandlers: EventHandlers = {};
