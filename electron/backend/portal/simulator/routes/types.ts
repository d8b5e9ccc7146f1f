import type { FastifyInstance } from 'fastify';
import type { SimulatorContext } from '../context';

/** A simulator route module: registers its routes on the simulator app. */
export type SimulatorRouteRegistrar = (app: FastifyInstance, sim: SimulatorContext) => void | Promise<void>;
