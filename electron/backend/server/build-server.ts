import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import { TooManyRequestsError } from '../errors';
import { registerEventsSocket } from './events-socket';
import './fastify-augment';
import { problemErrorHandler, problemNotFoundHandler } from './problem';
import { registerRenderer } from './renderer';
import { ROUTES, type RouteOptions, type RouteRegistrar } from './routes';
import { addSecurityHeaders } from './security-headers';

/** How the HTTP server is put together (all have defaults in startBackend). */
export interface ServerOptions extends RouteOptions {
  /** Folder of the built renderer; null or missing = a "not built" page. */
  rendererDir: string | null;
  /** How long a WebSocket client has to say hello. */
  helloTimeoutMs: number;
  /** More route modules (tests, later features) registered after the built-in ones. */
  extraRoutes: readonly RouteRegistrar[];
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Build the Fastify app of the backend (not yet listening). */
export async function buildServer(ctx: BackendContext, options: ServerOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.createLogger('http') as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep-alive connections would otherwise hold close() open until they time out.
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  app.decorate('varta', ctx);
  app.decorateRequest('session', null);
  app.setErrorHandler(problemErrorHandler);
  app.setNotFoundHandler(problemNotFoundHandler);
  addSecurityHeaders(app);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) => new TooManyRequestsError(`Too many attempts; try again in ${limit.after}.`),
  });
  registerEventsSocket(app, ctx, { helloTimeoutMs: options.helloTimeoutMs });
  for (const register of [...ROUTES, ...options.extraRoutes]) await register(app, ctx, options);
  await registerRenderer(app, options.rendererDir);
  return app;
}
