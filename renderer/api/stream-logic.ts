import { EVENTS_CLOSE, EventsServerMessageSchema, type EventsServerMessage } from '../../contract/events';

/** States of the event stream as the rest of the renderer sees them. */
export type StreamState = 'connecting' | 'open' | 'closed' | 'unauthorised';

/** Tuning of the reconnect delay: capped exponential growth with jitter. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay that is randomised (0 = none, 1 = full jitter). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, jitter: 0.5 };

/**
 * Delay before reconnect attempt number `attempt` (0-based).
 * Jitter spreads many screens that lost the hub at once so they do not reconnect in lockstep.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const safeAttempt = Math.max(0, Math.floor(attempt));
  // Cap the exponent too, so 2 ** attempt never overflows to Infinity on a long outage.
  const exponential = options.baseMs * 2 ** Math.min(safeAttempt, 30);
  const capped = Math.min(options.maxMs, exponential);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(capped * (1 - jitter) + capped * jitter * r);
}

/** What to do after the socket closed. */
export type CloseDecision = { kind: 'retry' } | { kind: 'stop'; state: 'closed' | 'unauthorised' };

/** Decide, from the close code and whether we closed it ourselves, whether to reconnect. */
export function decideAfterClose(code: number, stoppedByClient: boolean): CloseDecision {
  if (stoppedByClient) return { kind: 'stop', state: 'closed' };
  // A refused token will not become valid by retrying: the screen needs pairing again.
  if (code === EVENTS_CLOSE.unauthorised) return { kind: 'stop', state: 'unauthorised' };
  // A malformed hello is a client bug; retrying would hammer the hub with the same bad message.
  if (code === EVENTS_CLOSE.badHello) return { kind: 'stop', state: 'closed' };
  return { kind: 'retry' };
}

/** True when an event with `seq` is new to a client that has seen up to `lastSeq`. */
export function shouldDeliver(lastSeq: number, seq: number): boolean {
  return seq > lastSeq;
}

/**
 * The client's last seq after the server said `ready`.
 * If the server's log is shorter than what we saw (its data was reset), follow the server,
 * otherwise every new event would look like a duplicate and be dropped forever.
 */
export function reconcileReady(lastSeq: number, serverLastSeq: number): { lastSeq: number; reset: boolean } {
  if (serverLastSeq < lastSeq) return { lastSeq: serverLastSeq, reset: true };
  return { lastSeq, reset: false };
}

/** The WebSocket URL of `/api/events` for a backend base URL (http→ws, https→wss). */
export function toEventsUrl(backendUrl: string): string {
  const url = new URL(backendUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`backend URL must be http(s): ${backendUrl}`);
  }
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/events`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Parse and validate one text frame from the server; null when it is not a valid message. */
export function parseServerMessage(text: unknown): EventsServerMessage | null {
  if (typeof text !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = EventsServerMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
