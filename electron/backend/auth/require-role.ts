import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../contract/roles';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { AuthSession } from './auth-service';
import '../server/fastify-augment';

/** A fastify preHandler. */
export type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * preHandler that admits a valid token of one of `roles` (admin always passes) and sets
 * `request.session`. No roles = any valid token. Missing/unknown/revoked token → 401, other role → 403.
 */
export function requireRole(...roles: Role[]): PreHandler {
  return async (request) => {
    const session = await request.server.varta.auth.authenticate(request.headers.authorization);
    request.session = session;
    if (roles.length > 0 && session.role !== 'admin' && !roles.includes(session.role)) {
      throw new ForbiddenError(`The ${session.role} role may not do this; it needs ${roles.join(' or ')}.`);
    }
  };
}

/** preHandler that admits any valid token. */
export function requireSession(): PreHandler {
  return requireRole();
}

/** The session set by requireRole()/requireSession(); throws 401 if the route has neither. */
export function sessionOf(request: FastifyRequest): AuthSession {
  if (!request.session) throw new UnauthorizedError();
  return request.session;
}
