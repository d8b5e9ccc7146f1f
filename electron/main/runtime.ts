import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

// Is a runnable Electron here? `npm start` asks before choosing between the Electron app and
// browser mode. Node-only: it never imports `electron` (whose index.js throws when the binary
// was not downloaded, as on our build machines).

export type ElectronRuntime = { available: true; path: string } | { available: false; reason: string };

/** Finds the Electron binary the `electron` package points at, checking the file really exists. */
export function findElectronRuntime(
  root: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): ElectronRuntime {
  let packageDir: string;
  try {
    const require = createRequire(join(resolve(root), 'package.json'));
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: 'the Electron runtime was not downloaded (node_modules/electron/path.txt is missing; its install script did not run)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  // Same rule as electron/index.js: ELECTRON_OVERRIDE_DIST_PATH replaces the dist folder.
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override !== undefined && override !== '' ? join(override, relative) : join(packageDir, 'dist', relative);
  if (!existsSync(binary) || !statSync(binary).isFile()) {
    return { available: false, reason: `the Electron binary is missing at ${binary}` };
  }
  return { available: true, path: binary };
}
