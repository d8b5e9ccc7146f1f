import { SyncAdminPinBodySchema, SyncEnrollBodySchema, SyncModeBodySchema, type SyncStatus } from '../../../../contract/sync';
import { KeychainUnavailable } from '../../../../native/secret-store/port';
import { requireRole, requireSession } from '../../auth/require-role';
import { ConflictError, HttpError, PortalUnavailableError } from '../../errors';
import { NotEnrolledError } from '../../sync/enrollment';
import { checkAdminPin, persistMode, setAdminPin, type PinRefusal } from '../../sync/mode-switch';
import { PortalCallError } from '../../portal/portal-http';
import { parseBody } from '../parse-body';
import type { RouteRegistrar } from './types';

/** Map sync failures to problem+json once: a person can read what to do. */
function toHttpError(error: unknown, action: 'enroll' | 'pull'): unknown {
  if (error instanceof KeychainUnavailable) return new HttpError(503, 'keychain_unavailable', 'Keychain unavailable', error.message);
  if (error instanceof NotEnrolledError) return new ConflictError(error.message, error.state);
  if (error instanceof PortalCallError) {
    if (action === 'enroll' && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 429) {
      return new HttpError(422, 'enrollment_refused', 'Enrollment refused', `The portal did not accept the enrollment code (${error.message}).`);
    }
    return new PortalUnavailableError(error.message);
  }
  return error;
}

function pinError(refusal: PinRefusal): HttpError {
  return refusal === 'pin_not_set'
    ? new ConflictError('Set the admin PIN first (admin screen, portal sync).', 'admin_pin_not_set')
    : new HttpError(403, 'wrong_pin', 'Wrong PIN', 'The admin PIN is not correct.');
}

/**
 * Portal sync: GET /api/sync/status (any token); admin: POST /api/sync/enroll, /unenroll, /pull,
 * /admin-pin, /mode, GET /api/sync/quarantined, POST /api/sync/quarantined/retry.
 */
export const registerSyncRoutes: RouteRegistrar = (app, ctx) => {
  const sync = ctx.sync;
  app.get('/api/sync/status', { preHandler: requireSession() }, async (): Promise<SyncStatus> => sync.status());

  app.post('/api/sync/enroll', { preHandler: requireRole('admin') }, async (request): Promise<SyncStatus> => {
    const body = parseBody(SyncEnrollBodySchema, request.body);
    try {
      await sync.enroll(body.enrollmentCode, body.deviceName);
    } catch (error) {
      throw toHttpError(error, 'enroll');
    }
    return sync.status();
  });

  app.post('/api/sync/unenroll', { preHandler: requireRole('admin') }, async (): Promise<SyncStatus> => {
    await sync.unenroll();
    return sync.status();
  });

  app.post('/api/sync/pull', { preHandler: requireRole('admin') }, async () => {
    try {
      const changed = await sync.pullNow();
      return { changed, status: await sync.status() };
    } catch (error) {
      throw toHttpError(error, 'pull');
    }
  });

  app.get('/api/sync/quarantined', { preHandler: requireRole('admin') }, async () => ({ items: await sync.quarantined() }));

  app.post('/api/sync/quarantined/retry', { preHandler: requireRole('admin') }, async (): Promise<SyncStatus> => {
    await sync.retryQuarantined();
    return sync.status();
  });

  app.post('/api/sync/admin-pin', { preHandler: requireRole('admin') }, async (request): Promise<SyncStatus> => {
    const body = parseBody(SyncAdminPinBodySchema, request.body);
    const refusal = await setAdminPin(ctx.db, body.pin, body.currentPin);
    if (refusal) throw pinError(refusal);
    return sync.status();
  });

  app.post('/api/sync/mode', { preHandler: requireRole('admin') }, async (request) => {
    const body = parseBody(SyncModeBodySchema, request.body);
    const refusal = await checkAdminPin(ctx.db, body.pin);
    if (refusal) throw pinError(refusal);
    if (body.mode === 'production' && body.portalUrl === undefined && ctx.config.portal.baseUrl === undefined) {
      throw new HttpError(400, 'portal_url_required', 'Portal URL required', 'Production mode needs the portal URL.');
    }
    await persistMode(ctx.config.dataDir, body.mode, body.portalUrl);
    await sync.markRestartRequired();
    return { mode: body.mode, restartRequired: true, status: await sync.status() };
  });
};
