import type { EventHandlers } from './types';

/** Backend events of the sync area → store updates. */
export const syncEventHandlers: EventHandlers = {};
