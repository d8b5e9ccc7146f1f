import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../errors';

// The settings that can come from the environment and the command line, and where each lands
// in the configuration. The file uses the configuration's own (nested) key names.

interface SettingSpec {
  path: readonly string[];
  flag: string;
  env: string;
  kind: 'string' | 'int' | 'path';
}

export const SETTINGS: readonly SettingSpec[] = [
  { path: ['role'], flag: 'role', env: 'VARTA_ROLE', kind: 'string' },
  { path: ['deskNo'], flag: 'desk', env: 'VARTA_DESK_NO', kind: 'int' },
  { path: ['mode'], flag: 'mode', env: 'VARTA_MODE', kind: 'string' },
  { path: ['server', 'host'], flag: 'host', env: 'VARTA_HOST', kind: 'string' },
  { path: ['server', 'port'], flag: 'port', env: 'VARTA_PORT', kind: 'int' },
  { path: ['dataDir'], flag: 'data-dir', env: 'VARTA_DATA_DIR', kind: 'path' },
  { path: ['portal', 'baseUrl'], flag: 'portal-url', env: 'VARTA_PORTAL_URL', kind: 'string' },
  { path: ['log', 'level'], flag: 'log-level', env: 'VARTA_LOG_LEVEL', kind: 'string' },
  { path: ['language'], flag: 'lang', env: 'VARTA_LANG', kind: 'string' },
  { path: ['sync', 'insecureFileSecrets'], flag: 'insecure-file-secrets', env: 'VARTA_INSECURE_FILE_SECRETS', kind: 'string' },
];

export const CONFIG_FLAG = 'config';
export const CONFIG_ENV = 'VARTA_CONFIG';

/** Every flag the backend accepts, for messages and --help. */
export const KNOWN_FLAGS: readonly string[] = [...SETTINGS.map((s) => s.flag), CONFIG_FLAG, 'help'];

export type Env = Readonly<Record<string, string | undefined>>;

/** One layer of configuration values, plus a way to name where a key came from. */
export interface Layer {
  values: Record<string, unknown>;
  describe(path: readonly string[]): string;
}

/** What the command line said, after strict parsing. */
export interface ParsedFlags {
  values: Record<string, string | undefined>;
  help: boolean;
}

/** Parse argv strictly; an unknown flag, a missing value or a stray argument is a ConfigError. */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  const options = Object.fromEntries([
    ...SETTINGS.map((s) => [s.flag, { type: 'string' as const }]),
    [CONFIG_FLAG, { type: 'string' as const }],
    ['help', { type: 'boolean' as const, short: 'h' }],
  ]);
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    const { help, ...rest } = values as Record<string, string | boolean | undefined>;
    return { values: rest as Record<string, string | undefined>, help: help === true };
  } catch (error) {
    throw flagError(error);
  }
}

function flagError(error: unknown): ConfigError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const known = KNOWN_FLAGS.map((f) => `--${f}`).join(', ');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new ConfigError(`Unknown option "${quoted}": use one of ${known}.`, quoted, 'the command line');
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new ConfigError(`Unexpected argument "${quoted}": options look like --port 8470.`, null, 'the command line');
  }
  const flag = /(--[a-z-]+)/.exec(message)?.[1] ?? quoted;
  return new ConfigError(`Option ${flag} needs a value, as in ${flag} <value>.`, flag, 'the command line');
}

/** Turn a raw string into the value type the key expects; non-numbers stay strings so validation names them. */
function convert(raw: string, kind: SettingSpec['kind'], cwd: string): unknown {
  if (kind === 'int') return /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (kind === 'path') return raw === '' ? raw : resolve(cwd, raw);
  return raw;
}

/** Set `value` at `path` inside `target`, creating nested objects. */
export function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

/** Read the value at `path`, or undefined when any step is missing. */
export function getIn(source: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = source;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The layer given by command-line flags. */
export function flagLayer(flags: ParsedFlags, cwd: string): Layer {
  const values: Record<string, unknown> = {};
  for (const spec of SETTINGS) {
    const raw = flags.values[spec.flag];
    if (raw !== undefined) setIn(values, spec.path, convert(raw, spec.kind, cwd));
  }
  return { values, describe: (path) => `--${specFor(path)?.flag ?? path.join('.')}` };
}

/** The layer given by VARTA_* environment variables (empty ones count as unset). */
export function envLayer(env: Env, cwd: string): Layer {
  const values: Record<string, unknown> = {};
  for (const spec of SETTINGS) {
    const raw = env[spec.env];
    if (raw !== undefined && raw !== '') setIn(values, spec.path, convert(raw, spec.kind, cwd));
  }
  return { values, describe: (path) => specFor(path)?.env ?? path.join('.') };
}

function specFor(path: readonly string[]): SettingSpec | undefined {
  return SETTINGS.find((s) => s.path.join('.') === path.join('.'));
}

/** The default data dir: $XDG_DATA_HOME/varta, else ~/.local/share/varta. */
export function defaultDataDir(env: Env, homeDir: string): string {
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'varta');
  return join(homeDir, '.local', 'share', 'varta');
}

/** The data dir decided by flags, environment and defaults (the file cannot say where the file is). */
export function preliminaryDataDir(flags: ParsedFlags, env: Env, cwd: string, homeDir: string): string {
  const fromFlag = flags.values['data-dir'];
  if (fromFlag !== undefined && fromFlag !== '') return resolve(cwd, fromFlag);
  const fromEnv = env.VARTA_DATA_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(cwd, fromEnv);
  return defaultDataDir(env, homeDir);
}

/** Which config file to read: an explicit --config / VARTA_CONFIG, else `<dataDir>/config.json` if present. */
export function locateConfigFile(
  flags: ParsedFlags,
  env: Env,
  cwd: string,
  homeDir: string,
): { path: string; explicit: boolean } {
  const explicit = flags.values[CONFIG_FLAG] ?? (env[CONFIG_ENV] === '' ? undefined : env[CONFIG_ENV]);
  if (explicit !== undefined && explicit !== '') return { path: resolve(cwd, explicit), explicit: true };
  return { path: join(preliminaryDataDir(flags, env, cwd, homeDir), 'config.json'), explicit: false };
}
