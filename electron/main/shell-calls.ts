import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { z } from 'zod';
import { PrintRequestSchema, QuitRequestSchema, SHELL_CHANNELS, type DisplayInfo, type PrintRequest } from '../../contract/shell';
import { handleShellCall, type ShellIpcContext } from './ipc';
import { toDisplayInfo } from './policy/displays';
import { canTryPin, recordPinAttempt, verifyQuitPin, type PinAttemptState } from './policy/quit-pin';
import { ShellCallError } from './policy/shell-call';
import { printPageUrl } from './policy/status-page';

// The three shell calls the page may make: print, list displays, quit with the admin PIN.

export interface ShellCallsOptions {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Quits the app (the caller unlocks the kiosk window first). */
  quit(): void;
}

/** The stored quit PIN hash: env VARTA_QUIT_PIN_HASH, else `<dataDir>/quit-pin.hash`, else null. */
export function readQuitPinHash(dataDir: string, env: Readonly<Record<string, string | undefined>>): string | null {
  const fromEnv = env['VARTA_QUIT_PIN_HASH'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  try {
    return readFileSync(join(dataDir, 'quit-pin.hash'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Prints HTML through a hidden window that runs no script and navigates nowhere. */
async function printHtml(request: PrintRequest): Promise<null> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(printPageUrl(request.html));
    await new Promise<void>((resolve, reject) => {
      window.webContents.print({ silent: request.silent, printBackground: true }, (success, failureReason) =>
        success ? resolve() : reject(new ShellCallError('print_failed', failureReason)),
      );
    });
    return null;
  } finally {
    window.destroy();
  }
}

/** The displays attached now, the primary one marked. */
function listDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => toDisplayInfo(d, primaryId));
}

/** Registers varta:print, varta:displays and varta:quit. */
export function registerShellCalls(context: ShellIpcContext, options: ShellCallsOptions): void {
  let attempts: PinAttemptState = { failures: 0, lockedUntil: 0 };
  handleShellCall(SHELL_CHANNELS.print, PrintRequestSchema, printHtml, context);
  handleShellCall(SHELL_CHANNELS.displays, z.undefined(), listDisplays, context);
  handleShellCall(
    SHELL_CHANNELS.quit,
    QuitRequestSchema,
    ({ pin }) => {
      const now = Date.now();
      if (!canTryPin(attempts, now)) throw new ShellCallError('pin_locked');
      const stored = readQuitPinHash(options.dataDir, options.env);
      if (stored === null) throw new ShellCallError('no_quit_pin');
      const ok = verifyQuitPin(pin, stored);
      attempts = recordPinAttempt(attempts, ok, now);
      if (!ok) throw new ShellCallError('wrong_pin');
      // Answer first, quit after: the page gets its { ok: true } before the window goes.
      setImmediate(options.quit);
      return null;
    },
    context,
  );
}
