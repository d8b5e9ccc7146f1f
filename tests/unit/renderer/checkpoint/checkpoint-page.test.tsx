// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setEidApi } from '../../../../renderer/api/eid';
import { dispatchBackendEvent } from '../../../../renderer/app/event-handlers';
import { CheckpointPage } from '../../../../renderer/roles/checkpoint/CheckpointPage';
import { useConnection } from '../../../../renderer/stores/connection';
import { textToWedgeEvents } from '../../../../renderer/scan/wedge/decode-wedge';
import { useVerification } from '../../../../renderer/stores/verification';
import { byTestId, click, render, waitFor, type Rendered } from '../helpers/render';
import { fakeEidApi, validResponse } from './fake-eid-api';

let rendered: Rendered | null = null;
let api: ReturnType<typeof fakeEidApi>;

beforeEach(() => {
  api = fakeEidApi();
  setEidApi(api);
  useVerification.setState({ result: null, pending: false, settings: null, clockSkewMs: null });
  useConnection.getState().reset();
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setEidApi(null);
});

const resultVerdict = () => rendered!.container.querySelector<HTMLElement>('[data-testid="checkpoint-result"]')?.dataset.verdict ?? null;

function typeOnKeypad(digits: string) {
  for (const d of digits) click(byTestId(rendered!.container, `keypad-key-${d}`));
}

/** Dispatches keydown events on the page as a wedge scanner would (OS-stamped times, `gap` ms apart). */
function dispatchKeys(events: ReturnType<typeof textToWedgeEvents>, start: number) {
  act(() => {
    for (const e of events) {
      const event = new KeyboardEvent('keydown', { code: e.code, key: e.key, shiftKey: e.shiftKey, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + e.timeStamp });
      document.body.dispatchEvent(event);
    }
  });
}

describe('checkpoint page', () => {
  it('loads the settings and shows the checkpoint name and the training watermark', async () => {
    rendered = render(<CheckpointPage />, 'uk');
    await waitFor('settings', () => rendered!.container.textContent?.includes('Вхід 1') === true);
    byTestId(rendered.container, 'training-watermark');
  });

  it('answers a wrong check digit locally as a typo, without calling the backend', () => {
    rendered = render(<CheckpointPage />);
    typeOnKeypad('4006381333932');
    expect(byTestId(rendered.container, 'keypad-display').textContent).toBe('4 006381 333932');
    click(byTestId(rendered.container, 'keypad-verify'));
    expect(resultVerdict()).toBe('typo');
    expect(api.verify).not.toHaveBeenCalled();
  });

  it('sends a correct code from the keypad and clears the result on "next"', async () => {
    rendered = render(<CheckpointPage />);
    typeOnKeypad('4006381333931');
    click(byTestId(rendered.container, 'keypad-verify'));
    await waitFor('valid result', () => resultVerdict() === 'valid');
    expect(api.verify).toHaveBeenCalledWith('4006381333931', 'keypad');
    click(byTestId(rendered.container, 'result-next'));
    expect(resultVerdict()).toBeNull();
  });

  it('turns a wedge burst under a Ukrainian layout into one scan, decoded by physical key', async () => {
    rendered = render(<CheckpointPage />);
    const url = 'https://diia.app/documents/e-posvidchennia/EP-1/verify/0b6c1a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
    const cyrillic: Record<string, string> = { KeyH: 'р', KeyT: 'е', KeyP: 'з', KeyS: 'і', Semicolon: 'ж', Slash: '.' };
    dispatchKeys(textToWedgeEvents(url, { layoutKey: (code, shift) => cyrillic[code] ?? (shift ? 'Ш' : 'ш') }), performance.now());
    await waitFor('valid result', () => resultVerdict() === 'valid');
    expect(api.verify).toHaveBeenCalledExactlyOnceWith(url, 'wedge');
    expect(rendered.container.querySelector('[data-testid="keypad-display"] .keypad-empty')).not.toBeNull(); // nothing leaked
  });

  it('leaves slow human typing to the keypad', async () => {
    rendered = render(<CheckpointPage />);
    const start = performance.now();
    dispatchKeys(textToWedgeEvents('12', { gapMs: 150, enter: false }), start);
    await waitFor('digits on the keypad', () => byTestId(rendered!.container, 'keypad-display').textContent === '1 2');
    expect(api.verify).not.toHaveBeenCalled();
  });

  it('verifies a USB scanner scan from a backend event while the screen shows, and ignores bad events', async () => {
    rendered = render(<CheckpointPage />);
    const now = new Date().toISOString();
    const old = new Date(Date.now() - 60_000).toISOString();
    dispatchBackendEvent({ seq: 1, type: 'scanner.scanned', at: now, data: { text: 42, deviceId: 'hid-1', at: now } });
    dispatchBackendEvent({ seq: 2, type: 'scanner.scanned', at: old, data: { text: '4006381333948', deviceId: 'hid-1', at: old } }); // replayed
    dispatchBackendEvent({ seq: 3, type: 'scanner.scanned', at: now, data: { text: '4006381333931', deviceId: 'hid-1', at: now } });
    await waitFor('valid result', () => resultVerdict() === 'valid');
    expect(api.verify).toHaveBeenCalledExactlyOnceWith('4006381333931', 'scanner');
    dispatchBackendEvent({ seq: 4, type: 'scanner.status', at: now, data: { connected: true } }); // not the contract's shape
    dispatchBackendEvent({
      seq: 5,
      type: 'scanner.status',
      at: now,
      data: { devices: [{ id: 'hid-1', label: 'Scanner', connected: true, kind: 'pos' }] },
    });
    await waitFor('scanner chip', () => rendered!.container.querySelector('[data-testid="checkpoint-scanner"][data-state="connected"]') !== null);
  });

  it('warns when the portal is unreachable and when the portal clock is off by over a minute', async () => {
    const portal = { mode: 'training' as const, baseUrl: 'http://sim', reachable: false, checkedAt: null, latencyMs: null, lastError: 'down' };
    useConnection.setState({
      stream: 'open',
      status: { version: '0', mode: 'training', machineRole: 'checkpoint', startedAt: '2026-11-23T08:00:00Z', lastSeq: 0, portal },
    });
    api.verify.mockImplementation(async () => ({ ...validResponse(), clockSkewMs: -95_000 }));
    rendered = render(<CheckpointPage />, 'uk');
    expect(byTestId(rendered.container, 'checkpoint-banner-portal').textContent).toContain('перевірка неможлива');
    expect(rendered.container.querySelector('[data-testid="checkpoint-banner-clock"]')).toBeNull();
    typeOnKeypad('4006381333931');
    click(byTestId(rendered.container, 'keypad-verify'));
    await waitFor('clock banner', () => rendered!.container.querySelector('[data-testid="checkpoint-banner-clock"]') !== null);
    expect(byTestId(rendered.container, 'checkpoint-banner-clock').textContent).toContain('-95');
  });

  it('lets a newer scan replace the result on screen', async () => {
    api.verify.mockImplementation(async (input: string) =>
      input === 'first' ? validResponse() : { checkId: 'c9', verdict: 'not_an_eid', checkedAt: '2026-11-23T09:00:00Z' },
    );
    rendered = render(<CheckpointPage />);
    await act(async () => {
      await useVerification.getState().verify('first', 'camera');
    });
    expect(resultVerdict()).toBe('valid');
    await act(async () => {
      await useVerification.getState().verify('<script>alert(1)</script>', 'camera');
    });
    expect(resultVerdict()).toBe('not_an_eid');
  });
});
