import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Debian's Chromium headless with a fresh profile; `fakeCameraY4m` feeds a file as the camera. */
export async function launchChromium(options: { fakeCameraY4m?: string } = {}): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'varta-chromium-'));
  const cameraArgs = options.fakeCameraY4m
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.fakeCameraY4m}`]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_ARGS, ...cameraArgs],
    viewport: { width: 1280, height: 800 },
    locale: 'uk-UA',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where e2e screenshots are saved (git-ignored). */
export const ARTIFACTS_DIR = join(import.meta.dirname, '../../.artifacts/screenshots');

export interface SharedChromium {
  /** A fresh context: its own localStorage (so its own pairing), Ukrainian locale. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * One headless Chromium process for several screens (lighter than a browser per screen on a small
 * machine): each context is a separate screen. `fakeCameraY4m` feeds a file as every context's camera.
 */
export async function launchSharedChromium(options: { fakeCameraY4m?: string } = {}): Promise<SharedChromium> {
  const cameraArgs = options.fakeCameraY4m
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.fakeCameraY4m}`]
    : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...BASE_ARGS, ...cameraArgs] });
  return {
    newContext: () => browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'uk-UA' }),
    close: () => browser.close(),
  };
}
