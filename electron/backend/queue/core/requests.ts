import type { QueueCommandType, QueueEvent } from '../../../../contract/queue';
import { refuse } from './errors';
import { own, type QueueState, type RequestRecord } from './state';

// Idempotent retries. Events carry the client id and request id of the command that produced
// them; the state remembers the last `settings.requestMemory` requests per client with their events,
// so a retried request is answered with what it did the first time instead of acting twice.
// Refused commands produce no events and are not remembered: retrying one simply decides again.

const ANONYMOUS = '-';

/** Remember the request an event belongs to (events of one command arrive consecutively). */
export function recordRequest(state: QueueState, event: QueueEvent): QueueState {
  const requestId = event.meta?.requestId;
  if (requestId === undefined) return state;
  const client = event.meta?.clientId ?? ANONYMOUS;
  const list = own(state.requests, client) ?? [];
  const last = list[list.length - 1];
  let next: RequestRecord[];
  if (last !== undefined && last.requestId === requestId) {
    next = [...list.slice(0, -1), { ...last, events: [...last.events, event] }];
  } else {
    const record: RequestRecord = { requestId, command: event.meta?.command ?? null, events: [event] };
    next = [...list, record].slice(-state.settings.requestMemory);
  }
  return { ...state, requests: { ...state.requests, [client]: next } };
}

/**
 * The events a request already produced, or undefined if this request id is new for the client.
 * Refuses when the id was used for a different kind of command (a client bug, not a retry).
 */
export function findReplay(
  state: QueueState,
  clientId: string | undefined,
  requestId: string | undefined,
  command: QueueCommandType,
): readonly QueueEvent[] | undefined {
  if (requestId === undefined) return undefined;
  const record = (own(state.requests, clientId ?? ANONYMOUS) ?? []).find((r) => r.requestId === requestId);
  if (record === undefined) return undefined;
  if (record.command !== null && record.command !== command) {
    refuse('request_id_reused', `Request id ${requestId} was already used for "${record.command}".`);
  }
  return record.events;
}
