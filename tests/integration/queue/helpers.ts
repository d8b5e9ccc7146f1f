import type { ConfigInput } from '../../../contract/config';
import type { QueueEvent } from '../../../contract/queue';
import type { BackendOptions } from '../../../electron/backend/app';
import { QUEUE_EVENT_TYPES } from '../../../electron/backend/queue';
import { api, claim, codeOf, EventsClient, startTestBackend, type TestBackend } from '../backend/helpers';

// A queue hub for tests: a real backend (training mode: the simulator's demo center is pulled at
// start) on a clock the test moves, and paired tokens per role.

export const DAY_START = Date.parse('2026-11-23T07:30:00Z'); // 09:30 in Kyiv, a Monday

/** A test clock: starts at `start`, moves only when told. */
export class TestClock {
  constructor(public ms = DAY_START) {}
  readonly now = (): Date => new Date(this.ms);
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export interface QueueTestBackend extends TestBackend {
  url: string;
  clock: TestClock;
  admin: string;
  pair(role: 'terminal' | 'desk' | 'display', deskNo?: number): Promise<string>;
}

/** Start a backend with a test clock and an admin token. */
export async function startQueueBackend(
  options: BackendOptions = {},
  overrides: Partial<ConfigInput> = {},
  clock = new TestClock(),
): Promise<QueueTestBackend> {
  const t = await startTestBackend({ log: { level: 'warn' }, ...overrides }, { now: clock.now, claimRateLimit: { max: 10_000, timeWindowMs: 60_000 }, ...options });
  return withTokens(t, clock);
}

/** Admin token and pairing helper for a started backend. */
export async function withTokens(t: TestBackend, clock: TestClock): Promise<QueueTestBackend> {
  const url = t.backend.url;
  const admin = await claim(url, codeOf(t.backend.pairingLink));
  const pair = async (role: 'terminal' | 'desk' | 'display', deskNo?: number): Promise<string> => {
    const r = await api(url, '/api/pair', { method: 'POST', token: admin, body: deskNo === undefined ? { role } : { role, deskNo } });
    if (r.status !== 201) throw new Error(`pairing ${role} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return claim(url, r.body.code as string);
  };
  return { ...t, url, clock, admin, pair };
}

/** Queue events received by an events client, in order. */
export function queueEventsOf(client: EventsClient): { seq: number; event: QueueEvent }[] {
  return client.messages.flatMap((m) =>
    m.kind === 'event' && typeof m.event.data === 'object' && m.event.data !== null && 'type' in m.event.data
      ? [{ seq: m.event.seq, event: m.event.data as QueueEvent }]
      : [],
  );
}

async function queueEventCount(t: TestBackend): Promise<number> {
  const types = QUEUE_EVENT_TYPES.map((x) => `'${x}'`).join(', ');
  return (await t.backend.context.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM events WHERE type IN (${types})`))?.n ?? 0;
}

/** Queue table rows and queue event count: what "changes nothing" compares. */
export async function snapshot(t: TestBackend): Promise<unknown> {
  const db = t.backend.context.db;
  return {
    tickets: await db.all('SELECT * FROM queue_tickets ORDER BY id'),
    requests: await db.all('SELECT * FROM queue_requests ORDER BY client_id, request_id'),
    events: await queueEventCount(t),
    state: JSON.stringify(t.backend.context.queue.hub.current),
  };
}

export { api, EventsClient };
