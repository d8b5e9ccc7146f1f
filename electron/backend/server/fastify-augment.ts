import type { AuthSession } from '../auth/auth-service';
import type { BackendContext } from '../context';

// Type-only: what the backend decorates fastify with (see build-server.ts).
declare module 'fastify' {
  interface FastifyInstance {
    /** The backend's services, for hooks and helpers that only get the request. */
    varta: BackendContext;
  }
  interface FastifyRequest {
    /** Set by requireRole()/requireSession(); null on routes without them. */
    session: AuthSession | null;
  }
}

export {};
