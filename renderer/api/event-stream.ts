import type { EventEnvelope, EventsHello } from '../../contract/events';
import {
  DEFAULT_BACKOFF,
  backoffDelay,
  decideAfterClose,
  parseServerMessage,
  reconcileReady,
  shouldDeliver,
  type BackoffOptions,
  type StreamState,
} from './stream-logic';

/** The subset of the browser WebSocket the stream uses (lets tests pass a fake). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Timer functions, injectable so tests control time without sleeping. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface EventStreamOptions {
  url: string;
  token: string;
  /** Last seq the client has already seen; the server replays everything after it. */
  since?: number;
  onEvent(event: EventEnvelope): void;
  onState(state: StreamState): void;
  /** Called after the server's `ready` (all missed events delivered); `reset` when its log shrank. */
  onReady?(lastSeq: number, reset: boolean): void;
  backoff?: BackoffOptions;
  /** Give up on a socket that has not reached `ready` within this time, and retry. */
  readyTimeoutMs?: number;
  random?: () => number;
  createSocket?: (url: string) => SocketLike;
  timers?: Timers;
}

export interface EventStream {
  /** Stop for good: closes the socket and cancels any pending reconnect. */
  close(): void;
  /** Skip the backoff wait and reconnect now (e.g. when the browser comes back online). */
  reconnectNow(): void;
  /** Highest seq delivered so far. */
  lastSeq(): number;
  state(): StreamState;
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Open the backend event stream: hello/resume by last seq, reconnect with backoff, no duplicates. */
export function createEventStream(options: EventStreamOptions): EventStream {
  const connection = new StreamConnection(options);
  connection.connect();
  return {
    close: () => connection.stop(),
    reconnectNow: () => connection.reconnectNow(),
    lastSeq: () => connection.lastSeq,
    state: () => connection.state,
  };
}

/** The socket lifecycle behind createEventStream; decisions come from the pure functions in stream-logic. */
class StreamConnection {
  lastSeq: number;
  state: StreamState = 'closed';
  private attempt = 0;
  private socket: SocketLike | null = null;
  private retryTimer: unknown = null;
  private readyTimer: unknown = null;
  private stopped = false;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly readyTimeoutMs: number;

  constructor(private readonly options: EventStreamOptions) {
    this.lastSeq = Math.max(0, options.since ?? 0);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? browserTimers;
    this.createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    this.readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  }

  connect(): void {
    if (this.stopped) return;
    this.setState('connecting');
    let ws: SocketLike;
    try {
      ws = this.createSocket(this.options.url);
    } catch (error) {
      console.warn('[varta] could not open the event stream', error);
      this.setState('closed');
      this.scheduleRetry();
      return;
    }
    this.socket = ws;
    ws.onopen = () => {
      const hello: EventsHello = { type: 'hello', token: this.options.token, since: this.lastSeq };
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (ev) => {
      if (ws === this.socket) this.handleMessage(ev.data);
    };
    // onerror is always followed by onclose, which decides what to do.
    ws.onerror = () => undefined;
    ws.onclose = (ev) => this.handleClose(ws, ev.code);
    this.readyTimer = this.timers.set(() => {
      this.readyTimer = null;
      // A socket that never says ready is abandoned; its late onclose is then ignored.
      ws.close(4000, 'ready timeout');
      this.handleClose(ws, 4000);
    }, this.readyTimeoutMs);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const ws = this.socket;
    this.socket = null;
    ws?.close(1000, 'client closed');
    this.setState('closed');
  }

  reconnectNow(): void {
    if (this.stopped || this.state !== 'closed') return;
    this.clearTimers();
    this.connect();
  }

  private setState(next: StreamState): void {
    if (next === this.state) return;
    this.state = next;
    this.options.onState(next);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.timers.clear(this.retryTimer);
    if (this.readyTimer !== null) this.timers.clear(this.readyTimer);
    this.retryTimer = null;
    this.readyTimer = null;
  }

  private handleMessage(data: unknown): void {
    const message = parseServerMessage(data);
    if (message === null) {
      console.warn('[varta] ignored a malformed event-stream message');
      return;
    }
    if (message.kind === 'event') {
      if (!shouldDeliver(this.lastSeq, message.event.seq)) return;
      this.lastSeq = message.event.seq;
      this.options.onEvent(message.event);
      return;
    }
    const reconciled = reconcileReady(this.lastSeq, message.lastSeq);
    this.lastSeq = reconciled.lastSeq;
    this.attempt = 0;
    if (this.readyTimer !== null) this.timers.clear(this.readyTimer);
    this.readyTimer = null;
    this.setState('open');
    this.options.onReady?.(this.lastSeq, reconciled.reset);
  }

  private handleClose(owner: SocketLike, code: number): void {
    if (owner !== this.socket) return; // a socket we already replaced or abandoned
    this.socket = null;
    this.clearTimers();
    const decision = decideAfterClose(code, this.stopped);
    if (decision.kind === 'stop') {
      this.setState(decision.state);
      return;
    }
    this.setState('closed');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt += 1;
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }
}
