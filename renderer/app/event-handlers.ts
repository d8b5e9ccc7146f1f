import type { EventEnvelope } from '../../contract/events';
import { PortalStatusSchema } from '../../contract/status';
import { useConnection } from '../stores/connection';
import { eidEventHandlers } from './area-events/eid';
import { queueEventHandlers } from './area-events/queue';
import { syncEventHandlers } from './area-events/sync';
import type { EventHandlers } from './area-events/types';

/** Event type → what it changes in the stores; each area keeps its own map in area-events/. */
const HANDLERS: EventHandlers = {
  ...eidEventHandlers,
  ...queueEventHandlers,
  ...syncEventHandlers,
  'portal.status_changed': (event) => {
    const portal = PortalStatusSchema.safeParse(event.data);
    if (portal.success) useConnection.getState().setPortal(portal.data);
    else console.warn('[varta] portal.status_changed with invalid data', portal.error.issues);
  },
};

/** Route one backend event to the store that owns it; unknown types are ignored on purpose. */
export function dispatchBackendEvent(event: EventEnvelope): void {
  HANDLERS[event.type]?.(event);
}
