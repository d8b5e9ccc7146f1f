import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type RunningBackend } from './lib/backend-process';
import { ARTIFACTS_DIR, launchChromium, type ChromiumSession } from './lib/chromium';

// Every role page, opened in Chromium via a pairing link from the real backend (browser mode):
// the status bar must say connected, portal reachable and training mode.
let backend: RunningBackend;
let admin: ChromiumSession;
let adminPage: Page;

async function expectConnectedTraining(page: Page, role: string): Promise<void> {
  await page.getByTestId(`role-${role}`).waitFor();
  await page.locator('[data-testid="status-connection"][data-state="connected"]').waitFor();
  await page.locator('[data-testid="status-portal"][data-state="reachable"]').waitFor();
  expect(await page.getByTestId('training-banner').isVisible()).toBe(true);
  expect(await page.locator('html').getAttribute('lang')).toBe('uk');
}

/** Mints a pairing link for `role` with the admin screen's pairing panel, as an administrator would. */
async function mintPairingLink(role: string, deskNo?: number): Promise<string> {
  const link = adminPage.getByTestId('pairing-link');
  const previous = (await link.count()) > 0 ? await link.textContent() : null;
  await adminPage.locator(`input[name="pair-role"][value="${role}"]`).check();
  if (deskNo !== undefined) await adminPage.locator('#pair-desk-no').fill(String(deskNo));
  await adminPage.getByTestId('pairing-create').click();
  await adminPage.waitForFunction(
    (before) => {
      const text = document.querySelector('[data-testid="pairing-link"]')?.textContent ?? null;
      return text !== null && text !== before && text.includes('/pair?code=');
    },
    previous,
  );
  return (await link.textContent())?.trim() ?? '';
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  backend = await startBackendProcess();
  admin = await launchChromium();
  adminPage = await admin.context.newPage();
});

afterAll(async () => {
  await admin?.close();
  await backend?.stop();
});

describe('role pages in browser mode', () => {
  it('pairs the admin screen from the printed Varta ready link', async () => {
    expect(backend.output.join('\n')).toMatch(/Training mode/);
    await adminPage.goto(backend.pairingLink);
    await adminPage.waitForURL(`${backend.url}/admin`);
    await expectConnectedTraining(adminPage, 'admin');
    await adminPage.screenshot({ path: join(ARTIFACTS_DIR, 'admin.png'), fullPage: true });
  });

  const others: Array<{ role: string; deskNo?: number; path: string }> = [
    { role: 'checkpoint', path: '/checkpoint' },
    { role: 'terminal', path: '/terminal' },
    { role: 'desk', deskNo: 3, path: '/desk/3' },
    { role: 'display', path: '/display' },
  ];
  for (const { role, deskNo, path } of others) {
    it(`pairs a ${role} screen from a link minted on the admin screen`, async () => {
      const link = await mintPairingLink(role, deskNo);
      expect(link).toMatch(/\/pair\?code=/);
      const screen = await launchChromium();
      try {
        const page = await screen.context.newPage();
        await page.goto(link);
        await page.waitForURL(`${backend.url}${path}`);
        await expectConnectedTraining(page, role);
        await page.screenshot({ path: join(ARTIFACTS_DIR, `${role}.png`), fullPage: true });
        // The same link does not work twice.
        const again = await screen.context.newPage();
        await page.evaluate(() => localStorage.clear());
        await again.goto(link);
        await again.getByTestId('pair-error').waitFor();
      } finally {
        await screen.close();
      }
    });
  }

  it('says a page is not paired when opened without a token', async () => {
    const stranger = await launchChromium();
    try {
      const page = await stranger.context.newPage();
      await page.goto(`${backend.url}/display`);
      await page.getByTestId('not-paired').waitFor();
      expect(await page.getByTestId('role-display').count()).toBe(0);
    } finally {
      await stranger.close();
    }
  });
});
