import type { Status } from '../../../../contract/status';
import { requireSession } from '../../auth/require-role';
import type { RouteRegistrar } from './types';

/** GET /api/status: version, mode, machine role, last event seq and portal reachability; any valid token. */
export const registerStatusRoutes: RouteRegistrar = (app, ctx) => {
  app.get('/api/status', { preHandler: requireSession() }, async (): Promise<Status> => ({
    version: ctx.version,
    mode: ctx.config.mode,
    machineRole: ctx.config.role,
    startedAt: ctx.startedAt.toISOString(),
    lastSeq: ctx.events.lastSeq(),
    portal: ctx.portal.monitor.status(),
  }));
};
