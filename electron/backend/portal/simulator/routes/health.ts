import type { PortalHealth } from '../../schemas';
import type { SimulatorRouteRegistrar } from './types';

/** GET /api/v1/health: the portal is up; `time` lets the kiosk measure clock skew. */
export const registerSimHealthRoutes: SimulatorRouteRegistrar = (app, sim) => {
  app.get('/api/v1/health', async (): Promise<PortalHealth> => ({ ok: true, time: sim.now().toISOString() }));
};
