import type { DeskView, DisplayView, TicketView } from '../../../../contract/queue';
import type { QueueApi } from '../../../../renderer/api/queue';
import { useQueue } from '../../../../renderer/stores/queue';

/** A queue API whose every method fails unless the test provides it. */
export function fakeQueueApi(overrides: Partial<QueueApi>): QueueApi {
  const unused = () => Promise.reject(new Error('not expected in this test'));
  return {
    services: unused, issueTicket: unused, checkIn: unused, display: unused, desk: unused, callNext: unused, callTicket: unused,
    ticketAction: unused, transfer: unused, breakStart: unused, breakEnd: unused, rate: unused, ticketStatus: unused,
    lookupVisit: unused, terminalSettings: unused, ...overrides,
  };
}

/** Forget every view and note between tests. */
export function resetQueueStore(): void {
  useQueue.setState({ services: null, servicesPaused: false, display: null, desk: null, deskNo: null, following: {}, loadError: {}, callReasons: {}, lastFinished: {} });
}

const AT = '2026-11-23T09:00:00+02:00';

/** A ticket view with sensible defaults. */
export function ticket(overrides: Partial<TicketView> = {}): TicketView {
  return {
    ticketId: 't1', number: 'А-012', serviceId: 'passport-id', chain: ['passport-id'], step: 0, status: 'waiting', priority: null,
    bookingId: null, deskNo: null, targetDeskNo: null, recalls: 0, version: 1, issuedAt: AT, calledAt: null, rating: null, ...overrides,
  };
}

/** A desk view with sensible defaults. */
export function deskView(overrides: Partial<DeskView> = {}): DeskView {
  return { deskNo: 1, serviceIds: ['passport-id'], open: true, onBreak: null, current: null, waiting: [], consecutivePriority: 0, ...overrides };
}

/** A display view with the given recent calls (newest first). */
export function displayView(recent: Array<{ number: string; deskNo: number; at: string }>, paused = false): DisplayView {
  return {
    at: AT,
    paused: paused ? { since: AT, reason: 'air_raid' } : null,
    dayClosed: false,
    currentCalls: [],
    recentCalls: recent.map((c) => ({ ticketId: `t-${c.number}`, number: c.number, deskNo: c.deskNo, at: c.at, recall: false })),
    services: [{ serviceId: 'passport-id', name: { uk: 'Паспорт', en: 'Passport' }, prefix: 'А', waiting: 2, estimatedWaitMin: 7 }],
  };
}
