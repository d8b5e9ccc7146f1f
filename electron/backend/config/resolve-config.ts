import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { type Config, ConfigSchema } from '../../../contract/config';
import { ConfigError } from '../errors';
import { describeIssue } from './describe-issue';
import { findJsonError } from './json-position';
import {
  defaultDataDir,
  type Env,
  envLayer,
  flagLayer,
  getIn,
  type Layer,
  parseFlags,
} from './sources';

/** Everything the configuration is made of; no I/O happens in here. */
export interface ConfigInputs {
  argv: readonly string[];
  env: Env;
  /** Text of the config file, when there is one. */
  fileText?: string;
  /** Where that text came from (named in messages, base for a relative dataDir). */
  filePath?: string;
  cwd?: string;
  homeDir?: string;
}

/** The configuration, plus whether --help was asked for. */
export interface ResolvedConfig {
  config: Config;
  help: boolean;
}

/** Merge defaults < file < environment < flags and validate; throws ConfigError with one sentence. */
export function resolveConfig(inputs: ConfigInputs): ResolvedConfig {
  const cwd = inputs.cwd ?? process.cwd();
  const homeDir = inputs.homeDir ?? inputs.env.HOME ?? homedir();
  const flags = parseFlags(inputs.argv);
  const defaults: Layer = {
    values: { dataDir: defaultDataDir(inputs.env, homeDir) },
    describe: () => 'the defaults',
  };
  const layers: Layer[] = [defaults];
  if (inputs.fileText !== undefined) {
    layers.push(fileLayer(inputs.fileText, inputs.filePath ?? 'the config file'));
  }
  layers.push(envLayer(inputs.env, cwd), flagLayer(flags, cwd));
  const merged = layers.reduce<Record<string, unknown>>((acc, layer) => deepMerge(acc, layer.values), {});
  const result = ConfigSchema.safeParse(merged);
  if (result.success) return { config: result.data, help: flags.help };
  const issue = result.error.issues[0];
  const sourceOf = (path: readonly (string | number)[]): string => {
    const keys = path.map(String);
    for (const layer of [...layers].reverse()) {
      if (getIn(layer.values, keys) !== undefined) return layer.describe(keys);
    }
    return 'the defaults';
  };
  const message = issue
    ? describeIssue(issue, {
        valueAt: (path) => getIn(merged, path),
        sourceOf,
        knownKeysAt: (path) => knownKeysAt(path),
      })
    : 'Invalid configuration.';
  throw new ConfigError(message, issue?.path.join('.') ?? null, issue ? sourceOf(issue.path.map(String)) : null);
}

function fileLayer(text: string, filePath: string): Layer {
  const clean = text.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(clean);
  } catch {
    const at = findJsonError(clean);
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    throw new ConfigError(`Config file ${filePath} is not valid JSON${where}.`, null, filePath);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`Config file ${filePath} must contain a JSON object like {"role": "admin"}.`, null, filePath);
  }
  const values = { ...(parsed as Record<string, unknown>) };
  // A relative dataDir in a file means relative to that file, not to wherever Varta was started.
  if (typeof values.dataDir === 'string' && values.dataDir !== '') {
    values.dataDir = resolve(dirname(filePath), values.dataDir);
  }
  return { values, describe: () => filePath };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** Keys the schema accepts at a path (top level or one of the nested sections). */
function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: unknown = ConfigSchema;
  for (const key of path) {
    schema = unwrap(schema);
    schema = (schema as { shape?: Record<string, unknown> }).shape?.[String(key)];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown } | undefined;
  while (current && typeof current.unwrap === 'function' && !('shape' in current)) {
    current = current.unwrap() as typeof current;
  }
  return current;
}
