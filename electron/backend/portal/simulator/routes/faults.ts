import { type SimFaults, SimFaultsSchema } from '../../schemas';
import { parseBody } from '../../../server/parse-body';
import type { SimulatorRouteRegistrar } from './types';

/** GET/POST /sim/faults: read or replace the fault knobs (tests and the admin's training tools). */
export const registerSimFaultRoutes: SimulatorRouteRegistrar = (app, sim) => {
  app.get('/sim/faults', async (): Promise<SimFaults> => sim.faults.get());
  app.post('/sim/faults', async (request): Promise<SimFaults> => sim.faults.set(parseBody(SimFaultsSchema, request.body)));
};
