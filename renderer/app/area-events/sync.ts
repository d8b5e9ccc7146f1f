import { SYNC_STATUS_CHANGED, SyncStatusSchema } from '../../../contract/sync';
import { useSync } from '../../stores/sync';
import type { EventHandlers } from './types';

/** Backend events of the sync area → store updates. */
export const syncEventHandlers: EventHandlers = {
  [SYNC_STATUS_CHANGED]: (event) => {
    const status = SyncStatusSchema.safeParse(event.data);
    if (status.success) useSync.getState().setStatus(status.data);
    else console.warn('[varta] sync.status_changed with invalid data ignored');
  },
};
