import { z } from 'zod';

// Portal API shapes used so far. They belong in contract/ once the portal contract file
// exists there (issue 5 writes the OpenAPI + contract); kept here until then.

/** `GET /api/v1/health` of the portal (and the simulator). */
export const PortalHealthSchema = z.object({ ok: z.literal(true), time: z.iso.datetime({ offset: true }) });
export type PortalHealth = z.infer<typeof PortalHealthSchema>;

/** `POST /sim/faults` (simulator only): fault knobs; omitted knobs are off. */
export const SimFaultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    errorRate: z.number().min(0).max(1).default(0),
    down: z.boolean().default(false),
    malformed: z.boolean().default(false),
  })
  .strict();
export type SimFaults = z.infer<typeof SimFaultsSchema>;
