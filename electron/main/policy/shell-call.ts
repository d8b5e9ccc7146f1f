import type { z } from 'zod';
import { isTrustedIpcSender } from './navigation-rules';

// The checks every shell IPC call goes through, separated from `ipcMain` so they are tested
// under plain Node. `electron/main/ipc.ts` is the only caller.

/** Error codes a shell call answers with; the renderer maps them to i18n messages. */
export type ShellErrorCode =
  | 'bad_channel'
  | 'untrusted_sender'
  | 'invalid_arguments'
  | 'backend_not_ready'
  | 'no_quit_pin'
  | 'wrong_pin'
  | 'pin_locked'
  | 'print_failed'
  | 'failed';

/** What crosses the bridge: a value, or an error code; never an exception. */
export type ShellReply<T> = { ok: true; value: T } | { ok: false; error: ShellErrorCode };

/** Thrown by a handler to answer with a specific error code instead of the generic `failed`. */
export class ShellCallError extends Error {
  constructor(readonly code: ShellErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'ShellCallError';
  }
}

/** Who sent an IPC message, as far as the shell needs to know. */
export interface SenderInfo {
  /** URL of the sending frame, null if it is gone. */
  frameUrl: string | null;
  /** Whether the sender is the top frame (sub-frames are never trusted). */
  isTopFrame: boolean;
  /** Whether the sending webContents belongs to the role window the shell created. */
  fromRoleWindow: boolean;
}

/** Channel names of shell calls all start with this prefix. */
export const SHELL_CHANNEL_PREFIX = 'varta:';

/** True for a well-formed shell channel name (`varta:` + lowercase name). */
export function isShellChannel(channel: string): boolean {
  return /^varta:[a-z][a-z0-9-]*$/.test(channel);
}

export interface ShellCallContext {
  channel: string;
  sender: SenderInfo;
  /** Origin of the backend that serves the role window; null while it is not up. */
  backendOrigin: string | null;
  /** Gets details of unexpected failures (they are logged, not sent to the page). */
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

/** Runs one shell call: channel, sender and argument checks, then the handler; never throws.
 * `args` are the invoke arguments after the event: a shell call takes at most one. */
export async function invokeShellCall<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>) => Promise<T> | T,
  args: readonly unknown[],
  context: ShellCallContext,
): Promise<ShellReply<T>> {
  if (!isShellChannel(context.channel)) return { ok: false, error: 'bad_channel' };
  const { sender, backendOrigin } = context;
  if (backendOrigin === null) return { ok: false, error: 'backend_not_ready' };
  const trusted = sender.fromRoleWindow && sender.isTopFrame && isTrustedIpcSender(sender.frameUrl, backendOrigin);
  if (!trusted) return { ok: false, error: 'untrusted_sender' };
  if (args.length > 1) return { ok: false, error: 'invalid_arguments' };
  const parsed = schema.safeParse(args[0]);
  if (!parsed.success) return { ok: false, error: 'invalid_arguments' };
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ShellCallError) return { ok: false, error: error.code };
    context.onUnexpectedError?.(context.channel, error);
    return { ok: false, error: 'failed' };
  }
}
