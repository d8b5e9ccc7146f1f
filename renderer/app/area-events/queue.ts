import { z } from 'zod';
import { CallReasonSchema, DeskNoSchema, QueueIdSchema } from '../../../contract/queue';
import { useQueue } from '../../stores/queue';
import type { EventHandlers } from './types';

// Queue events carry ids, not the rendered views: refetching the followed views (display, desk,
// services) is simple and always right, and costs one small GET per screen per change.
const refreshAll = (): void => void useQueue.getState().refresh();

const QUEUE_EVENT_TYPES = [
  'ticket.issued', 'ticket.recalled', 'ticket.started', 'ticket.no_show',
  'ticket.transferred', 'desk.opened', 'desk.closed', 'desk.break_started', 'desk.break_ended',
  'center.paused', 'center.resumed', 'center.configured', 'day.closed', 'visit.rated', 'bookings.imported',
] as const;

const CalledSchema = z.object({ ticketId: QueueIdSchema, reason: CallReasonSchema });
const FinishedSchema = z.object({ ticketId: QueueIdSchema, deskNo: DeskNoSchema });

/** Backend events of the queue area → store updates. */
export const queueEventHandlers: EventHandlers = {
  ...Object.fromEntries(QUEUE_EVENT_TYPES.map((type) => [type, refreshAll])),
  'ticket.called': (event) => {
    const called = CalledSchema.safeParse(event.data);
    if (called.success) useQueue.getState().noteCallReason(called.data.ticketId, called.data.reason);
    refreshAll();
  },
  'ticket.finished': (event) => {
    // The desk's screen still shows the finished ticket's number until the refetch lands.
    const finished = FinishedSchema.safeParse(event.data);
    const held = useQueue.getState().desk?.current;
    if (finished.success && held && held.ticketId === finished.data.ticketId) {
      useQueue.getState().noteFinished(finished.data.deskNo, { ticketId: held.ticketId, number: held.number });
    }
    refreshAll();
  },
};
