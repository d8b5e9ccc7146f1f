import { ModeSchema, type Mode } from '../../../contract/config';
import { RoleSchema, type Role } from '../../../contract/roles';
import { resolve } from 'node:path';
import { CONFIG_FLAG, defaultDataDir, SETTINGS } from '../../backend/config/sources';
import type { ShellLanguage } from './status-page';

// What the Electron shell itself needs to know before the backend is up, read from its
// command line and environment. Chromium/Playwright switches on the same command line
// (`--remote-debugging-port=0`, `--inspect`…) are ignored, and only the backend's own
// flags are forwarded to it.

/** Flags the backend understands and the shell forwards to it unchanged. `--data-dir` is not
 * among them: the shell resolves the data dir itself (its lock and profile live there) and
 * always passes the resolved one. */
export const BACKEND_FLAGS: readonly string[] = [...SETTINGS.map((s) => s.flag), CONFIG_FLAG].filter((f) => f !== 'data-dir');

export interface ShellOptions {
  role: Role | null;
  deskNo: number | null;
  mode: Mode;
  kiosk: boolean;
  language: ShellLanguage;
  dataDir: string | null;
  hubUrl: string | null;
  /** The backend flags found on the command line, as `--name value` pairs. */
  backendArgs: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** Switches that never take a separate value (`--kiosk out/main/index.js` is not kiosk = a path). */
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['kiosk', 'no-kiosk']);

/** Reads `--name value` / `--name=value` pairs and bare `--name` switches; other tokens are skipped. */
export function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--')) continue;
    const eq = token.indexOf('=');
    if (eq > 2) {
      flags.set(token.slice(2, eq), token.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--') && !BOOLEAN_FLAGS.has(token.slice(2))) {
      flags.set(token.slice(2), next);
      i += 1;
    } else {
      flags.set(token.slice(2), '');
    }
  }
  return flags;
}

/** A boolean switch from flags (`--kiosk` / `--no-kiosk`) or env (`1/0/true/false`), else null. */
function readSwitch(flags: Map<string, string>, env: Env, name: string, envName: string): boolean | null {
  if (flags.has(`no-${name}`)) return false;
  const flag = flags.get(name);
  if (flag !== undefined) return flag === '' || /^(1|true|yes|on)$/i.test(flag);
  const value = env[envName];
  if (value === undefined || value === '') return null;
  return /^(1|true|yes|on)$/i.test(value);
}

/** Parses the shell's options; throws one clear sentence on a bad value (the caller prints it and exits). */
export function parseShellOptions(argv: readonly string[], env: Env): ShellOptions {
  const flags = readFlags(argv);
  const pick = (flag: string, envName: string): string | undefined => flags.get(flag) ?? env[envName] ?? undefined;
  const roleRaw = pick('role', 'VARTA_ROLE');
  const role = roleRaw === undefined ? null : RoleSchema.safeParse(roleRaw).data ?? null;
  if (roleRaw !== undefined && role === null) throw new Error(`Unknown role "${roleRaw}": use one of ${RoleSchema.options.join(', ')}.`);
  const modeRaw = pick('mode', 'VARTA_MODE') ?? 'training';
  const mode = ModeSchema.safeParse(modeRaw).data;
  if (mode === undefined) throw new Error(`Unknown mode "${modeRaw}": use training or production.`);
  const deskRaw = pick('desk', 'VARTA_DESK_NO');
  const deskNo = deskRaw === undefined ? null : Number(deskRaw);
  if (deskNo !== null && !(Number.isInteger(deskNo) && deskNo >= 1 && deskNo <= 999)) {
    throw new Error(`Bad desk number "${deskRaw}": use a whole number from 1 to 999.`);
  }
  const languageRaw = pick('lang', 'VARTA_LANG');
  const language: ShellLanguage = languageRaw === 'en' ? 'en' : 'uk';
  const kiosk = readSwitch(flags, env, 'kiosk', 'VARTA_KIOSK') ?? mode === 'production';
  const backendArgs = BACKEND_FLAGS.flatMap((name) => {
    const value = flags.get(name);
    return value === undefined || value === '' ? [] : [`--${name}`, value];
  });
  const dataDir = pick('data-dir', 'VARTA_DATA_DIR') ?? null;
  const hubUrl = pick('hub-url', 'VARTA_HUB_URL') ?? null;
  return { role, deskNo, mode, kiosk, language, dataDir, hubUrl, backendArgs };
}

/** The data dir exactly as the backend would pick it (flag/env relative to cwd, else its default). */
export function resolveShellDataDir(dataDir: string | null, env: Env, cwd: string, homeDir: string): string {
  return dataDir !== null && dataDir !== '' ? resolve(cwd, dataDir) : defaultDataDir(env, homeDir);
}
