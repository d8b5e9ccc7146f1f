import { isDeepStrictEqual } from 'node:util';
import { PortalBookingsPageSchema, PortalCenterSchema, PortalServicesSchema, type PortalCenter } from '../../../contract/portal-center';
import { QueueSettingsSchema, type QueueBooking, type QueueService } from '../../../contract/queue';
import { PortalUnavailableError } from '../errors';
import type { PortalClient } from '../portal/client';
import type { QueueHub } from './hub';

// Pulling the center's configuration from the portal (the simulator in training mode):
//   GET /api/v1/centers/{id}            desks + settings
//   GET /api/v1/centers/{id}/services   services (ETag: unchanged → 304, nothing to do)
//   GET /api/v1/centers/{id}/bookings   today's bookings, page by page
// and applying it with the core's `configure` and `import_bookings`. One function, so the portal
// sync (issue 5) can call it on its own schedule.

export const PORTAL_CLIENT_ID = 'hub:portal';
/** The demo center the simulator serves (resources/demo/center.json). */
export const TRAINING_CENTER_ID = 'cnap-demo';

/** What one pull did. */
export interface CenterSyncReport {
  configured: boolean;
  servicesEtag: string | null;
  bookingsImported: number;
}

async function getJson(client: PortalClient, path: string, etag?: string | null): Promise<{ status: number; etag: string | null; body: unknown }> {
  let response;
  try {
    response = await client.http.get<string>(path, { headers: etag ? { 'if-none-match': etag } : {} });
  } catch (error) {
    throw new PortalUnavailableError(`the portal did not answer ${path}`, { cause: error });
  }
  const tag = typeof response.headers.etag === 'string' ? response.headers.etag : null;
  if (response.status === 304) return { status: 304, etag: tag ?? etag ?? null, body: null };
  if (response.status < 200 || response.status >= 300) throw new PortalUnavailableError(`the portal answered HTTP ${response.status} for ${path}`);
  try {
    return { status: response.status, etag: tag, body: JSON.parse(response.data) };
  } catch (error) {
    throw new PortalUnavailableError(`the portal answered ${path} with malformed JSON`, { cause: error });
  }
}

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new PortalUnavailableError(`the portal answered ${what} with an unexpected body`);
  return r.data;
}

/** Every booking page for the center (today's, by the portal's clock). */
export async function fetchBookings(client: PortalClient, centerId: string): Promise<QueueBooking[]> {
  const out: QueueBooking[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const { body } = await getJson(client, `/api/v1/centers/${encodeURIComponent(centerId)}/bookings${query}`);
    const p = parse(PortalBookingsPageSchema, body, 'bookings');
    out.push(...p.items);
    cursor = p.nextCursor;
    if (cursor === null) break;
  }
  return out;
}

/** Apply a center + services from the portal: `configure` only when services, desks or settings differ. Returns whether it configured. */
export async function applyCenterConfig(hub: QueueHub, center: PortalCenter, services: readonly QueueService[]): Promise<boolean> {
  const settings = QueueSettingsSchema.parse({ ...center.settings, timeZone: center.timeZone });
  const s = hub.current;
  const same = s.configured && isDeepStrictEqual(s.serviceOrder.map((id) => s.services[id]), services) &&
    isDeepStrictEqual(Object.values(s.desks).map((d) => ({ deskNo: d.deskNo, serviceIds: d.serviceIds })), center.desks) &&
    isDeepStrictEqual(s.settings, settings);
  if (same) return false;
  const r = await hub.submit({ type: 'configure', services: [...services], desks: center.desks, settings }, PORTAL_CLIENT_ID);
  if (!r.ok) throw new Error(`the portal's center configuration was refused: ${r.error.code}: ${r.error.message}`);
  return true;
}

/** Import the bookings the hub does not know yet (names are dropped by the hub). Returns how many. */
export async function applyBookings(hub: QueueHub, bookings: readonly QueueBooking[]): Promise<number> {
  const fresh = bookings.filter((b) => !Object.hasOwn(hub.current.bookings, b.id));
  if (fresh.length === 0) return 0;
  const r = await hub.submit({ type: 'import_bookings', bookings: fresh }, PORTAL_CLIENT_ID);
  if (!r.ok) throw new Error(`the portal's bookings were refused: ${r.error.code}: ${r.error.message}`);
  return fresh.length;
}

/**
 * Pull the center from the portal and apply what changed (applyCenterConfig, applyBookings).
 * Throws PortalUnavailableError when the portal cannot be asked; a refused command throws too.
 */
export async function syncCenterFromPortal(hub: QueueHub, client: PortalClient, centerId: string, servicesEtag: string | null = null): Promise<CenterSyncReport> {
  const base = `/api/v1/centers/${encodeURIComponent(centerId)}`;
  const center = parse(PortalCenterSchema, (await getJson(client, base)).body, 'the center');
  const svc = await getJson(client, `${base}/services`, hub.current.configured ? servicesEtag : null);
  const configured = svc.status === 304 ? false : await applyCenterConfig(hub, center, parse(PortalServicesSchema, svc.body, 'services').services);
  const bookingsImported = await applyBookings(hub, await fetchBookings(client, centerId));
  return { configured, servicesEtag: svc.etag, bookingsImported };
}
