import type { WaitEstimate } from '../../../../contract/queue';
import { activeTickets, getService, own, type QueueState } from './state';

// Estimated wait for a newcomer to service S:
//   avgHandle = mean of the last `estimateSamples` call → finish times (walk + service, minus pauses)
//               of S; before any is known, S.expectedServiceMin or settings.defaultServiceMin
//   desks     = desks serving S that are open and not on a break
//   estimate  = waiting(S) × avgHandle / desks          (null when no desk is active)
// A desk serving several services is counted fully for each: the estimate is optimistic when desks
// are shared, and the display rounds it up to whole minutes.

/** Waiting tickets of a service, not counting those transferred to one particular desk. */
export function waitingCount(state: QueueState, serviceId: string): number {
  return activeTickets(state).filter((t) => t.status === 'waiting' && t.serviceId === serviceId && t.targetDeskNo === null).length;
}

/** Open, not-on-break desks serving the service. */
export function activeDeskCount(state: QueueState, serviceId: string): number {
  return Object.values(state.desks).filter((d) => d.open && d.onBreak === null && d.serviceIds.includes(serviceId)).length;
}

/** The average desk time per visitor for the service (ms). */
export function averageHandleMs(state: QueueState, serviceId: string): number {
  const samples = own(state.handleSamples, serviceId) ?? [];
  if (samples.length > 0) return Math.round(samples.reduce((a, b) => a + b, 0) / samples.length);
  const minutes = getService(state, serviceId)?.expectedServiceMin ?? state.settings.defaultServiceMin;
  return Math.round(minutes * 60_000);
}

/** Wait for someone with `ahead` people before them in the service (ms), or null with no active desk. */
export function waitForPosition(state: QueueState, serviceId: string, ahead: number): number | null {
  const desks = activeDeskCount(state, serviceId);
  return desks === 0 ? null : Math.round((ahead * averageHandleMs(state, serviceId)) / desks);
}

/** The estimate for a newcomer to the service, with its inputs. */
export function estimateWait(state: QueueState, serviceId: string): WaitEstimate {
  const waiting = waitingCount(state, serviceId);
  return {
    serviceId,
    waiting,
    activeDesks: activeDeskCount(state, serviceId),
    avgHandleMs: averageHandleMs(state, serviceId),
    estimatedWaitMs: waitForPosition(state, serviceId, waiting),
  };
}
