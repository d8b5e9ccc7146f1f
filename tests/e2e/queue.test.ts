import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type RunningBackend } from './lib/backend-process';
import { ARTIFACTS_DIR, launchChromium, type ChromiumSession } from './lib/chromium';
import { mintQueuePairingLink } from './lib/queue-helpers';

// The center queue across four screens in Chromium, against the real backend in training mode
// (the demo center: desk 1 serves passport-id): the terminal issues a ticket, desk 1 calls it, the
// display shows it and queues its announcement, the visitor rates the visit on the desk's rating screen.
let backend: RunningBackend;
const sessions: ChromiumSession[] = [];
let admin: Page;

const mintPairingLink = (role: string, deskNo?: number): Promise<string> => mintQueuePairingLink(admin, role, deskNo);

/** A fresh browser (its own localStorage, so its own pairing) opened on a pairing link. */
async function pairScreen(role: string, path: string, deskNo?: number): Promise<Page> {
  const link = await mintPairingLink(role, deskNo);
  const session = await launchChromium();
  sessions.push(session);
  const page = await session.context.newPage();
  await page.goto(link);
  await page.waitForURL(`${backend.url}${path}`, { timeout: 60_000 });
  await page.locator('[data-testid="status-connection"][data-state="connected"]').waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `queue-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  backend = await startBackendProcess();
  const session = await launchChromium();
  sessions.push(session);
  admin = await session.context.newPage();
  await admin.goto(backend.pairingLink);
  await admin.waitForURL(`${backend.url}/admin`);
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  await backend?.stop();
});

describe('center queue on four screens', () => {
  it('issues, calls, shows and announces, and takes the rating', async () => {
    const display = await pairScreen('display', '/display');
    await display.getByTestId('display').waitFor();
    await display.locator('[data-testid="announcement-queue"]').waitFor();
    const terminal = await pairScreen('terminal', '/terminal');
    const desk = await pairScreen('desk', '/desk/1', 1);

    // Terminal: search narrows the tiles; touch the passport tile, general queue.
    await terminal.getByTestId('service-tile-passport-id').waitFor();
    await terminal.getByTestId('terminal-search').fill('ПАСП');
    expect(await terminal.locator('[data-testid^="service-tile-"]').count()).toBe(2);
    await shot(terminal, 'terminal');
    await terminal.getByTestId('terminal-search').fill('');
    await terminal.getByTestId('service-tile-passport-id').click();
    await terminal.getByTestId('priority-none').click();
    const numberEl = terminal.getByTestId('terminal-ticket-number');
    await numberEl.waitFor();
    const number = (await numberEl.textContent())?.trim() ?? '';
    expect(number).toMatch(/^А-\d{3}$/);
    const ticketId = await terminal.getByTestId('terminal-ticket').getAttribute('data-ticket-id');
    expect(ticketId).toBeTruthy();
    await terminal.getByTestId('terminal-ticket-qr').waitFor();
    await shot(terminal, 'terminal-ticket');

    // The visitor's phone: the public status page, no token.
    const statusPage = await terminal.context().newPage();
    await statusPage.goto(`${backend.url}/t/${ticketId}`);
    await statusPage.locator(`[data-testid="ticket-status-number"]`).waitFor();
    expect(await statusPage.getByTestId('ticket-status').getAttribute('data-status')).toBe('waiting');
    await statusPage.setViewportSize({ width: 390, height: 760 });
    await shot(statusPage, 'ticket-status');

    // Desk 1 sees the ticket waiting, calls next with F1.
    await desk.getByTestId(`desk-waiting-${number}`).waitFor();
    await desk.keyboard.press('F1');
    await desk.waitForFunction((n) => document.querySelector('[data-testid="desk-current-number"]')?.textContent === n, number);
    expect(await desk.getByTestId('desk-current-reason').textContent()).toBeTruthy();
    await shot(desk, 'desk');

    // The display shows it with the window and queues the announcement.
    await display.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="display-now-number"]')?.textContent === n &&
        document.querySelector('[data-testid="display-now-desk"]')?.textContent === '1',
      number,
    );
    await display.waitForFunction((key) => document.querySelector('[data-testid="announcement-queue"]')?.getAttribute('data-last') === key, `${number}|1`);
    expect(Number(await display.getByTestId('announcement-queue').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    await shot(display, 'display');
    // Headless Chromium refuses sound without a gesture: the one-time tap overlay enables it, and
    // the self-test then plays the bundled chime for real (the clips decode).
    const audioState = () => display.getByTestId('announcement-queue').getAttribute('data-audio');
    if ((await audioState()) === 'blocked') {
      await display.getByTestId('display-enable-sound').click();
      await display.waitForFunction(() => document.querySelector('[data-testid="announcement-queue"]')?.getAttribute('data-audio') !== 'blocked');
    }
    expect(await audioState()).toBe('ok');

    // Serve and finish with the keys, then the visitor rates on the desk-side screen.
    await desk.keyboard.press('KeyS');
    await desk.waitForFunction(() => document.querySelector('[data-testid="desk-current"]')?.getAttribute('data-status') === 'serving');
    await desk.keyboard.press('KeyF');
    await desk.getByTestId('desk-no-current').waitFor();
    await desk.getByTestId('desk-rate-open').click();
    await desk.getByTestId('rating-star-5').click();
    await desk.getByTestId('rating-reason-polite').check();
    await shot(desk, 'rating');
    await desk.getByTestId('rating-submit').click();
    await desk.getByTestId('rating-thanks').waitFor();

    // The hub logged the rating: read the event log as the admin screen's token.
    const rated = await admin.evaluate(async (id) => {
      const token = (JSON.parse(localStorage.getItem('varta.session') ?? '{}') as { token?: string }).token ?? '';
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/events`);
      return await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no visit.rated event')), 10_000);
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token, since: 0 }));
        ws.onmessage = (message) => {
          const m = JSON.parse(String(message.data)) as { kind: string; event?: { type: string; data: { ticketId?: string } } };
          if (m.kind === 'event' && m.event?.type === 'visit.rated' && m.event.data.ticketId === id) {
            clearTimeout(timer);
            ws.close();
            resolve(m.event.data);
          }
        };
      });
    }, ticketId);
    expect(rated).toMatchObject({ ticketId, score: 5, reasons: ['polite'] });

    // Air-raid pause from the admin: the display sends visitors to the shelter (pushed, not polled).
    const center = (action: string) =>
      admin.evaluate(async (path) => {
        const token = (JSON.parse(localStorage.getItem('varta.session') ?? '{}') as { token?: string }).token ?? '';
        const response = await fetch(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
        return response.status;
      }, `/api/queue/center/${action}`);
    expect(await center('pause')).toBe(200);
    await display.getByTestId('display-air-raid').waitFor();
    expect(await display.getByTestId('display-air-raid').textContent()).toContain('Повітряна тривога! Пройдіть до укриття.');
    await shot(display, 'air-raid');
    expect(await center('resume')).toBe(200);
    await display.getByTestId('display-air-raid').waitFor({ state: 'detached' });
  });
});
