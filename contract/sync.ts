import { z } from 'zod';
import { RoleSchema } from './roles';

// Portal sync (issue 5): the portal API's shapes (the OpenAPI file contract/portal-openapi.json
// describes the same; tests/unit/sync/contract.test.ts checks they agree) and the Hub API of sync.

/** Streams the outbox delivers, each in its own order. */
export const SYNC_STREAMS = ['ratings', 'queue-events', 'counters'] as const;
export const SyncStreamSchema = z.enum(SYNC_STREAMS);
export type SyncStream = z.infer<typeof SyncStreamSchema>;

const Id = z.string().min(1).max(128);

/** `POST /api/v1/auth/device`. */
export const PortalEnrollRequestSchema = z
  .object({ enrollmentCode: z.string().min(1).max(64), deviceName: z.string().min(1).max(200), role: RoleSchema })
  .strict();
export const PortalEnrollResponseSchema = z.object({ deviceId: Id, secret: z.string().min(16).max(512), centerId: Id });
export type PortalEnrollResponse = z.infer<typeof PortalEnrollResponseSchema>;

/** `POST /api/v1/auth/token`. */
export const PortalTokenRequestSchema = z.object({ deviceId: Id, secret: z.string().min(16).max(512) }).strict();
export const PortalTokenResponseSchema = z.object({ token: z.string().min(16).max(1024), expiresIn: z.number().int().positive() });

/** One outbox item on the wire. */
export const PortalBatchItemSchema = z.object({ idempotencyId: Id, occurredAt: z.iso.datetime({ offset: true }), data: z.record(z.string(), z.unknown()) }).strict();
export type PortalBatchItem = z.infer<typeof PortalBatchItemSchema>;

/** Body of every batch POST (ratings, queue-events, counters). */
export const PortalBatchRequestSchema = z.object({ items: z.array(PortalBatchItemSchema).min(1).max(5000) }).strict();

/** The portal's answer to a batch: every id is either newly accepted or a duplicate of one it had. */
export const PortalBatchResponseSchema = z.object({ accepted: z.array(Id), duplicate: z.array(Id) });
export type PortalBatchResponse = z.infer<typeof PortalBatchResponseSchema>;

/** A 422 problem naming the items the portal will never accept (quarantined by the client). */
export const PortalInvalidItemsSchema = z.object({ invalidItems: z.array(z.object({ idempotencyId: Id, reason: z.string().max(500) })).min(1) });

/** `POST /sim/sync` (simulator only): sync fault knobs, counted down per batch POST. */
export const SimSyncKnobsSchema = z
  .object({
    dropAfterReceive: z.number().int().min(0).max(1000).default(0),
    tooManyRequests: z.number().int().min(0).max(1000).default(0),
    retryAfterS: z.number().int().min(0).max(3600).default(1),
  })
  .strict();
export type SimSyncKnobs = z.infer<typeof SimSyncKnobsSchema>;

/** Per-stream item data the portal validates. */
export const PortalRatingDataSchema = z
  .object({ ticketId: Id, score: z.number().int().min(1).max(5), reasons: z.array(z.string().max(64)).max(20).default([]) })
  .strict();
export const PortalQueueEventDataSchema = z.object({ type: z.string().regex(/^[a-z_]+\.[a-z_]+$/) }).catchall(z.unknown());
export const PortalCounterDataSchema = z
  .object({ hour: z.iso.datetime({ offset: true }), verdict: z.string().min(1).max(64), count: z.number().int().min(0) })
  .strict();

/** `POST /api/v1/devices/{id}/heartbeat`. */
export const PortalHeartbeatRequestSchema = z
  .object({ at: z.iso.datetime({ offset: true }), version: z.string().max(64), mode: z.string().max(32), pending: z.number().int().min(0) })
  .strict();

// ---- Hub API of sync ----

/** One pulled data set's freshness. */
export const SyncDatasetSchema = z.object({
  name: z.enum(['center', 'services', 'bookings']),
  fetchedAt: z.string().nullable(),
  ageS: z.number().nullable(),
  stale: z.boolean(),
  count: z.number().int().nullable(),
});
export type SyncDataset = z.infer<typeof SyncDatasetSchema>;

/** Why the machine is not exchanging with the portal (null = nothing wrong). */
export const SyncEnrollmentStateSchema = z.enum(['not_enrolled', 'enrolled', 'revoked', 'keychain_unavailable']);

/** `GET /api/sync/status` and the data of `sync.status_changed`. */
export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  enrollment: SyncEnrollmentStateSchema,
  deviceId: z.string().nullable(),
  centerId: z.string().nullable(),
  mode: z.enum(['training', 'production']),
  secretStore: z.string(),
  portalReachable: z.boolean().nullable(),
  pending: z.number().int(),
  oldestPendingAgeS: z.number().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  quarantined: z.number().int(),
  datasets: z.array(SyncDatasetSchema),
  demoEnrollmentCodes: z.array(z.string()),
  adminPinSet: z.boolean(),
  restartRequired: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** `POST /api/sync/enroll`. */
export const SyncEnrollBodySchema = z.object({ enrollmentCode: z.string().trim().min(1).max(64), deviceName: z.string().trim().min(1).max(200).optional() }).strict();
/** `POST /api/sync/admin-pin` (first use) and the PIN carried by a mode switch. */
export const SyncAdminPinBodySchema = z.object({ pin: z.string().regex(/^\d{4,12}$/, 'the PIN is 4 to 12 digits'), currentPin: z.string().max(12).optional() }).strict();
/** `POST /api/sync/mode`. */
export const SyncModeBodySchema = z
  .object({ mode: z.enum(['training', 'production']), pin: z.string().max(12), portalUrl: z.url({ protocol: /^https?$/ }).optional() })
  .strict();

/** One quarantined outbox item as the admin sees it (payload left out: it may be large). */
export const SyncQuarantinedItemSchema = z.object({ id: z.number().int(), stream: z.string(), idempotencyId: z.string(), createdAt: z.string(), reason: z.string().nullable() });
export type SyncQuarantinedItem = z.infer<typeof SyncQuarantinedItemSchema>;

/** Demo enrollment codes the simulator accepts (shown on the admin screen in training mode). */
export const DEMO_ENROLLMENT_CODES = ['VARTA-DEMO-0001', 'VARTA-DEMO-0002', 'VARTA-DEMO-0003'] as const;

/** Event type sync publishes when its status changes materially. */
export const SYNC_STATUS_CHANGED = 'sync.status_changed';
