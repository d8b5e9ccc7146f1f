// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitLookupResponse } from '../../../../contract/queue-hub';
import { ApiError } from '../../../../renderer/api/errors';
import { setQueueApi } from '../../../../renderer/api/queue';
import { RateVisit } from '../../../../renderer/roles/terminal/RateVisit';
import { TerminalPage } from '../../../../renderer/roles/terminal/TerminalPage';
import { byTestId, click, render, waitFor, type Rendered } from '../helpers/render';
import { fakeQueueApi, resetQueueStore } from './fixtures';

// The terminal's "rate your visit" flow: find the visit (typed number or the ticket's QR), refuse
// what may not be rated with a clear message, rate with the shared form; and the check-in camera.

let rendered: Rendered | null = null;
const SERVICES = {
  paused: false,
  dayClosed: false,
  services: [
    { serviceId: 'passport-id', name: { uk: 'Паспорт', en: 'Passport' }, category: 'documents', prefix: 'А', waiting: 0, estimatedWaitMin: null },
    { serviceId: 'residence', name: { uk: 'Реєстрація', en: 'Residence' }, category: 'residence', prefix: 'В', waiting: 0, estimatedWaitMin: null },
  ],
};
const visit = (overrides: Partial<VisitLookupResponse> = {}): VisitLookupResponse => ({
  ticketId: 'tk1', number: 'А-012', status: 'done', served: true, rated: false, ...overrides,
});
const text = (id: string): string => byTestId(rendered!.container, id).textContent ?? '';
const present = (id: string) => () => rendered!.container.querySelector(`[data-testid="${id}"]`) !== null;
/** Stands in for navigator.mediaDevices (an EventTarget in browsers: the scanner listens for devicechange). */
const setNavigatorMedia = (media: unknown): void => {
  const value = media === undefined ? undefined : Object.assign(new EventTarget(), media);
  Object.defineProperty(navigator, 'mediaDevices', { value, configurable: true });
};

beforeEach(() => resetQueueStore());
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setQueueApi(null);
  setNavigatorMedia(undefined);
});

describe('terminal: rate your visit', () => {
  it('finds the visit by the number typed on the pad, rates it with a reason and says thanks', async () => {
    const lookupVisit = vi.fn(async () => visit());
    const rate = vi.fn(async () => ({ ticketId: 'tk1', score: 4, seq: 7 }));
    setQueueApi(fakeQueueApi({ services: async () => SERVICES, terminalSettings: async () => ({ camera: false, priorityPrefix: 'П' }), lookupVisit, rate }));
    rendered = render(<TerminalPage />, 'uk');
    await waitFor('the entry', present('terminal-rate-open'));
    expect(text('terminal-rate-open')).toBe('Оцінити обслуговування');
    click(byTestId(rendered.container, 'terminal-rate-open'));
    // The pad offers the services' letters and the priority series, in alphabet order.
    await waitFor('the priority letter', present('rate-letter-П'));
    const letters = [...rendered.container.querySelectorAll('[data-testid^="rate-letter-"]')].map((b) => b.textContent);
    expect(letters).toEqual(['А', 'В', 'П']);
    click(byTestId(rendered.container, 'rate-letter-А'));
    for (const d of ['0', '1', '2']) click(byTestId(rendered.container, `rate-digit-${d}`));
    expect((byTestId(rendered.container, 'rate-number') as HTMLInputElement).value).toBe('А-012');
    click(byTestId(rendered.container, 'rate-find'));
    await waitFor('the rating form', present('rating-form'));
    expect(lookupVisit).toHaveBeenCalledWith({ number: 'А-012' });
    expect(text('rating-ticket')).toBe('Талон А-012');
    const stars = rendered.container.querySelector('[role="radiogroup"]');
    expect(stars?.getAttribute('aria-labelledby')).toBe('rating-title');
    click(byTestId(rendered.container, 'rating-star-4'));
    expect(byTestId(rendered.container, 'rating-star-4').getAttribute('aria-checked')).toBe('true');
    click(byTestId(rendered.container, 'rating-reason-helpful'));
    click(byTestId(rendered.container, 'rating-submit'));
    await waitFor('thanks', present('rating-thanks'));
    expect(rate).toHaveBeenCalledWith({ ticketId: 'tk1', score: 4, reasons: ['helpful'] });
    click(byTestId(rendered.container, 'rate-done'));
    expect(byTestId(rendered.container, 'terminal').getAttribute('data-step')).toBe('services');
  });

  it.each([
    ['a visit still being served', async () => visit({ status: 'serving', served: false }), 'Ticket А-012: Being served. You can rate the visit once the service is finished.'],
    ['a visit already rated', async () => visit({ rated: true }), 'Ticket А-012 is already rated. Thank you!'],
    ['an unknown number', async (): Promise<VisitLookupResponse> => {
      throw new ApiError({ code: 'ticket_not_found', status: 404, title: 'Not found' });
    }, 'There is no ticket with this number today. Check the number.'],
  ])('refuses %s with a clear message and stays on the search', async (_what, lookupVisit, message) => {
    const rate = vi.fn();
    setQueueApi(fakeQueueApi({ lookupVisit: vi.fn(lookupVisit), rate }));
    rendered = render(<RateVisit letters={['А']} cameraAuto={false} initialTicketId="tk1" onDone={() => undefined} />);
    await waitFor('the message', present('rate-error'));
    expect(text('rate-error')).toBe(message);
    expect(byTestId(rendered.container, 'rate-error').getAttribute('role')).toBe('alert');
    expect(byTestId(rendered.container, 'terminal-rate').getAttribute('data-phase')).toBe('find');
    expect(rate).not.toHaveBeenCalled();
  });

  it('looks up a ticket scanned on the start screen by its id, and checks the typed number’s shape locally', async () => {
    const lookupVisit = vi.fn(async () => visit({ status: 'waiting', served: false }));
    setQueueApi(fakeQueueApi({ lookupVisit }));
    rendered = render(<RateVisit letters={['А']} cameraAuto={false} initialTicketId="tkQR" onDone={() => undefined} />);
    await waitFor('the answer', present('rate-error'));
    expect(lookupVisit).toHaveBeenCalledWith({ ticketId: 'tkQR' });
    for (const d of ['1', '2']) click(byTestId(rendered.container, `rate-digit-${d}`));
    click(byTestId(rendered.container, 'rate-find'));
    expect(text('rate-error')).toBe('A ticket number is a letter and digits, for example А-012.');
    expect(lookupVisit).toHaveBeenCalledTimes(1);
  });

  it('shows a refused rating (already rated meanwhile) in the form', async () => {
    setQueueApi(fakeQueueApi({
      lookupVisit: async () => visit(),
      rate: async () => {
        throw new ApiError({ code: 'already_rated', status: 409, title: 'Conflict' });
      },
    }));
    rendered = render(<RateVisit letters={[]} cameraAuto={false} initialTicketId="tk1" onDone={() => undefined} />);
    await waitFor('the form', present('rating-form'));
    click(byTestId(rendered.container, 'rating-star-2'));
    click(byTestId(rendered.container, 'rating-submit'));
    await waitFor('the error', present('rating-error'));
    expect(text('rating-error')).toBe('This visit is already rated. Thank you!');
  });
});

describe('terminal: booking check-in by camera', () => {
  const openCheckIn = async (camera: boolean): Promise<void> => {
    setQueueApi(fakeQueueApi({ services: async () => SERVICES, terminalSettings: async () => ({ camera, priorityPrefix: 'П' }) }));
    rendered = render(<TerminalPage />);
    await waitFor('the entry', present('terminal-checkin-open'));
    click(byTestId(rendered.container, 'terminal-checkin-open'));
  };

  it('says so plainly when the browser has no camera at all; the keypad still works', async () => {
    setNavigatorMedia(undefined);
    await openCheckIn(false);
    expect(text('terminal-camera-none')).toBe('No camera here. Type the code or hold the QR code to the scanner.');
    expect(rendered!.container.querySelector('[data-testid="checkin-code"]')).not.toBeNull();
  });

  it('starts the camera only on a tap, and falls back with words when none is found', async () => {
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException('no camera', 'NotFoundError')));
    setNavigatorMedia({ getUserMedia, enumerateDevices: async () => [] });
    await openCheckIn(false);
    await waitFor('the camera button', present('terminal-camera-start'));
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(text('terminal-camera-start')).toBe('Scan with camera');
    click(byTestId(rendered!.container, 'terminal-camera-start'));
    await waitFor('the fallback', () => byTestId(rendered!.container, 'terminal-camera').getAttribute('data-state') === 'unavailable');
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(text('terminal-camera-state')).toBe('No camera found. Type the code or use the scanner.');
    // Still usable: the button asks again.
    expect(rendered!.container.querySelector('[data-testid="terminal-camera-start"]')).not.toBeNull();
  });

  it('starts the camera by itself when the admin enabled one for the terminal', async () => {
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    setNavigatorMedia({ getUserMedia, enumerateDevices: async () => [] });
    await openCheckIn(true);
    await waitFor('the camera asked', () => getUserMedia.mock.calls.length === 1);
    await waitFor('the fallback', () => byTestId(rendered!.container, 'terminal-camera').getAttribute('data-state') === 'denied');
    await act(async () => undefined);
    expect(text('terminal-camera-state')).toBe('The camera is not allowed. Type the code or use the scanner.');
  });
});
