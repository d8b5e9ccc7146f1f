// Runs the bundled backend under plain Node (browser mode), forwarding flags and signals.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build.mjs';

/** Starts out/main/backend.js with the given flags; resolves with its exit code. */
export function runBackend(args) {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/backend.js'), ...args], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));
}
