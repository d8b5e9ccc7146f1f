import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToWedgeEvents } from '../../renderer/scan/wedge/decode-wedge';
import { ukrainianKey } from '../unit/wedge/ukrainian-layout';
import { startBackendProcess, type RunningBackend } from './lib/backend-process';
import {
  dispatchWedgeBurst,
  issueCode,
  mintPairingLink,
  pageToken,
  trainingScan,
  validHolder,
  type DemoHolder,
} from './lib/checkpoint-helpers';
import { ARTIFACTS_DIR, launchChromium, type ChromiumSession } from './lib/chromium';
import { writeQrY4m } from './lib/qr-y4m';

// The checkpoint in Chromium against the real backend (training mode: the built-in simulator):
// a fake camera showing a simulator-issued QR, a typed code with a wrong digit, and a wedge
// scanner burst typed under a Ukrainian keyboard layout.
let backend: RunningBackend;
let admin: ChromiumSession;
let adminPage: Page;
let adminToken: string;
let holder: DemoHolder;
let screen: ChromiumSession;
let page: Page;
let workDir: string;

const resultOf = (verdict: string) => `[data-testid="checkpoint-result"][data-verdict="${verdict}"]`;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  workDir = mkdtempSync(join(tmpdir(), 'varta-checkpoint-e2e-'));
  backend = await startBackendProcess();
  admin = await launchChromium();
  adminPage = await admin.context.newPage();
  await adminPage.goto(backend.pairingLink);
  await adminPage.getByTestId('role-admin').waitFor();
  adminToken = await pageToken(adminPage);
  holder = await validHolder(backend.url, adminToken);
});

afterAll(async () => {
  await screen?.close();
  await admin?.close();
  await backend?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('checkpoint screen in Chromium', () => {
  it('reads a simulator-issued QR from the fake camera and shows a green result with the holder', async () => {
    const code = await issueCode(backend.url, adminToken, holder.id);
    const clip = writeQrY4m(join(workDir, 'qr.y4m'), code.qr);
    screen = await launchChromium({ fakeCameraY4m: clip });
    page = await screen.context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const wasmResponses: Array<{ url: string; status: number; type: string | undefined }> = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasmResponses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
    });
    await page.goto(await mintPairingLink(adminPage, 'checkpoint'));
    await page.getByTestId('role-checkpoint').waitFor();
    await page.locator('[data-testid="status-connection"][data-state="connected"]').waitFor();
    await page.getByTestId('training-watermark').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'checkpoint-idle.png') });

    await page.getByTestId('checkpoint-camera-start').click();
    const result = page.locator(resultOf('valid'));
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-class')).toBe('ok');
    expect(await page.getByTestId('result-name').textContent()).toBe(holder.fullName);
    expect(await page.getByTestId('result-countdown').textContent()).toMatch(/\d+ с/);
    // Decoded by zxing-wasm, whose .wasm came from the app bundle on the backend (no CDN).
    expect(await page.getByTestId('checkpoint-camera-state').textContent()).toContain('zxing-wasm');
    expect(wasmResponses).toHaveLength(1);
    expect(wasmResponses[0]).toMatchObject({ status: 200, type: 'application/wasm' });
    expect(wasmResponses[0]!.url.startsWith(`${backend.url}/assets/zxing_reader-`)).toBe(true);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'checkpoint-camera-valid.png') });
    await page.getByTestId('result-next').click();
    await page.locator('[data-testid="checkpoint-result"]').waitFor({ state: 'detached' });
    // The QR is still in front of the camera: the same code seen again is one read, not a second check.
    await page.getByTestId('checkpoint-camera-stop').click();
    await page.locator('[data-testid="checkpoint-camera-state"][data-state="off"]').waitFor();
    expect(await page.locator('[data-testid="checkpoint-result"]').count()).toBe(0);
  });

  it('answers a typed code with a wrong check digit as a typo, locally', async () => {
    const code = await issueCode(backend.url, adminToken, holder.id);
    const last = Number(code.barcode.charAt(12));
    const wrong = `${code.barcode.slice(0, 12)}${(last + 1) % 10}`;
    // Typed like a person (80 ms a key), so the burst detector leaves it to the keypad.
    await page.keyboard.type(wrong, { delay: 80 });
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="keypad-display"]')?.textContent === expected,
      `${wrong.slice(0, 1)} ${wrong.slice(1, 7)} ${wrong.slice(7)}`,
    );
    await page.getByTestId('keypad-verify').click();
    const result = page.locator(resultOf('typo'));
    await result.waitFor();
    expect(await result.textContent()).toMatch(/перевірте цифри/i);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'checkpoint-typo.png') });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="checkpoint-result"]').waitFor({ state: 'detached' });
    // The digits stay on the keypad to be corrected; clear them for the next test.
    expect(await page.getByTestId('keypad-display').textContent()).toContain(wrong.slice(1, 7));
    await page.getByTestId('keypad-clear').click();
    await page.locator('[data-testid="keypad-display"] .keypad-empty').waitFor();
  });

  it('verifies a wedge scanner burst typed under a Ukrainian keyboard layout', async () => {
    const code = await issueCode(backend.url, adminToken, holder.id);
    const events = textToWedgeEvents(code.qr, { layoutKey: ukrainianKey });
    expect(events.some((e) => /[а-яіїєґ]/i.test(e.key))).toBe(true); // the layout really garbles the keys
    await dispatchWedgeBurst(page, events, 5);
    const result = page.locator(resultOf('valid'));
    await result.waitFor();
    expect(await page.getByTestId('result-name').textContent()).toBe(holder.fullName);
    // Nothing of the burst leaked into the keypad.
    expect(await page.locator('[data-testid="keypad-display"] .keypad-empty').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'checkpoint-wedge-valid.png') });
  });

  it('issues a test code on the admin page, and it verifies when typed on the checkpoint keypad', async () => {
    await adminPage.getByTestId('training-codes-panel').waitFor();
    await adminPage.getByTestId(`training-issue-${holder.id}`).click();
    await adminPage.getByTestId('training-code-qr').waitFor();
    const digits = (await adminPage.getByTestId('training-code-digits').getAttribute('data-digits')) ?? '';
    expect(digits).toMatch(/^\d{13}$/);
    expect(await adminPage.getByTestId('training-code-expiry').textContent()).toMatch(/\d+ с/);
    await adminPage.getByTestId('training-codes-panel').screenshot({ path: join(ARTIFACTS_DIR, 'checkpoint-admin-training-codes.png') });

    await page.getByTestId('result-next').click();
    for (const d of digits) await page.getByTestId(`keypad-key-${d}`).click();
    await page.getByTestId('keypad-verify').click();
    await page.locator(resultOf('valid')).waitFor();
    expect(await page.getByTestId('result-name').textContent()).toBe(holder.fullName);
    await page.getByTestId('result-next').click();

    // The same tool in the checkpoint's own "test codes" drawer (training mode).
    await page.getByTestId('training-drawer-toggle').click();
    await page.getByTestId(`training-issue-${holder.id}`).click();
    await page.getByTestId('training-code-qr').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'checkpoint-training-drawer.png'), fullPage: true });
  });

  it('verifies a scan from the training USB scanner, which reaches the screen as a backend event', async () => {
    await page.getByTestId('training-drawer-toggle').click(); // close the drawer again
    const code = await issueCode(backend.url, adminToken, holder.id);
    await trainingScan(backend.url, adminToken, code.qr);
    await page.locator(resultOf('valid')).waitFor();
    expect(await page.getByTestId('result-name').textContent()).toBe(holder.fullName);
    expect(await page.getByTestId('result-countdown').textContent()).toContain('USB');
  });
});
