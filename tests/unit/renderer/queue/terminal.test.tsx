// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueueApi, setQueueApi } from '../../../../renderer/api/queue';
import { TerminalPage } from '../../../../renderer/roles/terminal/TerminalPage';
import { byTestId, click, render, waitFor, type Rendered } from '../helpers/render';
import { fakeQueueApi, resetQueueStore, ticket } from './fixtures';

let rendered: Rendered | null = null;
const SERVICES = {
  paused: false,
  dayClosed: false,
  services: [
    { serviceId: 'passport-id', name: { uk: 'Паспорт громадянина України', en: 'Passport' }, category: 'documents', prefix: 'А', waiting: 2, estimatedWaitMin: 12 },
    { serviceId: 'residence', name: { uk: 'Реєстрація місця проживання', en: 'Residence' }, category: 'residence', prefix: 'В', waiting: 0, estimatedWaitMin: null },
  ],
};

beforeEach(() => resetQueueStore());
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setQueueApi(null);
  delete (window as { varta?: unknown }).varta;
});

describe('terminal', () => {
  it('issues a ticket after the priority step and shows it even when the printer fails', async () => {
    const issueTicket = vi.fn(async () => ({
      ticket: ticket({ ticketId: 'tk1', number: 'А-003', priority: 'military' }), position: 3, estimatedWaitMin: 12, statusUrl: '/t/tk1',
    }));
    setQueueApi(fakeQueueApi({ services: async () => SERVICES, issueTicket }));
    const print = vi.fn(async () => ({ ok: false, error: 'out of paper' }));
    (window as { varta?: unknown }).varta = { backendUrl: 'http://hub.local:8470', token: 'x', shell: { print } };
    rendered = render(<TerminalPage />);
    await waitFor('service tiles', () => rendered!.container.querySelector('[data-testid="service-tile-passport-id"]') !== null);
    // Categories are shown by name, not by registry id.
    expect(rendered.container.textContent).toContain('Documents');
    click(byTestId(rendered.container, 'service-tile-passport-id'));
    click(byTestId(rendered.container, 'priority-military'));
    await waitFor('the ticket', () => rendered!.container.querySelector('[data-testid="terminal-print-failed"]') !== null);
    expect(issueTicket).toHaveBeenCalledWith({ serviceId: 'passport-id', priority: 'military' });
    expect(byTestId(rendered.container, 'terminal-ticket-number').textContent).toBe('А-003');
    expect(rendered.container.textContent).toContain('Ahead of you: 2');
    expect(print).toHaveBeenCalledTimes(1);
    const printed = (print.mock.calls[0] as unknown as [{ html: string; silent: boolean }])[0];
    expect(printed.silent).toBe(true);
    expect(printed.html).toContain('А-003');
    expect(printed.html).toContain('Serving military personnel');
    // The QR carries the absolute status link on the hub.
    expect(byTestId(rendered.container, 'terminal-ticket-qr').getAttribute('alt')).toBe('http://hub.local:8470/t/tk1');
  });

  it('filters tiles by part of a word', async () => {
    setQueueApi(fakeQueueApi({ services: async () => SERVICES }));
    rendered = render(<TerminalPage />, 'uk');
    await waitFor('service tiles', () => rendered!.container.querySelector('[data-testid="service-tile-residence"]') !== null);
    const input = byTestId(rendered.container, 'terminal-search') as HTMLInputElement;
    const { act } = await import('react');
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, 'ПРОЖИВ');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor('filtered', () => rendered!.container.querySelector('[data-testid="service-tile-passport-id"]') === null);
    expect(rendered.container.querySelector('[data-testid="service-tile-residence"]')).not.toBeNull();
  });
});

describe('queue API client', () => {
  it('sends one fresh request id per action and parses the hub’s services answer', async () => {
    const bodies: unknown[] = [];
    const api = createQueueApi({
      baseUrl: 'http://hub',
      getToken: () => 'tok',
      newRequestId: (() => {
        let n = 0;
        return () => `req-${++n}`;
      })(),
      adapter: async (config) => {
        bodies.push(config.data ? JSON.parse(String(config.data)) : null);
        const data =
          config.url === '/api/queue/services'
            ? { paused: true, dayClosed: false, services: [{ id: 's1', name: { uk: 'У', en: 'E' }, category: 'c', prefix: 'А', targetWaitMin: 10, waiting: 1, activeDesks: 1, estimatedWaitMin: 5 }] }
            : { desk: { deskNo: 2, serviceIds: ['s1'], open: true, onBreak: null, current: null, waiting: [], consecutivePriority: 0 }, ticket: null };
        return { data, status: 200, statusText: 'OK', headers: {}, config };
      },
    });
    const list = await api.services();
    expect(list).toMatchObject({ paused: true, services: [{ serviceId: 's1', estimatedWaitMin: 5 }] });
    await api.callNext(2);
    await api.ticketAction(2, 'recall', 'tk');
    expect(bodies).toEqual([null, { requestId: 'req-1' }, { requestId: 'req-2', ticketId: 'tk' }]);
  });
});
