import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { EVENTS_CLOSE, type EventEnvelope, EventsHelloSchema, type EventsServerMessage } from '../../../contract/events';
import type { BackendContext } from '../context';
import type { Scope } from '../../../contract/roles';
import { isEventVisibleTo } from '../events/visibility';
import { HttpError } from '../errors';

// /api/events: the client's first message is {type:'hello', token, since} (tokens never go
// in URLs). The server then replays every stored event after `since`, says {kind:'ready'},
// and streams live events. To leave no gap and no duplicate between replay and live, it
// subscribes to the bus BEFORE reading the database, buffers what arrives meanwhile, and
// after the replay sends only buffered events newer than the last one replayed.
// ready.lastSeq is the seq the client is at after the replay.

const REPLAY_PAGE = 500;
// A client that cannot keep up is closed (1013 "try again later") and resumes by seq.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface EventsSocketOptions {
  helloTimeoutMs: number;
}

/** Register the events WebSocket route. */
export function registerEventsSocket(app: FastifyInstance, ctx: BackendContext, options: EventsSocketOptions): void {
  app.route({
    method: 'GET',
    url: '/api/events',
    handler: async () => {
      throw new HttpError(426, 'upgrade_required', 'Upgrade required', 'Open /api/events as a WebSocket.');
    },
    wsHandler: (socket, request) => {
      new EventsStream(socket, ctx, options.helloTimeoutMs, request.log).start();
    },
  });
}

type State = 'awaiting_hello' | 'checking' | 'replaying' | 'live' | 'closed';

class EventsStream {
  private state: State = 'awaiting_hello';
  private lastSent = 0;
  private buffer: EventEnvelope[] = [];
  private unsubscribe: (() => void) | null = null;
  private helloTimer: NodeJS.Timeout | null = null;
  private scope: Pick<Scope, 'role'> = { role: 'display' };

  constructor(
    private readonly socket: WebSocket,
    private readonly ctx: BackendContext,
    private readonly helloTimeoutMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    // Handlers are attached synchronously so the hello cannot be missed.
    this.socket.on('message', (data) => {
      if (this.state === 'awaiting_hello') void this.onHello(data.toString());
    });
    this.socket.on('close', () => this.cleanUp());
    this.socket.on('error', (error) => this.log.debug({ err: error }, 'events socket error'));
    this.helloTimer = setTimeout(() => this.close(EVENTS_CLOSE.helloTimeout, 'no hello'), this.helloTimeoutMs);
  }

  private async onHello(text: string): Promise<void> {
    this.state = 'checking';
    if (this.helloTimer) clearTimeout(this.helloTimer);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.close(EVENTS_CLOSE.badHello, 'hello is not JSON');
    }
    const hello = EventsHelloSchema.safeParse(json);
    if (!hello.success) return this.close(EVENTS_CLOSE.badHello, 'bad hello');
    const session = await this.ctx.auth.verifyToken(hello.data.token).catch(() => null);
    if (!session) return this.close(EVENTS_CLOSE.unauthorised, 'unauthorised');
    if (this.isClosed()) return;
    this.scope = session;
    await this.replayThenGoLive(hello.data.since);
  }

  private async replayThenGoLive(since: number): Promise<void> {
    this.state = 'replaying';
    this.unsubscribe = this.ctx.events.subscribe((event) => this.onLiveEvent(event));
    // A client ahead of the log (this server's data was reset) gets ready.lastSeq < since: its
    // cue to drop its state and resume from 0. Live events continue from the log's real end.
    this.lastSent = Math.min(since, this.ctx.events.lastSeq());
    try {
      for (;;) {
        const page = await this.ctx.events.since(this.lastSent, REPLAY_PAGE);
        if (this.isClosed()) return;
        for (const event of page) this.sendEvent(event);
        if (page.length < REPLAY_PAGE) break;
      }
    } catch (error) {
      this.log.error({ err: error }, 'events replay failed');
      return this.close(1011, 'replay failed');
    }
    this.send({ kind: 'ready', lastSeq: this.lastSent });
    const buffered = this.buffer;
    this.buffer = [];
    for (const event of buffered) this.sendEvent(event);
    this.state = 'live';
  }

  private onLiveEvent(event: EventEnvelope): void {
    if (this.state === 'replaying') this.buffer.push(event);
    else if (this.state === 'live') this.sendEvent(event);
  }

  private sendEvent(event: EventEnvelope): void {
    if (event.seq <= this.lastSent) return;
    this.lastSent = event.seq;
    // Hidden events still advance lastSent: a client sees a gap in seq, never a repeat.
    if (!isEventVisibleTo(event.type, this.scope)) return;
    this.send({ kind: 'event', event });
  }

  private send(message: EventsServerMessage): void {
    if (this.isClosed()) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(1013, 'client too slow');
    this.socket.send(JSON.stringify(message));
  }

  private isClosed(): boolean {
    return this.state === 'closed' || this.socket.readyState !== this.socket.OPEN;
  }

  private close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.cleanUp();
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  private cleanUp(): void {
    this.state = 'closed';
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.buffer = [];
  }
}
