import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, session } from 'electron';
import { BackendProcess } from './backend-process';
import { hardenSession, hardenWebContents, type LivePolicy } from './hardening';
import { localBackendOrigin } from './policy/origins';
import { parseShellOptions, resolveShellDataDir, type ShellOptions } from './policy/shell-options';
import { RoleWindow, type RoleTarget } from './role-window';
import { fetchSessionScope } from './session-scope';
import { registerShellCalls } from './shell-calls';

// The Electron main process: a thin shell around the backend. Decisions live in ./policy.

const log = (message: string): void => console.error(`[varta shell] ${message}`);

/** Prints one clear sentence and exits non-zero (bad flags, second instance…). */
function fail(sentence: string): never {
  process.stderr.write(`${sentence}\n`);
  app.exit(1);
  process.exit(1);
}

let options: ShellOptions;
try {
  // argv[0] is the executable; the parser skips positional tokens (main.js) and unknown switches.
  options = parseShellOptions(process.argv.slice(1), process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const dataDir = resolveShellDataDir(options.dataDir, process.env, process.cwd(), homedir());
// One Chromium profile (and one single-instance lock) per data directory.
app.setPath('userData', join(dataDir, 'electron'));
app.enableSandbox();
// Hall displays and terminals run unattended: voice calls and chimes must play without a tap.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

if (!app.requestSingleInstanceLock()) fail(`Varta is already running with the data directory ${dataDir}.`);

const sessionToken = randomBytes(32).toString('base64url');
let backendOrigin: string | null = null;
let target: RoleTarget = { role: options.role ?? 'admin', deskNo: options.deskNo ?? undefined, kiosk: options.kiosk, bridge: null };
let gaveUp = false;
let quitting = false;

const policy: LivePolicy = {
  backendOrigin: () => backendOrigin,
  hubOrigin: () => options.hubUrl,
  role: () => target.role,
  log,
};

const roleWindow = new RoleWindow({
  preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
  language: options.language,
  log,
});

const backend = new BackendProcess(
  {
    modulePath: join(import.meta.dirname, 'backend.js'),
    args: [...options.backendArgs, '--data-dir', dataDir],
    env: { ...stringEnv(process.env), VARTA_SESSION_TOKEN: sessionToken },
  },
  {
    onReady: (url) => void onBackendReady(url),
    onDown: (giveUp, output) => {
      backendOrigin = null;
      gaveUp = giveUp;
      if (giveUp) process.stderr.write(`Varta stopped: its backend could not keep running. Last output:\n${output}\n`);
      roleWindow.showStatus(target, giveUp ? 'gave_up' : 'restarting', giveUp ? output : undefined);
    },
  },
);

/** The environment without undefined values, as utilityProcess wants it. */
function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Backend up: learn the role its session token has, then show that role's page. */
async function onBackendReady(url: string): Promise<void> {
  const origin = localBackendOrigin(url);
  if (origin === null) {
    log(`the backend reported ${url}, which is not on this machine; refusing to load it`);
    roleWindow.showStatus(target, 'gave_up', `backend URL ${url} is not a loopback address`);
    return;
  }
  backendOrigin = origin;
  gaveUp = false;
  const scope = await fetchSessionScope(origin, sessionToken);
  if (backendOrigin !== origin) return; // it went down (or restarted elsewhere) meanwhile
  if (scope === null) log('could not read the session scope from the backend; using the role from the command line');
  const role = scope?.role ?? target.role;
  const deskNo = scope?.deskNo ?? target.deskNo;
  target = { role, deskNo, kiosk: options.kiosk, bridge: { backendUrl: origin, token: sessionToken } };
  try {
    roleWindow.showRole(target, origin);
  } catch (error) {
    roleWindow.showStatus(target, 'gave_up', error instanceof Error ? error.message : String(error));
  }
}

/** Stops the backend before the app goes, so nothing it acknowledged is cut off. */
async function shutdown(): Promise<void> {
  quitting = true;
  roleWindow.allowClose();
  await backend.stop();
  app.exit(gaveUp ? 1 : 0);
}

// Launched from a desktop icon, stdout/stderr may be closed pipes: never crash on EPIPE.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

app.on('second-instance', () => roleWindow.focus());
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
app.on('window-all-closed', () => void shutdown());
app.on('before-quit', (event) => {
  if (quitting) return;
  event.preventDefault();
  void shutdown();
});

void app.whenReady().then(() => {
  hardenSession(session.defaultSession, policy);
  registerShellCalls(
    { backendOrigin: () => backendOrigin, isRoleWindow: (c) => roleWindow.owns(c), logError: (m, e) => log(`${m}: ${String(e)}`) },
    { dataDir, env: process.env, quit: () => app.quit() },
  );
  backend.start();
});
