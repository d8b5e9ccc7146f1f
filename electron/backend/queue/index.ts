// The queue hub around the pure core (./core): persistence, group commit, timers, center pull, views.
export { applyBookings, applyCenterConfig, syncCenterFromPortal, fetchBookings, TRAINING_CENTER_ID, PORTAL_CLIENT_ID, type CenterSyncReport } from './center-sync';
export { QUEUE_EVENT_TYPES, isQueueEventType } from './event-types';
export { QueueHub, newTicketId, type HubResult, type WriteWithEvents, type QueueHubDeps } from './hub';
export { readQueueLog, type StoredQueueEvent } from './log-reader';
export { QueueService, type QueueServiceDeps, type QueueServiceOptions } from './queue-service';
export { HUB_CLIENT_ID, lastInstantOfLocalDate, tickQueue } from './timers';
