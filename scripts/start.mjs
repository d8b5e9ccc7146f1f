// `npm start`: Varta in training mode, as the Electron app where its runtime is installed,
// otherwise (after one line saying so) in browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, buildIfStale } from './lib/build.mjs';
import { runBackend } from './lib/run-backend.mjs';

const args = process.argv.slice(2);
buildIfStale();
const { findElectronRuntime } = await import(join(ROOT, 'out/main/runtime.js'));
const runtime = findElectronRuntime(ROOT);
if (runtime.available) {
  const child = spawn(runtime.path, [join(ROOT, 'out/main/index.js'), ...args], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  console.log(`Electron is not available here (${runtime.reason}): starting Varta in browser mode.`);
  process.exitCode = await runBackend(args);
}
