import { registerSimAuthRoutes } from './auth';
import { registerSimCenterRoutes } from './center';
import { registerSimEidRoutes } from './eid';
import { registerSimFaultRoutes } from './faults';
import { registerSimHealthRoutes } from './health';
import { registerSimSyncRoutes } from './sync';
import type { SimulatorRouteRegistrar } from './types';

export type { SimulatorRouteRegistrar } from './types';

/** Every simulator route module. Later issues add e-ID, center and device routes here, one file each. */
export const SIMULATOR_ROUTES: readonly SimulatorRouteRegistrar[] = [
  registerSimHealthRoutes,
  registerSimFaultRoutes,
  registerSimAuthRoutes,
  registerSimEidRoutes,
  registerSimCenterRoutes,
  registerSimSyncRoutes,
];
