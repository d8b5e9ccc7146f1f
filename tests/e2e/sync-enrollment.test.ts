import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type RunningBackend } from './lib/backend-process';
import { ARTIFACTS_DIR, launchChromium, type ChromiumSession } from './lib/chromium';

// A new user enrolls the machine against the built-in simulator from the admin screen, sees a
// wrong code refused in words, takes the portal down and brings it back (issue 5, "Done when").
// The backend runs with the developer file store: this browser test has no Secret Service.

let backend: RunningBackend;
let browser: ChromiumSession;
let page: Page;
let simulatorUrl = '';

beforeAll(async () => {
  backend = await startBackendProcess(['--insecure-file-secrets', 'true']);
  browser = await launchChromium();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await backend?.stop();
});

async function simFaults(body: unknown): Promise<void> {
  if (simulatorUrl === '') simulatorUrl = /portal simulator at (\S+)/.exec(backend.output.join('\n'))?.[1] ?? '';
  const response = await fetch(`${simulatorUrl}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

describe('portal enrollment from the admin screen', () => {
  it('warns about the developer secret store at start', () => {
    expect(backend.output.join('\n')).toMatch(/device secrets are stored in a plain file/);
  });

  it('refuses a wrong code in words, then enrolls with a demo code', async () => {
    await page.goto(backend.pairingLink);
    await page.getByTestId('sync-panel').waitFor();
    await page.locator('[data-testid="sync-state"] [data-state="not_enrolled"]').waitFor();
    await page.getByTestId('sync-code').fill('WRONG-0000');
    await page.getByTestId('sync-enroll').click();
    await page.getByTestId('sync-error').waitFor();
    expect(await page.getByTestId('sync-error').textContent()).toMatch(/enrollment code/);

    await page.getByTestId('sync-demo-codes').getByRole('button').first().click();
    await page.getByTestId('sync-enroll').click();
    await page.locator('[data-testid="sync-state"] [data-state="enrolled"]').waitFor();
    await page.getByTestId('sync-done').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="sync-datasets"]')?.textContent?.includes('ще не отримано'));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'admin-sync-enrolled.png'), fullPage: true });
  });

  it('says in words that the portal is down, and recovers when it is back', async () => {
    await simFaults({ down: true });
    await page.getByTestId('sync-pull').click();
    await page.getByTestId('sync-error').waitFor();
    await page.waitForFunction(() => /503/.test(document.querySelector('[data-testid="sync-last-error"]')?.textContent ?? ''));
    await simFaults({});
    await page.getByTestId('sync-pull').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-last-error"]')?.textContent === '—');
    expect(await page.getByTestId('sync-reachable').textContent()).toMatch(/доступний/);
  });
});
