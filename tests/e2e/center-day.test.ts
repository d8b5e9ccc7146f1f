import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToWedgeEvents } from '../../renderer/scan/wedge/decode-wedge';
import { startBackendProcess, type RunningBackend } from './lib/backend-process';
import { dispatchWedgeBurst, issueCode, pageToken, validHolder } from './lib/checkpoint-helpers';
import { ARTIFACTS_DIR, launchSharedChromium, type SharedChromium } from './lib/chromium';
import { writeQrY4m } from './lib/qr-y4m';
import { adminPost, importBookings, mintQueuePairingLink, queueEventsOfType } from './lib/queue-helpers';

// A whole center day on five screens in Chromium (admin, terminal, desk 1, desk 2, hall display),
// against the real backend in training mode (the demo center: desks 1 and 2 serve both passport
// services). In order: a regular and a priority visitor take tickets, a booked visitor checks in by
// showing the booking QR to the terminal's camera; desk 1 calls the booking first and transfers it
// to desk 2, calls the priority visitor and serves them; desk 2 serves the transferred visitor and
// takes a break; desk 1 recalls the regular visitor, then marks a no-show, and verifies a visitor's
// e-ID; an air raid pauses the center and the order is kept on resume; last, visitors rate at the
// terminal, by the ticket's QR and by the typed number, and the terminal refuses what may not be
// rated. Each step waits for what the screens show, never for a fixed time.

const BOOKING_CODE = `E2E${Date.now().toString(36).toUpperCase().slice(-5)}`;
let backend: RunningBackend;
let browser: SharedChromium;
let cameraDir: string;
let admin: Page;
let terminal: Page;
let desk1: Page;
let desk2: Page;
let display: Page;
const numbers: Record<'regular' | 'priority' | 'booked', string> = { regular: '', priority: '', booked: '' };
let bookedStatusUrl = '';

async function pairScreen(role: string, path: string, deskNo?: number): Promise<Page> {
  const link = await mintQueuePairingLink(admin, role, deskNo);
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.waitForURL(`${backend.url}${path}`, { timeout: 60_000 });
  await page.locator('[data-testid="status-connection"][data-state="connected"]').waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `center-day-${name}.png`), fullPage: true });
const textOf = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** Wait until the element with `testId` has exactly `text`. */
const waitText = (page: Page, testId: string, text: string) =>
  page.waitForFunction(([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === want, [testId, text] as const);

/** The desk holds `number` with `status`. */
const waitCurrent = (page: Page, number: string, status: string) =>
  page.waitForFunction(
    ([n, s]) => {
      const current = document.querySelector('[data-testid="desk-current"]');
      return current?.getAttribute('data-status') === s && current.querySelector('[data-testid="desk-current-number"]')?.textContent === n;
    },
    [number, status] as const,
  );

/** The hall display's big call is `number` at window `deskNo`. */
const waitDisplayCall = (number: string, deskNo: number) =>
  display.waitForFunction(
    ([n, d]) => {
      const now = document.querySelector('[data-testid="display-now"]');
      return now?.getAttribute('data-number') === n && now.getAttribute('data-desk') === String(d);
    },
    [number, deskNo] as const,
  );

/** Take a ticket at the terminal for passport-id; returns its number. */
async function takeTicket(priority: 'none' | 'military'): Promise<string> {
  await terminal.getByTestId('service-tile-passport-id').click();
  await terminal.getByTestId(`priority-${priority}`).click();
  await terminal.getByTestId('terminal-ticket-number').waitFor();
  return textOf(terminal, 'terminal-ticket-number');
}

async function backToStart(): Promise<void> {
  await terminal.getByTestId('terminal-done').click();
  await terminal.locator('[data-testid="terminal"][data-step="services"]').waitFor();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  cameraDir = mkdtempSync(join(tmpdir(), 'varta-center-day-'));
  // The booked visitor's phone shows the booking QR to the terminal's camera.
  const clip = writeQrY4m(join(cameraDir, 'booking.y4m'), BOOKING_CODE);
  backend = await startBackendProcess();
  browser = await launchSharedChromium({ fakeCameraY4m: clip });
  admin = await (await browser.newContext()).newPage();
  await admin.goto(backend.pairingLink);
  await admin.waitForURL(`${backend.url}/admin`);
  display = await pairScreen('display', '/display');
  await display.getByTestId('display').waitFor();
  terminal = await pairScreen('terminal', '/terminal');
  desk1 = await pairScreen('desk', '/desk/1', 1);
  desk2 = await pairScreen('desk', '/desk/2', 2);
  // Today's booking whose slot has just started, as the portal pull would bring it.
  const slotStart = new Date(Date.now() - 60_000).toISOString();
  expect(await importBookings(admin, [{ id: 'bk-e2e-1', code: BOOKING_CODE, serviceId: 'passport-foreign', slotStart }])).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
  if (cameraDir) rmSync(cameraDir, { recursive: true, force: true });
});

describe('a whole center day', () => {
  it('morning: a regular ticket, a priority ticket in its own series, a booking checked in by camera', async () => {
    await terminal.getByTestId('service-tile-passport-id').waitFor();
    numbers.regular = await takeTicket('none');
    expect(numbers.regular).toMatch(/^А-\d{3}$/);
    await backToStart();

    numbers.priority = await takeTicket('military');
    expect(numbers.priority).toMatch(/^П-\d{3}$/); // priority visitors have their own series
    expect(await terminal.getByTestId('terminal-ticket').textContent()).toContain('Військовослужбовці');
    await backToStart();

    // Booking check-in: the visitor taps "scan with camera" and holds up the booking QR.
    await terminal.getByTestId('terminal-checkin-open').click();
    await terminal.getByTestId('terminal-camera-start').click();
    await terminal.getByTestId('terminal-ticket-number').waitFor({ timeout: 60_000 });
    numbers.booked = await textOf(terminal, 'terminal-ticket-number');
    expect(numbers.booked).toMatch(/^Б-\d{3}$/);
    bookedStatusUrl = (await terminal.getByTestId('terminal-ticket-qr').getAttribute('alt')) ?? '';
    expect(bookedStatusUrl).toMatch(/\/t\/t[A-Za-z0-9_-]+$/);
    await shot(terminal, 'booking-ticket');
    await backToStart();

    // Desk 1 sees all three, each with why it is where it is: the booking first, then the priority visitor.
    await desk1.getByTestId(`desk-waiting-${numbers.regular}`).waitFor();
    const order = await desk1.locator('[data-testid="desk-waiting"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')));
    expect(order).toEqual([`desk-waiting-${numbers.booked}`, `desk-waiting-${numbers.priority}`, `desk-waiting-${numbers.regular}`]);
    expect(await desk1.getByTestId(`desk-waiting-${numbers.booked}`).textContent()).toContain('за записом');
    expect(await desk1.getByTestId(`desk-waiting-${numbers.priority}`).textContent()).toContain('пріоритет');
    // The display counts them.
    await display.waitForFunction(() => document.querySelector('[data-testid="display-service-passport-foreign"] td')?.textContent?.trim() === '1 у черзі');
  });

  it('desk 1 calls the booking and transfers it to desk 2, then calls and serves the priority visitor', async () => {
    await desk1.keyboard.press('F1');
    await waitCurrent(desk1, numbers.booked, 'called');
    expect(await textOf(desk1, 'desk-current-reason')).toBe('за записом');
    await waitDisplayCall(numbers.booked, 1);

    await desk1.keyboard.press('KeyS');
    await waitCurrent(desk1, numbers.booked, 'serving');
    await desk1.getByTestId('desk-transfer').click();
    await desk1.getByTestId('transfer-dialog').waitFor();
    await desk1.locator('#transfer-desk').fill('2');
    await desk1.getByTestId('transfer-reason').fill('потрібна консультація у вікні 2');
    await desk1.getByTestId('transfer-submit').click();
    await desk1.getByTestId('desk-no-current').waitFor();
    // Desk 2 has it now, marked as transferred; desk 1 no longer lists it.
    await desk2.getByTestId(`desk-waiting-${numbers.booked}`).waitFor();
    expect(await desk1.getByTestId(`desk-waiting-${numbers.booked}`).count()).toBe(0);

    await desk1.keyboard.press('F1');
    await waitCurrent(desk1, numbers.priority, 'called');
    expect(await textOf(desk1, 'desk-current-reason')).toBe('пріоритет');
    await waitDisplayCall(numbers.priority, 1);
    await shot(display, 'priority-called');
    await desk1.keyboard.press('KeyS');
    await waitCurrent(desk1, numbers.priority, 'serving');
    await desk1.keyboard.press('KeyF');
    await desk1.getByTestId('desk-no-current').waitFor();
  });

  it('desk 2 serves the transferred visitor, then takes a break and ends it', async () => {
    await desk2.keyboard.press('F1');
    await waitCurrent(desk2, numbers.booked, 'called');
    expect(['переведено', 'за записом']).toContain(await textOf(desk2, 'desk-current-reason'));
    await waitDisplayCall(numbers.booked, 2);
    await desk2.keyboard.press('KeyS');
    await waitCurrent(desk2, numbers.booked, 'serving');
    await desk2.keyboard.press('KeyF');
    await desk2.getByTestId('desk-no-current').waitFor();

    await desk2.getByTestId('desk-break').click();
    await desk2.getByTestId('break-lunch').click();
    await waitText(desk2, 'desk-on-break', 'Ви на перерві: Обід');
    expect(await desk2.getByTestId('desk-callNext').isDisabled()).toBe(true);
    expect(await textOf(desk2, 'desk-break')).toContain('Завершити перерву');
    await shot(desk2, 'break');
    await desk2.getByTestId('desk-break').click();
    await desk2.getByTestId('desk-on-break').waitFor({ state: 'detached' });
    await desk2.locator('[data-testid="desk"][data-on-break="false"]').waitFor();
  });

  it('desk 1 recalls the regular visitor, who does not come: no-show', async () => {
    await desk1.keyboard.press('F1');
    await waitCurrent(desk1, numbers.regular, 'called');
    await waitDisplayCall(numbers.regular, 1);
    await desk1.keyboard.press('KeyR');
    await desk1.waitForFunction(() => document.querySelector('[data-testid="desk-recall"]')?.textContent?.includes('(1)') === true);
    // The display marks the repeated call.
    await display.waitForFunction(() => document.querySelector('[data-testid="display-now"]')?.textContent?.includes('повторно') === true);
    await desk1.keyboard.press('KeyN');
    await desk1.getByTestId('desk-no-current').waitFor();
  });

  it('desk 1 verifies a visitor’s e-ID by its 13 digits; the panel closes with Esc', async () => {
    const token = await pageToken(admin);
    const holder = await validHolder(backend.url, token);
    const code = await issueCode(backend.url, token, holder.id);
    await desk1.getByTestId('desk-eid-open').click();
    await desk1.getByTestId('desk-eid-code').fill(code.barcode);
    await desk1.keyboard.press('Enter');
    await desk1.locator('[data-testid="desk-eid-result"][data-verdict="valid"]').waitFor();
    expect(await textOf(desk1, 'desk-eid-verdict')).toBe('Посвідчення дійсне');
    expect(await textOf(desk1, 'desk-eid-name')).toBe(holder.fullName);
    await shot(desk1, 'eid');
    await desk1.keyboard.press('Escape');
    await desk1.getByTestId('desk-eid').waitFor({ state: 'detached' });
  });

  it('an air raid pauses the whole center; on resume the order is kept', async () => {
    const first = await takeTicket('none');
    await backToStart();
    const second = await takeTicket('none');
    await backToStart();
    await desk1.getByTestId(`desk-waiting-${second}`).waitFor();

    expect(await adminPost(admin, '/api/queue/center/pause', { reason: 'air_raid' })).toBe(200);
    await display.getByTestId('display-air-raid').waitFor();
    expect(await display.getByTestId('display-air-raid').textContent()).toContain('Повітряна тривога! Пройдіть до укриття.');
    await terminal.getByTestId('terminal-air-raid').waitFor();
    await desk1.getByText('Повітряна тривога: центр призупинено.').waitFor();
    await desk1.waitForFunction(() => (document.querySelector('[data-testid="desk-callNext"]') as HTMLButtonElement | null)?.disabled === true);
    await shot(display, 'air-raid');

    expect(await adminPost(admin, '/api/queue/center/resume')).toBe(200);
    await display.getByTestId('display-air-raid').waitFor({ state: 'detached' });
    await terminal.getByTestId('terminal-air-raid').waitFor({ state: 'detached' });
    await desk1.waitForFunction(() => (document.querySelector('[data-testid="desk-callNext"]') as HTMLButtonElement | null)?.disabled === false);
    const order = await desk1.locator('[data-testid="desk-waiting"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')));
    expect(order).toEqual([`desk-waiting-${first}`, `desk-waiting-${second}`]);
    await desk1.keyboard.press('F1');
    await waitCurrent(desk1, first, 'called');
    await waitDisplayCall(first, 1);
  });

  it('visitors rate at the terminal: by the ticket’s QR and by the typed number; the rest is refused clearly', async () => {
    // The booked visitor holds their ticket's QR to the terminal's scanner (a keyboard wedge).
    await dispatchWedgeBurst(terminal, textToWedgeEvents(bookedStatusUrl), 5);
    await terminal.getByTestId('rating-form').waitFor();
    expect(await textOf(terminal, 'rating-ticket')).toBe(`Талон ${numbers.booked}`);
    await terminal.getByTestId('rating-star-5').click();
    await terminal.getByTestId('rating-reason-polite').check();
    await shot(terminal, 'rating');
    await terminal.getByTestId('rating-submit').click();
    await waitText(terminal, 'rating-thanks', 'Дякуємо за оцінку!');
    await terminal.getByTestId('rate-done').click();

    // The priority visitor types the number on the pad.
    const typeNumber = async (number: string): Promise<void> => {
      await terminal.getByTestId('rate-number').fill('');
      await terminal.getByTestId(`rate-letter-${number[0]}`).click();
      for (const digit of number.slice(2)) await terminal.getByTestId(`rate-digit-${digit}`).click();
      await terminal.getByTestId('rate-find').click();
    };
    await terminal.getByTestId('terminal-rate-open').click();
    await typeNumber(numbers.priority);
    await terminal.getByTestId('rating-form').waitFor();
    expect(await textOf(terminal, 'rating-ticket')).toBe(`Талон ${numbers.priority}`);
    await terminal.getByTestId('rating-star-4').click();
    await terminal.getByTestId('rating-reason-fast').check();
    await terminal.getByTestId('rating-submit').click();
    await terminal.getByTestId('rating-thanks').waitFor();
    await terminal.getByTestId('rate-done').click();

    // A no-show was never served; a rated visit is rated once.
    await terminal.getByTestId('terminal-rate-open').click();
    await typeNumber(numbers.regular);
    await terminal.getByTestId('rate-error').waitFor();
    expect(await textOf(terminal, 'rate-error')).toBe(`Талон ${numbers.regular}: Не з’явився. Оцінити можна після завершення обслуговування.`);
    await typeNumber(numbers.booked);
    await waitText(terminal, 'rate-error', `Талон ${numbers.booked} уже оцінено. Дякуємо!`);
    await shot(terminal, 'rating-refused');
    await terminal.getByTestId('rate-back').click();
    await terminal.locator('[data-testid="terminal"][data-step="services"]').waitFor();

    // The hub logged both ratings (they go on to the portal's quality monitoring).
    const rated = await queueEventsOfType(admin, 'visit.rated', 2);
    expect(rated.map((e) => [e.score, e.reasons])).toEqual([[5, ['polite']], [4, ['fast']]]);
  });
});
