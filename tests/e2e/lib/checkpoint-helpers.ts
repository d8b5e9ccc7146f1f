import type { Page } from 'playwright-core';
import type { WedgeKeyEvent } from '../../../renderer/scan/wedge/decode-wedge';

/*
 * Helpers for the checkpoint e2e test: pairing a screen through the admin UI (as an
 * administrator would), the backend's training routes with the admin screen's own token, and
 * a keyboard-wedge burst dispatched inside the page.
 */

/** Mints a pairing link for `role` with the admin screen's pairing panel. */
export async function mintPairingLink(adminPage: Page, role: string): Promise<string> {
  const link = adminPage.getByTestId('pairing-link');
  const previous = (await link.count()) > 0 ? await link.textContent() : null;
  await adminPage.locator(`input[name="pair-role"][value="${role}"]`).check();
  await adminPage.getByTestId('pairing-create').click();
  await adminPage.waitForFunction((before) => {
    const text = document.querySelector('[data-testid="pairing-link"]')?.textContent ?? null;
    return text !== null && text !== before && text.includes('/pair?code=');
  }, previous);
  return (await link.textContent())?.trim() ?? '';
}

/** The pairing token a browser page keeps in localStorage (`varta.session`). */
export async function pageToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('varta.session'));
  const token = raw ? (JSON.parse(raw) as { token?: string }).token : undefined;
  if (!token) throw new Error('the page holds no pairing token');
  return token;
}

export interface DemoHolder {
  id: string;
  fullName: string;
  state: string;
}

export interface IssuedCode {
  qr: string;
  barcode: string;
  expiresAt: string;
}

async function api<T>(baseUrl: string, token: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A demo holder whose document is valid (training route). */
export async function validHolder(baseUrl: string, token: string): Promise<DemoHolder> {
  const holders = await api<DemoHolder[]>(baseUrl, token, '/api/training/eid/holders');
  const holder = holders.find((h) => h.state === 'valid');
  if (!holder) throw new Error('no valid demo holder');
  return holder;
}

/** Issues a fresh 3-minute code for a demo holder (training route). */
export function issueCode(baseUrl: string, token: string, holderId: string): Promise<IssuedCode> {
  return api<IssuedCode>(baseUrl, token, '/api/training/eid/issue', { holderId });
}

/** Makes the training USB scanner "read" `text` (training route; becomes a `scanner.scanned` event). */
export async function trainingScan(baseUrl: string, token: string, text: string): Promise<void> {
  await api<{ seq: number }>(baseUrl, token, '/api/training/scanner/scan', { text });
}

/**
 * Dispatches keydown events inside the page `gapMs` apart. A real key event carries the time the
 * OS received it, so a busy renderer does not stretch a scanner's gaps; a synthetic event would
 * carry its creation time, which on a loaded 2-core machine jumps by 30-70 ms now and then. So
 * each event is stamped with its scheduled time, as the OS would, and dispatched on schedule.
 */
export async function dispatchWedgeBurst(page: Page, events: WedgeKeyEvent[], gapMs = 5): Promise<void> {
  const plain = events.map(({ code, key, shiftKey }) => ({ code, key, shiftKey }));
  await page.evaluate(
    ({ keys, gap }) => {
      const start = performance.now();
      keys.forEach((k, i) => {
        while (performance.now() < start + i * gap) {
          // busy-wait: a scanner's keys arrive a few ms apart
        }
        const target = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
        const event = new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true });
        Object.defineProperty(event, 'timeStamp', { value: start + i * gap });
        target.dispatchEvent(event);
      });
    },
    { keys: plain, gap: gapMs },
  );
}
