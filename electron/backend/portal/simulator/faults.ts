import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { type SimFaults, SimFaultsSchema } from '../schemas';
import { problem, sendProblem } from '../../server/problem';

// Fault knobs apply to every route outside /sim/: latency first, then `down` (503), then a
// random 500 with probability `errorRate`, and `malformed` replaces the body with broken JSON.

export const MALFORMED_BODY = '{"ok": tru';

/** The current fault settings; replaced as a whole by POST /sim/faults. */
export class FaultController {
  private faults: SimFaults = SimFaultsSchema.parse({});

  /** The current settings (a copy). */
  get(): SimFaults {
    return { ...this.faults };
  }

  /** Replace the settings; knobs left out are off. */
  set(faults: SimFaults): SimFaults {
    this.faults = { ...faults };
    return this.get();
  }
}

function isSimRoute(url: string): boolean {
  return url === '/sim' || url.startsWith('/sim/') || url.startsWith('/sim?');
}

/** Install the fault hooks on the simulator app. */
export function installFaultHooks(app: FastifyInstance, faults: FaultController, random: () => number): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isSimRoute(request.url)) return;
    const current = faults.get();
    if (current.latencyMs > 0) await sleep(current.latencyMs);
    if (current.down) {
      return sendProblem(reply, problem(503, 'simulated_down', 'Service unavailable', 'The simulated portal is down.'));
    }
    if (current.errorRate > 0 && random() < current.errorRate) {
      return sendProblem(reply, problem(500, 'simulated_error', 'Internal error', 'A simulated portal error.'));
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (isSimRoute(request.url) || !faults.get().malformed || reply.statusCode >= 500) return payload;
    reply.header('content-type', 'application/json; charset=utf-8');
    return MALFORMED_BODY;
  });
}
