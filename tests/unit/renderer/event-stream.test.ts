import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../contract/events';
import { createEventStream, type SocketLike, type Timers } from '../../../renderer/api/event-stream';
import type { StreamState } from '../../../renderer/api/stream-logic';

class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
  }
  open() {
    this.onopen?.({});
  }
  event(seq: number) {
    this.onmessage?.({ data: JSON.stringify({ kind: 'event', event: envelope(seq) }) });
  }
  ready(lastSeq: number) {
    this.onmessage?.({ data: JSON.stringify({ kind: 'ready', lastSeq }) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

function envelope(seq: number): EventEnvelope {
  return { seq, type: 'portal.status_changed', at: '2025-01-01T10:00:00.000Z', data: { n: seq } };
}

/** Manual timers: the test decides when a scheduled callback runs, so nothing sleeps. */
class ManualTimers implements Timers {
  pending = new Map<number, { fn: () => void; ms: number }>();
  private next = 1;
  set(fn: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  /** Run the pending timer with the given delay (the reconnect one; the ready timeout is longer). */
  fire(ms: number) {
    const entry = [...this.pending.entries()].find(([, t]) => t.ms === ms);
    if (!entry) throw new Error(`no timer of ${ms} ms; pending: ${[...this.pending.values()].map((t) => t.ms).join(', ')}`);
    this.pending.delete(entry[0]);
    entry[1].fn();
  }
  delays() {
    return [...this.pending.values()].map((t) => t.ms).sort((a, b) => a - b);
  }
}

function setup(since = 0) {
  const sockets: FakeSocket[] = [];
  const events: number[] = [];
  const states: StreamState[] = [];
  const readies: Array<[number, boolean]> = [];
  const timers = new ManualTimers();
  const stream = createEventStream({
    url: 'ws://hub/api/events',
    token: 'tok',
    since,
    onEvent: (e) => events.push(e.seq),
    onState: (s) => states.push(s),
    onReady: (last, reset) => readies.push([last, reset]),
    backoff: { baseMs: 100, maxMs: 1000, jitter: 0 },
    readyTimeoutMs: 5000,
    random: () => 0,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    timers,
  });
  const current = () => sockets[sockets.length - 1]!;
  return { stream, sockets, current, events, states, readies, timers };
}

describe('createEventStream', () => {
  it('says hello with the token and the last seq, then is open after ready', () => {
    const t = setup(7);
    expect(t.states).toEqual(['connecting']);
    t.current().open();
    expect(t.current().sent).toEqual([{ type: 'hello', token: 'tok', since: 7 }]);
    t.current().event(8);
    t.current().ready(8);
    expect(t.events).toEqual([8]);
    expect(t.states).toEqual(['connecting', 'open']);
    expect(t.readies).toEqual([[8, false]]);
  });

  it('resumes from the last delivered seq after a drop and never delivers an event twice', () => {
    const t = setup();
    t.current().open();
    [1, 2, 3].forEach((s) => t.current().event(s));
    t.current().ready(3);
    t.current().drop();
    expect(t.states.at(-1)).toBe('closed');
    t.timers.fire(100);
    expect(t.sockets).toHaveLength(2);
    t.current().open();
    expect(t.current().sent).toEqual([{ type: 'hello', token: 'tok', since: 3 }]);
    // A server that replays too much (2, 3) must not cause duplicates.
    [2, 3, 4, 5].forEach((s) => t.current().event(s));
    t.current().ready(5);
    t.current().event(5);
    t.current().event(6);
    expect(t.events).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.stream.lastSeq()).toBe(6);
  });

  it('backs off exponentially while the hub stays down, and resets after ready', () => {
    const t = setup();
    t.current().drop();
    expect(t.timers.delays()).toEqual([100]);
    t.timers.fire(100);
    t.current().drop();
    expect(t.timers.delays()).toEqual([200]);
    t.timers.fire(200);
    t.current().drop();
    expect(t.timers.delays()).toEqual([400]);
    t.timers.fire(400);
    t.current().open();
    t.current().ready(0);
    t.current().drop();
    expect(t.timers.delays()).toEqual([100]);
  });

  it('stops as unauthorised on close code 4401 and schedules no retry', () => {
    const t = setup();
    t.current().open();
    t.current().drop(4401);
    expect(t.states.at(-1)).toBe('unauthorised');
    expect(t.timers.delays()).toEqual([]);
    t.stream.reconnectNow();
    expect(t.sockets).toHaveLength(1);
  });

  it('retries a socket that never reaches ready', () => {
    const t = setup();
    t.current().open();
    t.timers.fire(5000);
    expect(t.sockets[0]!.closedWith).toBe(4000);
    expect(t.states.at(-1)).toBe('closed');
    t.timers.fire(100);
    expect(t.sockets).toHaveLength(2);
    // The late close of the abandoned socket must not disturb the new one.
    t.sockets[0]!.drop();
    expect(t.states.at(-1)).toBe('connecting');
  });

  it('follows the server when its log restarted, and reports the reset', () => {
    const t = setup(50);
    t.current().open();
    t.current().ready(2);
    t.current().event(3);
    expect(t.readies).toEqual([[2, true]]);
    expect(t.events).toEqual([3]);
  });

  it('ignores malformed frames without losing the connection', () => {
    const t = setup();
    t.current().open();
    t.current().onmessage?.({ data: '{"kind":"event","event":{"seq":"x"}}' });
    t.current().event(1);
    t.current().ready(1);
    expect(t.events).toEqual([1]);
    expect(t.stream.state()).toBe('open');
  });

  it('close() stops for good: closes the socket, cancels retries, ignores reconnectNow', () => {
    const t = setup();
    t.current().drop();
    expect(t.timers.delays()).toEqual([100]);
    t.stream.close();
    expect(t.timers.delays()).toEqual([]);
    t.stream.reconnectNow();
    expect(t.sockets).toHaveLength(1);
    expect(t.stream.state()).toBe('closed');
  });

  it('reconnectNow skips the backoff wait', () => {
    const t = setup();
    t.current().drop();
    t.stream.reconnectNow();
    expect(t.sockets).toHaveLength(2);
    expect(t.timers.delays()).toEqual([5000]); // only the new socket's ready timeout
  });
});
