// @vitest-environment happy-dom
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../renderer/api/errors';
import { setQueueApi } from '../../../../renderer/api/queue';
import { DeskPage } from '../../../../renderer/roles/desk/DeskPage';
import { byTestId, click, render, waitFor, type Rendered } from '../helpers/render';
import { deskView, displayView, fakeQueueApi, resetQueueStore, ticket } from './fixtures';

let rendered: Rendered | null = null;
const open = () => {
  const router = createMemoryRouter([{ path: '/desk/:no', element: <DeskPage /> }], { initialEntries: ['/desk/1'] });
  rendered = render(<RouterProvider router={router} />);
  return router;
};
const press = (code: string, target: EventTarget = window) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true }));
  });

const WAITING = ticket({ ticketId: 'w1', number: 'П-001', priority: 'disability' });

beforeEach(() => resetQueueStore());
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setQueueApi(null);
});

describe('desk', () => {
  it('calls next with F1, shows why, and finishes with F — then the rating screen has that visit', async () => {
    const called = ticket({ ticketId: 'w1', number: 'П-001', status: 'called', deskNo: 1, priority: 'disability' });
    const callNext = vi.fn(async () => ({ desk: deskView({ current: called }), ticket: called }));
    const ticketAction = vi.fn(async (_no: number, action: string) => {
      const status = action === 'start' ? 'serving' : 'done';
      const t = ticket({ ...called, status });
      return { desk: deskView({ current: status === 'done' ? null : t }), ticket: t };
    });
    const rate = vi.fn(async () => ({ ticketId: 'w1', score: 4, seq: 9 }));
    setQueueApi(fakeQueueApi({
      desk: async () => deskView({ waiting: [{ ticket: WAITING, reason: 'priority', waitedMs: 180_000 }] }),
      services: async () => ({ paused: false, dayClosed: false, services: [] }),
      display: async () => displayView([]),
      callNext, ticketAction, rate,
    }));
    const router = open();
    await waitFor('the waiting list', () => rendered!.container.querySelector('[data-testid="desk-waiting-П-001"]') !== null);
    press('F1');
    await waitFor('the called visitor', () => rendered!.container.querySelector('[data-testid="desk-current-number"]') !== null);
    expect(callNext).toHaveBeenCalledWith(1);
    expect(byTestId(rendered!.container, 'desk-current-reason').textContent).toBe('priority');
    // Keys typed into a field are text, not commands.
    const field = document.createElement('input');
    rendered!.container.appendChild(field);
    press('KeyS', field);
    expect(ticketAction).not.toHaveBeenCalled();
    press('KeyS');
    await waitFor('serving', () => byTestId(rendered!.container, 'desk-current').getAttribute('data-status') === 'serving');
    press('KeyF');
    await waitFor('finished', () => rendered!.container.querySelector('[data-testid="desk-no-current"]') !== null);
    expect(ticketAction.mock.calls.map((c) => c[1])).toEqual(['start', 'finish']);
    click(byTestId(rendered!.container, 'desk-rate-open'));
    expect(router.state.location.search).toBe('?mode=rate');
    click(byTestId(rendered!.container, 'rating-star-4'));
    click(byTestId(rendered!.container, 'rating-submit'));
    await waitFor('thanks', () => rendered!.container.querySelector('[data-testid="rating-thanks"]') !== null);
    expect(rate).toHaveBeenCalledWith({ ticketId: 'w1', score: 4, reasons: [] });
  });

  it('explains a refusal in plain words (problem+json code desk_on_break)', async () => {
    setQueueApi(fakeQueueApi({
      desk: async () => deskView(),
      services: async () => ({ paused: false, dayClosed: false, services: [] }),
      display: async () => displayView([]),
      callNext: async () => {
        throw new ApiError({ code: 'desk_on_break', status: 409, title: 'Conflict', detail: 'desk 1 is on a break' });
      },
    }));
    open();
    await waitFor('the desk', () => rendered!.container.querySelector('[data-testid="desk-callNext"]') !== null);
    click(byTestId(rendered!.container, 'desk-callNext'));
    await waitFor('the error', () => rendered!.container.querySelector('[data-testid="desk-error"]') !== null);
    expect(byTestId(rendered!.container, 'desk-error').textContent).toBe('You are on a break. End the break to call visitors.');
  });
});
