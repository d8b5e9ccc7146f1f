import { createHash } from 'node:crypto';
import { z } from 'zod';
import centerJson from '../../../../resources/demo/center.json';
import type { PortalCenter, PortalServices } from '../../../../contract/portal-center';
import { PortalCenterSchema, PortalServicesSchema } from '../../../../contract/portal-center';
import type { QueueBooking } from '../../../../contract/queue';

// The simulator's demo center (resources/demo/center.json): a ЦНАП with its services, windows and a
// few bookings. Bookings are stored as local wall-clock times and become today's slots (in the
// center's time zone) when asked, with ids and codes that carry the date so each day's set is new.

const DemoBookingSchema = z.object({
  key: z.string().regex(/^[0-9]{2}$/),
  code: z.string().regex(/^[A-Z0-9]{4,20}$/),
  serviceId: z.string(),
  time: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/),
  visitorName: z.string().optional(),
});
const DemoCenterSchema = PortalCenterSchema.extend(PortalServicesSchema.shape).extend({ bookings: z.array(DemoBookingSchema) });

/** The demo center, validated once when the simulator loads. */
export interface DemoCenter {
  center: PortalCenter;
  services: PortalServices;
  /** Weak-validator-free ETag of the services document. */
  servicesEtag: string;
  bookingsFor(date: string): QueueBooking[];
}

/** Offset (ms) of `timeZone` from UTC at instant `ms`. */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of local wall-clock `date` `time` in `timeZone` (a skipped DST hour lands an hour later). */
export function localWallTimeToUtc(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/** The local date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** Load and check resources/demo/center.json. */
export function loadDemoCenter(): DemoCenter {
  const demo = DemoCenterSchema.parse(centerJson);
  const { services, bookings, ...rest } = demo;
  const center = PortalCenterSchema.parse(rest);
  const servicesDoc = { services };
  const servicesEtag = `"${createHash('sha256').update(JSON.stringify(servicesDoc)).digest('base64url').slice(0, 27)}"`;
  return {
    center,
    services: servicesDoc,
    servicesEtag,
    bookingsFor: (date) =>
      bookings.map((b) => ({
        id: `bk-${date}-${b.key}`,
        code: `${b.code}${date.slice(8, 10)}`,
        serviceId: b.serviceId,
        slotStart: new Date(localWallTimeToUtc(date, b.time, center.timeZone)).toISOString(),
        ...(b.visitorName === undefined ? {} : { visitorName: b.visitorName }),
      })),
  };
}
