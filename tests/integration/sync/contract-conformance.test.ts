import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_OPERATIONS, type PortalOperation } from '../../../contract/portal-openapi';
import { DEMO_ENROLLMENT_CODES } from '../../../contract/sync';
import { startSimulator, type Simulator } from '../../../electron/backend/portal/simulator/simulator';
import type { SimulatorRouteRegistrar } from '../../../electron/backend/portal/simulator/routes';
import { validateJson } from '../../unit/sync/json-schema-lite';
import { enqueueRatings, openRig, type SyncRig } from './rig';

// Contract tests: every request the sync client sends and every answer the simulator gives,
// captured on the wire, is checked against contract/portal-openapi.json (the file, not zod).

interface Exchange {
  method: string;
  url: string;
  status: number;
  request: unknown;
  response: unknown;
}

const doc = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../../..'), 'contract/portal-openapi.json'), 'utf8'));
const exchanges: Exchange[] = [];
const capture: SimulatorRouteRegistrar = (app) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/sim')) {
      let response: unknown;
      try {
        response = typeof payload === 'string' && payload !== '' ? JSON.parse(payload) : null;
      } catch {
        response = payload;
      }
      exchanges.push({ method: request.method.toLowerCase(), url: request.url, status: reply.statusCode, request: request.body ?? null, response });
    }
    return payload;
  });
};

function operationOf(exchange: Exchange): PortalOperation | undefined {
  const path = exchange.url.split('?')[0] ?? '';
  return PORTAL_OPERATIONS.find((op) => op.method === exchange.method && new RegExp(`^${op.path.replace(/\{id\}/g, '[^/]+')}$`).test(path));
}

let sim: Simulator;
let rig: SyncRig;
beforeAll(async () => {
  sim = await startSimulator({ host: '127.0.0.1', port: 0, logger: pino({ level: 'silent' }), extraRoutes: [capture] });
  rig = await openRig({ sim, config: { sync: { bookingsDaysAhead: 1 } } });
});
afterAll(async () => {
  await rig.close();
  await sim.close();
});

describe('the portal contract on the wire', () => {
  it('client requests and simulator answers conform to contract/portal-openapi.json', async () => {
    await rig.sync.enroll('NOT-A-CODE').catch(() => undefined);
    await rig.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
    await rig.sync.pullNow();
    await rig.sync.pullNow(); // 304
    await enqueueRatings(rig, 3);
    await rig.db.transaction((tx) => rig.sync.enqueue(tx, 'ratings', { ticketId: 'x', score: 0, reasons: [] }));
    await rig.db.transaction((tx) => rig.sync.enqueue(tx, 'queue-events', { type: 'ticket.issued', ticketId: 't-1', number: 'А-001' }));
    await rig.db.transaction((tx) => rig.sync.enqueue(tx, 'counters', { hour: '2026-11-23T08:00:00.000Z', verdict: 'valid', count: 12 }));
    await rig.sync.drainDue();
    await rig.sync.drainDue();
    await rig.sync.sendHeartbeat();
    const token = await rig.sync.getPortalToken();
    await fetch(`${sim.url}/api/v1/health`);
    await fetch(`${sim.url}/api/v1/centers/nope`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${sim.url}/api/v1/centers/cnap-demo/ratings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"items":[]}' });

    const problems: string[] = [];
    const seen = new Set<string>();
    for (const exchange of exchanges) {
      const op = operationOf(exchange);
      if (!op) {
        problems.push(`${exchange.method} ${exchange.url}: not in the contract`);
        continue;
      }
      seen.add(`${op.id} ${exchange.status}`);
      const responseSchema = op.responses[String(exchange.status)];
      if (responseSchema === undefined) problems.push(`${op.id}: status ${exchange.status} is not in the contract`);
      else if (responseSchema !== '') problems.push(...validateJson(exchange.response, { $ref: `#/components/schemas/${responseSchema}` }, doc).map((p) => `${op.id} ${exchange.status} answer ${p}`));
      if (op.request && exchange.status < 400) problems.push(...validateJson(exchange.request, { $ref: `#/components/schemas/${op.request}` }, doc).map((p) => `${op.id} request ${p}`));
    }
    expect(problems).toEqual([]);
    for (const expected of ['enrollDevice 401', 'enrollDevice 201', 'deviceToken 200', 'getCenter 200', 'getServices 200', 'getServices 304', 'getBookings 200', 'postRatings 200', 'postRatings 422', 'postRatings 401', 'postQueueEvents 200', 'postVerificationCounters 200', 'heartbeat 200', 'health 200', 'getCenter 404']) {
      expect(seen, expected).toContain(expected);
    }
  });
});
