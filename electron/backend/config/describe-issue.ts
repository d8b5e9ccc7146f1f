import type { z } from 'zod';
import { LogLevelSchema, ModeSchema } from '../../../contract/config';
import { ROLES } from '../../../contract/roles';

// Turns the first zod issue of a failed configuration into ONE sentence that names the key,
// what it must be, the value given and where that value came from.

const EXPECTATIONS: Readonly<Record<string, string>> = {
  deskNo: 'a whole number between 1 and 999',
  mode: `one of ${ModeSchema.options.join(', ')}`,
  language: 'one of uk, en',
  dataDir: 'a non-empty path',
  'server.host': 'a non-empty host name or IP address',
  'server.port': 'a number between 0 and 65535',
  'simulator.host': 'a non-empty host name or IP address',
  'simulator.port': 'a number between 0 and 65535',
  'portal.baseUrl': 'an http:// or https:// URL',
  'portal.timeoutMs': 'a whole number of milliseconds between 100 and 60000',
  'portal.healthIntervalMs': 'a whole number of milliseconds between 500 and 3600000',
  'log.level': `one of ${LogLevelSchema.options.join(', ')}`,
  'log.maxFileMb': 'a whole number between 1 and 1024',
  'log.keepFiles': 'a whole number between 1 and 100',
};

const REFINE_HINTS: Readonly<Record<string, string>> = {
  deskNo: 'the desk role needs deskNo (set --desk or VARTA_DESK_NO)',
  'portal.baseUrl': 'production mode needs portal.baseUrl (set --portal-url or VARTA_PORTAL_URL)',
};

/** The message for a role that is not one of the five. */
export function unknownRoleMessage(value: unknown): string {
  return `Unknown role ${JSON.stringify(value)}: use one of ${ROLES.join(', ')}.`;
}

/** What is known about the input, so a message can quote the value and its source. */
export interface IssueContext {
  valueAt(path: readonly (string | number)[]): unknown;
  sourceOf(path: readonly (string | number)[]): string;
  knownKeysAt(path: readonly (string | number)[]): string[];
}

/** One sentence describing a configuration issue. */
export function describeIssue(rawIssue: z.core.$ZodIssue, ctx: IssueContext): string {
  // Config keys are never symbols.
  const issue = { ...rawIssue, path: rawIssue.path.map(String) } as z.core.$ZodIssue & { path: string[] };
  const key = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const full = [...issue.path, issue.keys[0] ?? ''].join('.');
    const known = ctx.knownKeysAt(issue.path).join(', ');
    return `Invalid configuration: unknown key "${full}" in ${ctx.sourceOf([...issue.path, issue.keys[0] ?? ''])}; known keys there are ${known}.`;
  }
  if (key === 'role' && issue.code !== 'custom') return unknownRoleMessage(ctx.valueAt(issue.path));
  if (issue.code === 'custom') {
    return `Invalid configuration: ${REFINE_HINTS[key] ?? `${key} ${issue.message}`}.`;
  }
  const value = ctx.valueAt(issue.path);
  const got = `got ${JSON.stringify(value) ?? 'nothing'} from ${ctx.sourceOf(issue.path)}`;
  const expected =
    EXPECTATIONS[key] ??
    (issue.code === 'invalid_type' && issue.expected === 'object' ? 'an object' : undefined);
  if (expected !== undefined) return `Invalid configuration: ${key} must be ${expected} (${got}).`;
  return `Invalid configuration: ${key || 'the configuration'} is invalid: ${issue.message} (${got}).`;
}
