import { registerHealthRoutes } from './health';
import { registerPairingRoutes } from './pairing';
import { registerStatusRoutes } from './status';
import type { RouteRegistrar } from './types';

export type { RouteOptions, RouteRegistrar } from './types';

/** Every HTTP route module of the backend, registered in this order. Add yours here. */
export const ROUTES: readonly RouteRegistrar[] = [registerHealthRoutes, registerStatusRoutes, registerPairingRoutes];
