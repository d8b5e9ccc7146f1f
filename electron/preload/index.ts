import { contextBridge, ipcRenderer } from 'electron';
import type { DisplayInfo, PrintRequest, QuitRequest, ShellResult, VartaBridge } from '../../contract/shell';
import { parseBridgeArgs, shouldExposeBridge } from './bridge-args';

// The sandboxed preload: the only place with raw `ipcRenderer`. It may import nothing but
// `electron` at runtime (sandbox), so everything else is bundled in by electron-vite, and the
// channel names are literal strings here to keep zod out of this bundle
// (tests/unit/shell/preload-channels.test.ts checks they match contract/shell.ts).

const CHANNELS = { print: 'varta:print', displays: 'varta:displays', quit: 'varta:quit' } as const;

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** Calls main; a reply of an unexpected shape becomes an error, never an exception. */
async function call(channel: string, arg?: unknown): Promise<Reply> {
  try {
    const reply = (await ipcRenderer.invoke(channel, arg)) as Reply | undefined;
    if (reply !== undefined && typeof reply === 'object' && typeof reply.ok === 'boolean') return reply;
    return { ok: false, error: 'failed' };
  } catch {
    return { ok: false, error: 'failed' };
  }
}

/** A reply as the renderer's ShellResult. */
function toResult(reply: Reply): ShellResult {
  return reply.ok ? { ok: true } : { ok: false, error: reply.error };
}

const bridgeArgs = parseBridgeArgs(process.argv);
// The preload's own typings are Node's (no DOM lib), hence the narrow cast.
const pageOrigin = (globalThis as { location?: { origin?: string } }).location?.origin;

if (shouldExposeBridge(bridgeArgs, pageOrigin)) {
  const bridge: VartaBridge = {
    backendUrl: bridgeArgs.backendUrl,
    token: bridgeArgs.token,
    shell: {
      print: async (request: PrintRequest) => toResult(await call(CHANNELS.print, request)),
      displays: async () => {
        const reply = await call(CHANNELS.displays);
        return reply.ok && Array.isArray(reply.value) ? (reply.value as DisplayInfo[]) : [];
      },
      quit: async (request: QuitRequest) => toResult(await call(CHANNELS.quit, request)),
    },
  };
  // Only plain data and wrapper functions cross: the page never sees ipcRenderer itself.
  contextBridge.exposeInMainWorld('varta', bridge);
}
