// Event type names used by the foundation. Past tense, `area.what_happened`.
// Later areas keep their own constants next to their code (e.g. queue/events.ts).

export const SYSTEM_STARTED = 'system.started';
export const DEVICE_PAIRED = 'device.paired';
export const PORTAL_STATUS_CHANGED = 'portal.status_changed';
