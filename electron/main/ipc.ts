import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import { invokeShellCall, isShellChannel, type SenderInfo } from './policy/shell-call';

// The ONE place that touches `ipcMain`: every shell call is registered through
// `handleShellCall`, which checks the channel, the sender frame and the arguments, and turns
// every failure into `{ ok: false, error }` so nothing throws across the bridge.

export interface ShellIpcContext {
  /** Origin of the backend the role window shows, null while it is down. */
  backendOrigin(): string | null;
  /** Whether these webContents are the role window's (print windows and others are not). */
  isRoleWindow(contents: WebContents): boolean;
  /** Where unexpected handler errors are reported. */
  logError(message: string, error: unknown): void;
}

/** What the shell knows about the sender of one IPC message. */
function senderOf(event: IpcMainInvokeEvent, context: ShellIpcContext): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isTopFrame: frame !== null && frame.parent === null,
    fromRoleWindow: context.isRoleWindow(event.sender),
  };
}

/** Registers one `varta:` shell call with argument validation and sender check. */
export function handleShellCall<S extends z.ZodType, T>(
  channel: string,
  schema: S,
  handler: (input: z.output<S>) => Promise<T> | T,
  context: ShellIpcContext,
): void {
  if (!isShellChannel(channel)) throw new Error(`shell channel "${channel}" must start with "varta:"`);
  ipcMain.removeHandler(channel);
  ipcMain.handle(channel, (event, ...args: unknown[]) =>
    invokeShellCall(schema, handler, args, {
      channel,
      sender: senderOf(event, context),
      backendOrigin: context.backendOrigin(),
      onUnexpectedError: (name, error) => context.logError(`shell call ${name} failed`, error),
    }),
  );
}
