import type { Page } from 'playwright-core';
import type { QueueBooking } from '../../../contract/queue';

/*
 * Helpers for the center-queue e2e tests: pairing screens through the admin UI (as an administrator
 * would, desks with their number), the admin's own queue calls, and reading the hub's event log.
 */

/** Mints a pairing link for `role` (and a desk number) with the admin screen's pairing panel. */
export async function mintQueuePairingLink(admin: Page, role: string, deskNo?: number): Promise<string> {
  const link = admin.getByTestId('pairing-link');
  const previous = (await link.count()) > 0 ? await link.textContent() : null;
  await admin.locator(`input[name="pair-role"][value="${role}"]`).check();
  if (deskNo !== undefined) await admin.locator('#pair-desk-no').fill(String(deskNo));
  await admin.getByTestId('pairing-create').click();
  await admin.waitForFunction(
    (before) => {
      const text = document.querySelector('[data-testid="pairing-link"]')?.textContent ?? null;
      return text !== null && text !== before && text.includes('/pair?code=');
    },
    previous,
  );
  return (await link.textContent())?.trim() ?? '';
}

/** A POST to the hub as the admin screen (its own token from localStorage); answers the HTTP status. */
export function adminPost(admin: Page, path: string, body: unknown = {}): Promise<number> {
  return admin.evaluate(
    async ({ url, data }) => {
      const token = (JSON.parse(localStorage.getItem('varta.session') ?? '{}') as { token?: string }).token ?? '';
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(data),
      });
      return response.status;
    },
    { url: path, data: body },
  );
}

/** Imports bookings into the hub, as the portal pull would (admin route). */
export function importBookings(admin: Page, bookings: QueueBooking[]): Promise<number> {
  return adminPost(admin, '/api/queue/bookings', { bookings });
}

/** The queue events of `type` in the hub's log so far (read over /api/events as the admin screen). */
export function queueEventsOfType(admin: Page, type: string, expected: number): Promise<Array<Record<string, unknown>>> {
  return admin.evaluate(
    async ({ wanted, count }) => {
      const token = (JSON.parse(localStorage.getItem('varta.session') ?? '{}') as { token?: string }).token ?? '';
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/events`);
      const found: Array<Record<string, unknown>> = [];
      return await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${found.length} of ${count} ${wanted} events`)), 10_000);
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token, since: 0 }));
        ws.onmessage = (message) => {
          const m = JSON.parse(String(message.data)) as { kind: string; event?: { type: string; data: Record<string, unknown> } };
          if (m.kind === 'event' && m.event?.type === wanted) found.push(m.event.data);
          if (found.length >= count) {
            clearTimeout(timer);
            ws.close();
            resolve(found);
          }
        };
      });
    },
    { wanted: type, count: expected },
  );
}
