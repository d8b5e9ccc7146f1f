// The pure queue engine: decide commands, apply events, read views and figures. No I/O, no clock.
export { applyEvent, applyEvents } from './apply-event';
export { decide, type DecideContext } from './decide';
export type { Decision } from './errors';
export { activeDeskCount, averageHandleMs, estimateWait, waitForPosition, waitingCount } from './estimate-wait';
export { computeFigures, visitFigures } from './figures';
export { findTicketByNumber, findVisit, parseTicketNumber } from './find-ticket';
export { noShowDue, type NoShowDue } from './no-show';
export { formatTicketNumber, localDate, localHour } from './numbering';
export { eligibleFor, pickNext, rankForDesk, type Candidate } from './pick-next';
export { replay } from './replay';
export {
  activeTickets, emptyState, getDesk, getService, getTicket,
  type BookingState, type DeskState, type Leg, type QueueState, type RecentCall, type RequestRecord, type Ticket,
} from './state';
export { tableValues, type Table } from './table';
export { effectiveMs, pausedWithin } from './time';
export { deskView, displayView, ticketStatusView, toTicketView } from './views';
