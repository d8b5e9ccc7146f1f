export { EventBus, type EventListener } from './event-bus';
export { EventLog, type EventLogOptions } from './event-log';
export { DEVICE_PAIRED, PORTAL_STATUS_CHANGED, SYSTEM_STARTED } from './event-types';
export { checkEventType, InvalidEventError, rowToEnvelope, serialiseEventData, type EventRow } from './envelope';
