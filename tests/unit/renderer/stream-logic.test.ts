import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  decideAfterClose,
  parseServerMessage,
  reconcileReady,
  shouldDeliver,
  toEventsUrl,
} from '../../../renderer/api/stream-logic';

const options = { baseMs: 500, maxMs: 30_000, jitter: 0.5 };

describe('backoffDelay', () => {
  it('doubles from the base without jitter and stops at the cap', () => {
    const none = { ...options, jitter: 0 };
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, none, () => 0.7))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(6, none, () => 0.7)).toBe(30_000);
    expect(backoffDelay(10_000, none, () => 0.7)).toBe(30_000);
  });

  it('spreads the delay by the jitter fraction of the capped value', () => {
    expect(backoffDelay(2, options, () => 0)).toBe(1000);
    expect(backoffDelay(2, options, () => 1)).toBe(2000);
    expect(backoffDelay(2, options, () => 0.5)).toBe(1500);
  });

  it('always stays within [cap·(1-jitter), cap] for any attempt and random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const capped = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
        const delay = backoffDelay(attempt, options, () => r);
        return delay >= Math.round(capped * (1 - options.jitter)) && delay <= capped && Number.isFinite(delay);
      }),
    );
  });

  it('treats a negative attempt like the first and clamps a misbehaving random source', () => {
    expect(backoffDelay(-3, { ...options, jitter: 0 }, () => 0)).toBe(500);
    expect(backoffDelay(0, options, () => 7)).toBe(500);
    expect(backoffDelay(0, options, () => -2)).toBe(250);
  });
});

describe('decideAfterClose', () => {
  it('stops as unauthorised on 4401 and does not retry', () => {
    expect(decideAfterClose(4401, false)).toEqual({ kind: 'stop', state: 'unauthorised' });
  });
  it('stops on a bad hello (a client bug, retrying would repeat it)', () => {
    expect(decideAfterClose(4400, false)).toEqual({ kind: 'stop', state: 'closed' });
  });
  it('retries on network drops, server restarts and hello timeouts', () => {
    for (const code of [1001, 1006, 1011, 1012, 4408]) expect(decideAfterClose(code, false)).toEqual({ kind: 'retry' });
  });
  it('never retries after the client closed the stream itself', () => {
    expect(decideAfterClose(1006, true)).toEqual({ kind: 'stop', state: 'closed' });
  });
});

describe('shouldDeliver / reconcileReady', () => {
  it('delivers only events newer than the last seen seq', () => {
    expect(shouldDeliver(5, 6)).toBe(true);
    expect(shouldDeliver(5, 5)).toBe(false);
    expect(shouldDeliver(5, 2)).toBe(false);
  });

  it('delivers each seq at most once, whatever order and repetition the server sends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 200 }), (seqs) => {
        let last = 0;
        const delivered: number[] = [];
        for (const seq of seqs) {
          if (shouldDeliver(last, seq)) {
            delivered.push(seq);
            last = seq;
          }
        }
        return new Set(delivered).size === delivered.length && delivered.every((s, i) => i === 0 || s > delivered[i - 1]!);
      }),
    );
  });

  it('follows the server when its log is shorter than ours (data reset), else keeps ours', () => {
    expect(reconcileReady(40, 3)).toEqual({ lastSeq: 3, reset: true });
    expect(reconcileReady(40, 40)).toEqual({ lastSeq: 40, reset: false });
    expect(reconcileReady(40, 45)).toEqual({ lastSeq: 40, reset: false });
  });
});

describe('toEventsUrl', () => {
  it('maps http to ws and https to wss, appending /api/events', () => {
    expect(toEventsUrl('http://127.0.0.1:8470')).toBe('ws://127.0.0.1:8470/api/events');
    expect(toEventsUrl('https://hub.local/')).toBe('wss://hub.local/api/events');
    expect(toEventsUrl('http://hub:1/prefix/?x=1#h')).toBe('ws://hub:1/prefix/api/events');
  });
  it('refuses a non-http URL', () => {
    expect(() => toEventsUrl('file:///tmp/index.html')).toThrow(/http/);
  });
});

describe('parseServerMessage', () => {
  const event = { seq: 3, type: 'portal.status_changed', at: '2025-01-01T10:00:00.000Z', data: {} };
  it('accepts valid event and ready frames', () => {
    expect(parseServerMessage(JSON.stringify({ kind: 'event', event }))).toEqual({ kind: 'event', event });
    expect(parseServerMessage(JSON.stringify({ kind: 'ready', lastSeq: 3 }))).toEqual({ kind: 'ready', lastSeq: 3 });
  });
  it('returns null for garbage, wrong shapes and non-text frames', () => {
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage(JSON.stringify({ kind: 'event', event: { ...event, seq: 0 } }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ kind: 'bogus' }))).toBeNull();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeNull();
  });
});
