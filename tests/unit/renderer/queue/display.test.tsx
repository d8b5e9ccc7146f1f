// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setQueueApi } from '../../../../renderer/api/queue';
import { createAnnouncementQueue } from '../../../../renderer/audio/announcement-queue';
import { setAnnouncer } from '../../../../renderer/roles/display/announcer';
import { DisplayPage } from '../../../../renderer/roles/display/DisplayPage';
import { newCalls } from '../../../../renderer/roles/display/new-calls';
import { useQueue } from '../../../../renderer/stores/queue';
import { byTestId, render, waitFor, type Rendered } from '../helpers/render';
import { displayView, fakeQueueApi, resetQueueStore } from './fixtures';

let rendered: Rendered | null = null;
const played: string[][] = [];

beforeEach(() => {
  resetQueueStore();
  played.length = 0;
  setAnnouncer(createAnnouncementQueue({ play: async (clips) => void played.push(clips) }));
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setQueueApi(null);
  setAnnouncer(null);
});

describe('new calls', () => {
  it('announces nothing on the first view, then only calls not seen before, oldest first', () => {
    const v1 = displayView([{ number: 'А-001', deskNo: 1, at: '2026-11-23T09:00:00+02:00' }]);
    expect(newCalls(null, v1)).toEqual([]);
    const v2 = displayView([
      { number: 'Б-002', deskNo: 2, at: '2026-11-23T09:02:00+02:00' },
      { number: 'А-012', deskNo: 3, at: '2026-11-23T09:01:00+02:00' },
      { number: 'А-001', deskNo: 1, at: '2026-11-23T09:00:00+02:00' },
    ]);
    expect(newCalls(v1, v2).map((c) => c.number)).toEqual(['А-012', 'Б-002']);
  });
});

describe('display', () => {
  it('shows the newest call large with its window and queues its announcement', async () => {
    const first = displayView([{ number: 'А-001', deskNo: 1, at: '2026-11-23T09:00:00+02:00' }]);
    setQueueApi(fakeQueueApi({ display: async () => first }));
    rendered = render(<DisplayPage />, 'uk');
    await waitFor('the board', () => rendered!.container.querySelector('[data-testid="display-now-number"]') !== null);
    expect(byTestId(rendered.container, 'announcement-queue').getAttribute('data-count')).toBe('0');
    const next = displayView([
      { number: 'А-012', deskNo: 3, at: '2026-11-23T09:05:00+02:00' },
      { number: 'А-001', deskNo: 1, at: '2026-11-23T09:00:00+02:00' },
    ]);
    act(() => useQueue.setState({ display: next }));
    await waitFor('the announcement', () => byTestId(rendered!.container, 'announcement-queue').getAttribute('data-last') === 'А-012|3');
    expect(byTestId(rendered.container, 'display-now-number').textContent).toBe('А-012');
    expect(byTestId(rendered.container, 'display-now-desk').textContent).toBe('3');
    await waitFor('played', () => played.length === 1);
    expect(played[0]).toEqual(['chime', 'talon', 'letter-a', 'num-12', 'vikno', 'num-3']);
  });

  it('shows the air-raid banner while the center is paused', async () => {
    setQueueApi(fakeQueueApi({ display: async () => displayView([], true) }));
    rendered = render(<DisplayPage />, 'uk');
    await waitFor('the banner', () => rendered!.container.querySelector('[data-testid="display-air-raid"]') !== null);
    expect(byTestId(rendered.container, 'display-air-raid').textContent).toContain('Повітряна тривога! Пройдіть до укриття.');
  });
});
