import { z } from 'zod';
import { RoleSchema } from './roles';
import { AccessPolicySchema, DEFAULT_ALLOWED_HOSTS, DEFAULT_DOCUMENT_TYPES } from './eid';

/** Whether the machine talks to the built-in portal simulator or to the real portal. */
export const ModeSchema = z.enum(['training', 'production']);
export type Mode = z.infer<typeof ModeSchema>;

export const LogLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The whole validated configuration of one Varta backend; every key has a default. */
export const ConfigSchema = z
  .object({
    role: RoleSchema.default('admin'),
    deskNo: z.number().int().min(1).max(999).optional(),
    mode: ModeSchema.default('training'),
    language: z.enum(['uk', 'en']).default('uk'),
    dataDir: z.string().min(1),
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8470),
      })
      .strict()
      .prefault({}),
    portal: z
      .object({
        baseUrl: z.url({ protocol: /^https?$/ }).optional(),
        timeoutMs: z.number().int().min(100).max(60_000).default(5000),
        healthIntervalMs: z.number().int().min(500).max(3_600_000).default(15_000),
        /** Production: a PEM file used as the ONLY trusted CA for the portal (issue 5). */
        caFile: z.string().min(1).optional(),
        /** Production: base64 (or hex) SHA-256 of the portal certificate's SPKI, checked on every connection. */
        pinSha256: z.string().regex(/^([A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/).optional(),
      })
      .strict()
      .prefault({}),
    simulator: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(0),
      })
      .strict()
      .prefault({}),
    /** Portal sync (issue 5): outbox delivery, pulls, and the developer-only plain-file secret store. */
    sync: z
      .object({
        insecureFileSecrets: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).default(false),
        pullIntervalMs: z.number().int().min(1000).max(86_400_000).default(300_000),
        bookingsDaysAhead: z.number().int().min(0).max(60).default(7),
        staleAfterS: z.number().int().min(60).max(604_800).default(3600),
        batchSize: z.number().int().min(1).max(5000).default(500),
        heartbeatIntervalMs: z.number().int().min(1000).max(3_600_000).default(60_000),
        backoffBaseMs: z.number().int().min(10).max(600_000).default(1000),
        backoffMaxMs: z.number().int().min(100).max(3_600_000).default(300_000),
        keepDeliveredDays: z.number().int().min(1).max(365).default(7),
        deviceName: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .prefault({}),
    /** USB barcode scanners (issue 3): configured devices, and the training scanner (`fake`, default: on in training mode only). */
    scanners: z
      .object({
        enabled: z.boolean().default(true),
        devices: z
          .array(
            z
              .object({
                vendorId: z.number().int().min(0).max(0xffff),
                productId: z.number().int().min(0).max(0xffff),
                label: z.string().trim().min(1).max(200).optional(),
              })
              .strict(),
          )
          .max(16)
          .default([]),
        fake: z.boolean().optional(),
      })
      .strict()
      .prefault({}),
    log: z
      .object({
        level: LogLevelSchema.default('info'),
        maxFileMb: z.number().int().min(1).max(1024).default(10),
        keepFiles: z.number().int().min(1).max(100).default(7),
      })
      .strict()
      .prefault({}),
    /** The e-ID checkpoint (issue 3): this entrance's label, code parsing, access policy, audit retention. */
    checkpoint: z
      .object({
        name: z.string().trim().min(1).max(200).default('Вхід 1'),
        allowedHosts: z.array(z.string().regex(/^[a-z0-9.-]{1,253}$/)).min(1).max(20).default([...DEFAULT_ALLOWED_HOSTS]),
        documentTypes: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).min(1).max(50).default([...DEFAULT_DOCUMENT_TYPES]),
        policy: AccessPolicySchema.prefault({}),
        auditRetentionDays: z.number().int().min(1).max(3650).optional(),
        resultClearSeconds: z.number().int().min(5).max(600).default(30),
      })
      .strict()
      .prefault({}),
    /** The visitors' terminal (issue 4): `camera` = a camera is fitted, so check-in starts it without a tap. */
    terminal: z
      .object({ camera: z.boolean().default(false) })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((c) => c.mode === 'training' || c.portal.baseUrl !== undefined, {
    message: 'production mode needs portal.baseUrl',
    path: ['portal', 'baseUrl'],
  })
  .refine((c) => c.role !== 'desk' || c.deskNo !== undefined, {
    message: 'the desk role needs deskNo',
    path: ['deskNo'],
  });
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
