import { z } from 'zod';
import { RoleSchema } from './roles';

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
    log: z
      .object({
        level: LogLevelSchema.default('info'),
        maxFileMb: z.number().int().min(1).max(1024).default(10),
        keepFiles: z.number().int().min(1).max(100).default(7),
      })
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
