// Makes sure the Debian/Ubuntu packages the tests need are installed, like `playwright install --with-deps`:
// as root with apt-get it installs what is missing; otherwise it names the packages and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages the test suite uses (browser, virtual display, media tools, fonts, keychain, D-Bus). */
export const TEST_PACKAGES = ['chromium', 'xvfb', 'xauth', 'ffmpeg', 'fonts-liberation', 'gnome-keyring', 'dbus'];

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Returns normally when every package is there; throws an Error with one clear sentence otherwise. */
export function ensureSystemPackages(packages = TEST_PACKAGES) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    throw new Error(`This is not a Debian/Ubuntu system: install these packages (or their equivalents) and run again: ${packages.join(' ')}.`);
  }
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length === 0) return [];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`Missing system packages: run \`sudo apt-get install -y ${missing.join(' ')}\` and then npm test again.`);
  }
  console.log(`Installing missing system packages with apt-get: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  const still = missing.filter((p) => !isInstalled(p));
  if (still.length > 0) throw new Error(`apt-get could not install: ${still.join(' ')}.`);
  return missing;
}
