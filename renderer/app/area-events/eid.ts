import type { EventHandlers } from './types';

/** Backend events of the eid area → store updates. */
export const eidEventHandlers: EventHandlers = {};
