import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_CLOSE } from '../../../contract/events';
import { api, claim, codeOf, EventsClient, startTestBackend, type TestBackend } from './helpers';

describe('/api/events over a real WebSocket', () => {
  let t: TestBackend;
  let token: string;

  beforeAll(async () => {
    t = await startTestBackend({}, { helloTimeoutMs: 300 });
    token = await claim(t.backend.url, codeOf(t.backend.pairingLink));
  });
  afterAll(async () => {
    await t?.stop();
  });

  const append = (n: number, label: string) =>
    Promise.all(Array.from({ length: n }, (_, i) => t.backend.context.events.append('test.happened', { label, i })));

  it('replays, says ready, then streams live events; a reconnect resumes with no gap and no duplicate', async () => {
    await append(5, 'before');
    const first = await EventsClient.connect(t.backend.url, { type: 'hello', token, since: 0 });
    await first.waitFor((m) => m.some((x) => x.kind === 'ready'), 'ready');
    const ready = first.messages.find((m) => m.kind === 'ready');
    const lastSeq = t.backend.context.events.lastSeq();
    expect(ready).toEqual({ kind: 'ready', lastSeq });
    // The replay is the whole log, in order, from seq 1.
    expect(first.eventSeqs()).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));

    await append(3, 'live-1');
    await first.waitFor((m) => m.filter((x) => x.kind === 'event').length === lastSeq + 3, 'three live events');
    const seen = first.eventSeqs();
    const lastSeen = seen.at(-1) ?? 0;
    await first.close();

    // Missed while away:
    const missed = await append(4, 'missed');
    // The portal-sync feed reads the log after every event too: let it finish so that only the
    // socket's replay meets the patched read below.
    await t.backend.context.sync.catchUpFeed();
    // Make commits race the replay deterministically: during the replay's first database read,
    // two events commit just before the read (they are both in the page and on the bus: a
    // duplicate risk) and three just after it (only on the bus: a gap risk).
    const events = t.backend.context.events;
    const originalSince = events.since.bind(events);
    const racing: number[] = [];
    let armed = true;
    events.since = async (seq, limit) => {
      if (!armed) return originalSince(seq, limit);
      armed = false;
      racing.push(...(await append(2, 'before-read')).map((e) => e.seq));
      const page = await originalSince(seq, limit);
      racing.push(...(await append(3, 'after-read')).map((e) => e.seq));
      return page;
    };
    let second: EventsClient;
    try {
      second = await EventsClient.connect(t.backend.url, { type: 'hello', token, since: lastSeen });
      await second.waitFor((m) => m.some((x) => x.kind === 'ready'), 'ready after reconnect');
    } finally {
      events.since = originalSince;
    }
    const afterRace = racing.at(-1) ?? 0;
    await second.waitFor(() => (second.eventSeqs().at(-1) ?? 0) >= afterRace, 'the racing events');
    const live = await append(2, 'live-2');
    const expectedLast = live[1]?.seq ?? 0;
    await second.waitFor(() => second.eventSeqs().at(-1) === expectedLast, 'the live events');

    const seqs = second.eventSeqs();
    expect(seqs).toEqual(Array.from({ length: expectedLast - lastSeen }, (_, i) => lastSeen + 1 + i));
    expect(seqs.slice(0, 4)).toEqual(missed.map((e) => e.seq));
    expect(racing).toHaveLength(5);
    const readyIndex = second.messages.findIndex((m) => m.kind === 'ready');
    // Replayed before ready: the missed ones and the two committed before the read.
    expect(second.messages[readyIndex]).toEqual({ kind: 'ready', lastSeq: racing[1] });
    expect(readyIndex).toBe(6);
    await second.close();
  });

  it('sends events in the envelope of the contract', async () => {
    const client = await EventsClient.connect(t.backend.url, { type: 'hello', token, since: t.backend.context.events.lastSeq() });
    await client.waitFor((m) => m.some((x) => x.kind === 'ready'), 'ready');
    const appended = await t.backend.context.events.append('test.checked', { n: 1 });
    await client.waitFor((m) => m.some((x) => x.kind === 'event'), 'one event');
    const message = client.messages.find((m) => m.kind === 'event');
    expect(message).toEqual({ kind: 'event', event: appended });
    expect(appended.at).toMatch(/Z$/);
    await client.close();
  });

  it('tells a client that is ahead of the log (reset data) where the log really ends', async () => {
    const lastSeq = t.backend.context.events.lastSeq();
    const client = await EventsClient.connect(t.backend.url, { type: 'hello', token, since: lastSeq + 1000 });
    await client.waitFor((m) => m.some((x) => x.kind === 'ready'), 'ready');
    expect(client.messages[0]).toEqual({ kind: 'ready', lastSeq });
    const next = await t.backend.context.events.append('test.happened', {});
    await client.waitFor(() => client.eventSeqs().includes(next.seq), 'the next live event');
    await client.close();
  });

  it('answers a plain HTTP request to the socket with a 426 problem', async () => {
    const res = await api(t.backend.url, '/api/events');
    expect(res.status).toBe(426);
    expect(res.type).toContain('application/problem+json');
  });

  it('closes 4400 on a bad hello', async () => {
    for (const hello of ['not json', { type: 'hi', token }, { type: 'hello', token, since: -1 }]) {
      const client = await EventsClient.connect(t.backend.url, hello);
      expect(await client.closed).toBe(EVENTS_CLOSE.badHello);
    }
  });

  it('closes 4401 on an unknown token', async () => {
    const client = await EventsClient.connect(t.backend.url, { type: 'hello', token: 'nope', since: 0 });
    expect(await client.closed).toBe(EVENTS_CLOSE.unauthorised);
  });

  it('closes 4408 when no hello comes in time', async () => {
    const client = new EventsClient(t.backend.url);
    await client.opened;
    expect(await client.closed).toBe(EVENTS_CLOSE.helloTimeout);
  });

  it('closes 4401 after the token is revoked', async () => {
    const session = await t.backend.context.auth.verifyToken(token);
    const other = await t.backend.context.auth.issueToken({ role: 'display' }, 'temp');
    const otherSession = await t.backend.context.auth.verifyToken(other);
    expect(session).not.toBeNull();
    await t.backend.context.auth.revokeToken(otherSession!.tokenId);
    const client = await EventsClient.connect(t.backend.url, { type: 'hello', token: other, since: 0 });
    expect(await client.closed).toBe(EVENTS_CLOSE.unauthorised);
  });
});
