import { z } from 'zod';
import type { PortalBookingsPage, PortalCenter, PortalServices } from '../../../../../contract/portal-center';
import { NotFoundError, ValidationError } from '../../../errors';
import { zodIssuesToFieldErrors } from '../../../server/parse-body';
import { loadDemoCenter, localDateOf } from '../center-data';
import type { SimulatorRouteRegistrar } from './types';

// The center part of the portal API, served from the demo center. Bookings are today's (in the
// center's time zone) unless `date` is given, paged with an opaque cursor (the offset, base64url).

const BookingsQuerySchema = z
  .object({
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    date: z.iso.date().optional(),
  })
  .strict();

const encodeCursor = (offset: number): string => Buffer.from(String(offset)).toString('base64url');
const decodeCursor = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isInteger(n) || n < 0) throw new ValidationError([{ path: 'cursor', message: 'unknown cursor' }]);
  return n;
};

/** GET /api/v1/centers/{id}, …/services (ETag, If-None-Match → 304), …/bookings?cursor=&limit=&date=. */
export const registerSimCenterRoutes: SimulatorRouteRegistrar = (app, sim) => {
  const demo = loadDemoCenter();
  const known = (id: string): void => {
    if (id !== demo.center.id) throw new NotFoundError(`There is no center ${id}.`);
  };

  app.get<{ Params: { id: string } }>('/api/v1/centers/:id', async (request): Promise<PortalCenter> => {
    known(request.params.id);
    return demo.center;
  });

  app.get<{ Params: { id: string } }>('/api/v1/centers/:id/services', async (request, reply): Promise<PortalServices | undefined> => {
    known(request.params.id);
    reply.header('etag', demo.servicesEtag);
    if (request.headers['if-none-match'] === demo.servicesEtag) {
      reply.code(304);
      return undefined;
    }
    return demo.services;
  });

  app.get<{ Params: { id: string } }>('/api/v1/centers/:id/bookings', async (request): Promise<PortalBookingsPage> => {
    known(request.params.id);
    const query = BookingsQuerySchema.safeParse(request.query);
    if (!query.success) throw new ValidationError(zodIssuesToFieldErrors(query.error.issues), 'The query is invalid.');
    const date = query.data.date ?? localDateOf(sim.now().getTime(), demo.center.timeZone);
    const all = demo.bookingsFor(date);
    const from = decodeCursor(query.data.cursor);
    const end = from + query.data.limit;
    return { items: all.slice(from, end), nextCursor: end < all.length ? encodeCursor(end) : null };
  });
};
