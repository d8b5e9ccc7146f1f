import { z } from 'zod';
import { QueueBookingSchema, QueueDeskSchema, QueueServiceSchema, QueueSettingsSchema } from './queue-domain';

// The center part of the portal API (Varta's own contract; the simulator implements it):
//   GET /api/v1/centers/{id}                      → PortalCenter
//   GET /api/v1/centers/{id}/services   (ETag)    → PortalServices   (If-None-Match → 304)
//   GET /api/v1/centers/{id}/bookings?cursor=&limit=&date= → PortalBookingsPage

/** A center as the portal describes it: its windows and the queue settings it wants. */
export const PortalCenterSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.object({ uk: z.string().min(1), en: z.string().min(1) }),
  address: z.string().max(300).optional(),
  timeZone: z.string().min(1),
  desks: z.array(QueueDeskSchema).max(999),
  settings: QueueSettingsSchema.partial().optional(),
});
export type PortalCenter = z.infer<typeof PortalCenterSchema>;

/** The services the center offers (from the portal's registry). */
export const PortalServicesSchema = z.object({ services: z.array(QueueServiceSchema).max(500) });
export type PortalServices = z.infer<typeof PortalServicesSchema>;

/** One page of bookings; follow `nextCursor` until it is null. */
export const PortalBookingsPageSchema = z.object({
  items: z.array(QueueBookingSchema).max(1000),
  nextCursor: z.string().min(1).nullable(),
});
export type PortalBookingsPage = z.infer<typeof PortalBookingsPageSchema>;
