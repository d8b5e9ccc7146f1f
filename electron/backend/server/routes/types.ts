import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../../context';

/** Options the built-in routes need from startBackend. */
export interface RouteOptions {
  claimRateLimit: { max: number; timeWindowMs: number };
}

/** A route module: registers its routes on `app`, using services from `ctx`. */
export type RouteRegistrar = (app: FastifyInstance, ctx: BackendContext, options: RouteOptions) => void | Promise<void>;
