import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { BenchResult } from './lib/bench-result';
import { benchCenter, percentile, startHubProcess } from './lib/queue-bench-kit';

// Call → display: 20 hall displays on /api/events and 50 desks; every 50 ms (20 calls/s) the next
// desk presses "call next" for ~15 s, and between its calls serves the visitor (start, finish), so
// the hub is under the desks' whole workload. Latency = from the moment the desk's HTTP request
// starts to the `ticket.called` event arriving at each display (all clients on one loopback host,
// the hub in its own process: one HTTP hop, one sqlite FULL commit, one WebSocket push).

const DISPLAYS = 20;
const DESKS = 50;
const CALLS_PER_SEC = 20;
const SECONDS = 15;

interface Call {
  t0: number;
  ticketId: string | null;
  httpMs: number;
}

/** Run the bench. */
export default async function run(): Promise<BenchResult[]> {
  const hub = await startHubProcess();
  const arrivals = new Map<string, number[]>();
  const sockets: WebSocket[] = [];
  try {
    const cfg = await hub.client.send('POST', '/api/queue/center/configure', hub.admin, benchCenter(DESKS));
    if (cfg.status !== 200) throw new Error(`configure failed: ${cfg.status}`);
    const desks: string[] = [];
    for (let i = 1; i <= DESKS; i++) desks.push(await hub.pair('desk', i));
    const displayTokens: string[] = [];
    for (let i = 0; i < DISPLAYS; i++) displayTokens.push(await hub.pair('display'));
    const total = CALLS_PER_SEC * SECONDS;
    for (let i = 0; i < total + 20; i++) {
      await hub.client.send('POST', '/api/queue/tickets', hub.admin, { serviceId: i % 2 === 0 ? 'passport' : 'residence' });
    }
    await Promise.all(displayTokens.map((token) => connectDisplay(hub.url, token, sockets, arrivals)));

    const calls: Call[] = [];
    const serving: Promise<unknown>[] = [];
    const started = performance.now();
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / CALLS_PER_SEC;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const deskNo = (n % DESKS) + 1;
      const token = desks[deskNo - 1] ?? '';
      const call: Call = { t0: performance.now(), ticketId: null, httpMs: Number.NaN };
      calls.push(call);
      serving.push(
        hub.client.send('POST', `/api/queue/desks/${deskNo}/call-next`, token, {}).then(async (r) => {
          call.httpMs = performance.now() - call.t0;
          call.ticketId = (r.body?.ticket?.ticketId as string | undefined) ?? null;
          if (call.ticketId === null) return;
          await hub.client.send('POST', `/api/queue/desks/${deskNo}/start`, token, { ticketId: call.ticketId });
          await hub.client.send('POST', `/api/queue/desks/${deskNo}/finish`, token, { ticketId: call.ticketId });
        }),
      );
    }
    await Promise.all(serving);
    const elapsed = (performance.now() - started) / 1000;
    await waitFor(() => calls.every((c) => c.ticketId === null || (arrivals.get(c.ticketId)?.length ?? 0) >= DISPLAYS), 5000);

    const latencies: number[] = [];
    let missing = 0;
    for (const c of calls) {
      if (c.ticketId === null) continue;
      const at = arrivals.get(c.ticketId) ?? [];
      missing += DISPLAYS - at.length;
      for (const a of at) latencies.push(a - c.t0);
    }
    const http = calls.map((c) => c.httpMs).filter((x) => Number.isFinite(x));
    const ok = calls.filter((c) => c.ticketId !== null).length;
    const note = `${ok}/${calls.length} calls in ${elapsed.toFixed(1)} s, ${DISPLAYS} displays, ${DESKS} desks, ${latencies.length} deliveries, ${missing} missing, load avg ${loadavg()[0]?.toFixed(1)}`;
    return [
      { name: 'call→display p50', value: percentile(latencies, 50), unit: 'ms', note },
      { name: 'call→display p95', value: percentile(latencies, 95), unit: 'ms', target: '≤ 20 ms' },
      { name: 'call→display p99', value: percentile(latencies, 99), unit: 'ms' },
      { name: 'call-next HTTP p95', value: percentile(http, 95), unit: 'ms', note: 'desk request → response' },
    ];
  } finally {
    for (const s of sockets) s.terminate();
    await hub.stop();
  }
}

function connectDisplay(url: string, token: string, sockets: WebSocket[], arrivals: Map<string, number[]>): Promise<void> {
  return new Promise((ready, fail) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/events`);
    sockets.push(ws);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token, since: 0 })));
    ws.on('error', fail);
    ws.on('message', (raw) => {
      const now = performance.now();
      const m = JSON.parse(raw.toString()) as { kind: string; event?: { type: string; data: { ticketId?: string } } };
      if (m.kind === 'ready') ready();
      else if (m.event?.type === 'ticket.called' && m.event.data.ticketId) {
        const list = arrivals.get(m.event.data.ticketId) ?? [];
        list.push(now);
        arrivals.set(m.event.data.ticketId, list);
      }
    });
  });
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (!condition() && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
}
