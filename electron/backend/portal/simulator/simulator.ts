import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { ListenError } from '../../errors';
import type { Logger } from '../../logging/logger';
import { listen } from '../../server/listen';
import { problemErrorHandler, problemNotFoundHandler } from '../../server/problem';
import { SimClock } from './clock';
import type { SimulatorContext } from './context';
import { DeviceRegistry } from './devices';
import { CodeBook } from './eid/code-book';
import { loadDemoHolders } from './eid/holders';
import { FaultController, installFaultHooks } from './faults';
import { SIMULATOR_ROUTES, type SimulatorRouteRegistrar } from './routes';

export interface SimulatorOptions {
  host: string;
  port: number;
  logger: Logger;
  now?: () => Date;
  /** Decides simulated errors; inject a fixed sequence in tests. */
  random?: () => number;
  /** Extra route modules (tests). */
  extraRoutes?: readonly SimulatorRouteRegistrar[];
}

/** A running portal simulator. */
export interface Simulator {
  url: string;
  app: FastifyInstance;
  context: SimulatorContext;
  close(): Promise<void>;
}

/** Start the portal simulator: a real HTTP server on its own (loopback) port. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const clock = new SimClock(options.now ?? (() => new Date()));
  const holders = loadDemoHolders();
  const context: SimulatorContext = {
    faults: new FaultController(),
    now: () => clock.now(),
    random: options.random ?? Math.random,
    logger: options.logger,
    clock,
    devices: new DeviceRegistry(),
    eid: { holders, codes: new CodeBook(holders), stats: { verifyRequests: 0 } },
  };
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    forceCloseConnections: true,
  });
  app.setErrorHandler(problemErrorHandler);
  app.setNotFoundHandler(problemNotFoundHandler);
  installFaultHooks(app, context.faults, context.random);
  for (const register of [...SIMULATOR_ROUTES, ...(options.extraRoutes ?? [])]) await register(app, context);
  let port: number;
  try {
    port = await listen(app, options.host, options.port);
  } catch (error) {
    await app.close();
    if (error instanceof ListenError) throw new ListenError(`${error.message.replace(/\.$/, '')} (portal simulator).`);
    throw error;
  }
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { url: `http://${host}:${port}`, app, context, close: () => app.close() };
}
