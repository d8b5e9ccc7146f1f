// Builds the app with electron-vite when the sources are newer than out/ (or out/ is missing).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['contract', 'electron', 'renderer', 'native', 'resources'];
const SOURCE_FILES = ['vite.config.ts', 'package-lock.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/backend.js', 'out/main/runtime.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when out/ is missing any bundle or older than any source file. */
export function isBuildStale() {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(join(ROOT, p)));
  return Math.max(...sources) > built;
}

/** Runs `electron-vite build` (quietly unless it fails) when needed. */
export function buildIfStale({ force = false } = {}) {
  if (!force && !isBuildStale()) return false;
  console.log('Building Varta (electron-vite build)…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', './vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return true;
}
