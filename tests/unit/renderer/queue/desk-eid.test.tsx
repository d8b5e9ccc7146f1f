// @vitest-environment happy-dom
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointVerifyResponse } from '../../../../contract/eid';
import { setEidApi, type EidApi } from '../../../../renderer/api/eid';
import { setQueueApi } from '../../../../renderer/api/queue';
import { DESK_EID_CLEAR_MS } from '../../../../renderer/roles/desk/DeskEidPanel';
import { DeskPage } from '../../../../renderer/roles/desk/DeskPage';
import { byTestId, click, render, waitFor, type Rendered } from '../helpers/render';
import { deskView, displayView, fakeQueueApi, resetQueueStore } from './fixtures';

// The desk verifies a visitor's e-ID by the 13-digit code: typo caught locally, verdict with the
// holder's name and position, Esc closes, and the desk's own keys stay quiet while the panel is open.

const VALID = '4006381333931'; // a correct EAN-13
let rendered: Rendered | null = null;
const present = (id: string) => () => rendered!.container.querySelector(`[data-testid="${id}"]`) !== null;
const text = (id: string): string => byTestId(rendered!.container, id).textContent ?? '';
const type = (value: string): void => {
  const input = byTestId(rendered!.container, 'desk-eid-code') as HTMLInputElement;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const press = (key: string, code = key) =>
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
  });

function fakeEid(verify: EidApi['verify']): EidApi {
  const unused = () => Promise.reject(new Error('not expected'));
  return { verify, getSettings: unused, listTrainingHolders: unused, issueTrainingCode: unused };
}

const callNext = vi.fn();
async function openDesk(): Promise<void> {
  setQueueApi(fakeQueueApi({
    desk: async () => deskView(),
    services: async () => ({ paused: false, dayClosed: false, services: [] }),
    display: async () => displayView([]),
    callNext,
  }));
  const router = createMemoryRouter([{ path: '/desk/:no', element: <DeskPage /> }], { initialEntries: ['/desk/1'] });
  rendered = render(<RouterProvider router={router} />, 'uk');
  await waitFor('the desk', present('desk-eid-open'));
}

beforeEach(() => {
  resetQueueStore();
  callNext.mockReset();
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setQueueApi(null);
  setEidApi(null);
});

describe('desk: e-ID verification', () => {
  it('clears the verdict (a person’s name) after 30 seconds, back to an empty code', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      setEidApi(fakeEid(async () => ({ checkId: 'c3', verdict: 'expired_code', checkedAt: '2026-11-23T09:00:00Z' })));
      await openDesk();
      click(byTestId(rendered!.container, 'desk-eid-open'));
      type(VALID);
      click(byTestId(rendered!.container, 'desk-eid-verify'));
      await waitFor('the verdict', present('desk-eid-result'));
      act(() => vi.advanceTimersByTime(DESK_EID_CLEAR_MS - 1000));
      expect(present('desk-eid-result')()).toBe(true);
      act(() => vi.advanceTimersByTime(1000));
      expect(present('desk-eid-result')()).toBe(false);
      expect((byTestId(rendered!.container, 'desk-eid-code') as HTMLInputElement).value).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('verifies a typed code and shows the verdict with the holder’s name and position; Esc closes', async () => {
    const response: CheckpointVerifyResponse = {
      checkId: 'c1', verdict: 'valid', checkedAt: '2026-11-23T09:00:00Z',
      document: {
        country: 'Україна', documentName: 'Електронне службове посвідчення', fullName: 'Петренко Олена Іванівна', position: 'Головний спеціаліст',
        issuedOn: '2025-01-10', seriesNumber: 'ЕП 000123', issuer: 'Міністерство цифрової трансформації', photo: 'data:image/png;base64,AAAA', contacts: {},
      },
    };
    const verify = vi.fn(async () => response);
    setEidApi(fakeEid(verify));
    await openDesk();
    expect(text('desk-eid-open')).toBe('Перевірити е-посвідчення');
    click(byTestId(rendered!.container, 'desk-eid-open'));
    expect(document.activeElement).toBe(byTestId(rendered!.container, 'desk-eid-code'));
    // The desk's shortcuts are off while the panel is open.
    press(' ', 'Space');
    expect(callNext).not.toHaveBeenCalled();
    type('4006 381333931');
    expect((byTestId(rendered!.container, 'desk-eid-code') as HTMLInputElement).value).toBe('4 006381 333931');
    click(byTestId(rendered!.container, 'desk-eid-verify'));
    await waitFor('the verdict', present('desk-eid-result'));
    expect(verify).toHaveBeenCalledWith(VALID, 'keypad');
    expect(text('desk-eid-verdict')).toBe('Посвідчення дійсне');
    expect(text('desk-eid-name')).toBe('Петренко Олена Іванівна');
    expect(text('desk-eid-position')).toBe('Головний спеціаліст');
    // Compact: no photo, no contacts.
    expect(rendered!.container.querySelector('[data-testid="desk-eid"] img')).toBeNull();
    press('Escape');
    expect(rendered!.container.querySelector('[data-testid="desk-eid"]')).toBeNull();
    expect(document.activeElement).toBe(byTestId(rendered!.container, 'desk-eid-open'));
  });

  it('catches a typo locally (never sent) and shows a refusal without personal data', async () => {
    const verify = vi.fn(async (): Promise<CheckpointVerifyResponse> => ({ checkId: 'c2', verdict: 'expired_code', checkedAt: '2026-11-23T09:00:00Z' }));
    setEidApi(fakeEid(verify));
    await openDesk();
    click(byTestId(rendered!.container, 'desk-eid-open'));
    for (const d of '400638133393') click(byTestId(rendered!.container, `desk-eid-key-${d}`));
    expect(text('desk-eid-message')).toBe('12 з 13');
    click(byTestId(rendered!.container, 'desk-eid-key-2'));
    click(byTestId(rendered!.container, 'desk-eid-verify'));
    expect(text('desk-eid-message')).toBe('Помилка в цифрах коду — перевірте й введіть ще раз.');
    expect(verify).not.toHaveBeenCalled();
    click(byTestId(rendered!.container, 'desk-eid-key-backspace'));
    click(byTestId(rendered!.container, 'desk-eid-key-1'));
    click(byTestId(rendered!.container, 'desk-eid-verify'));
    await waitFor('the verdict', present('desk-eid-result'));
    expect(byTestId(rendered!.container, 'desk-eid-result').getAttribute('data-verdict')).toBe('expired_code');
    expect(text('desk-eid-verdict')).toBe('Термін дії коду минув');
    expect(rendered!.container.querySelector('[data-testid="desk-eid-name"]')).toBeNull();
    click(byTestId(rendered!.container, 'desk-eid-close'));
    expect(rendered!.container.querySelector('[data-testid="desk-eid"]')).toBeNull();
  });
});
