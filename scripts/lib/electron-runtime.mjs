// Finds the Electron runtime binary. The `electron` package is installed, but its download script is
// denied in package.json (allowScripts) because the binary comes from outside the npm registry.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `{available: true, path}` when the Electron binary is on disk, else `{available: false, reason}`. */
export function findElectronRuntime() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { available: true, path };
    return { available: false, reason: `the Electron binary is missing at ${path}` };
  } catch {
    return { available: false, reason: 'the Electron runtime is not downloaded (run `node node_modules/electron/install.js` where its download host is reachable)' };
  }
}
