import type { Health } from '../../../../contract/status';
import type { RouteRegistrar } from './types';

/** GET /api/health: liveness, no token. */
export const registerHealthRoutes: RouteRegistrar = (app, ctx) => {
  app.get('/api/health', async (): Promise<Health> => ({ ok: true, version: ctx.version }));
};
