// @vitest-environment happy-dom
import { act, createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CameraPanel } from '../../../../renderer/roles/checkpoint/CameraPanel';
import type { CameraScanner } from '../../../../renderer/scan/camera/use-camera-scanner';
import { byTestId, click, render, type Rendered } from '../helpers/render';

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

function scanner(overrides: Partial<CameraScanner> = {}): CameraScanner {
  return {
    state: 'on',
    devices: [],
    torchSupported: false,
    torchOn: false,
    hint: false,
    decoder: 'zxing-wasm',
    start: vi.fn(),
    stop: vi.fn(),
    toggleTorch: vi.fn(),
    ...overrides,
  };
}

function show(camera: CameraScanner, deviceId: string | null = null, onSelectDevice = vi.fn(), language: 'uk' | 'en' = 'en') {
  rendered = render(<CameraPanel camera={camera} videoRef={createRef()} deviceId={deviceId} onSelectDevice={onSelectDevice} />, language);
  return { container: rendered.container, onSelectDevice };
}

const query = (container: HTMLElement, id: string) => container.querySelector(`[data-testid="${id}"]`);

describe('camera panel', () => {
  it('lists every camera in the picker, naming unlabelled ones, and selects the chosen one', () => {
    const devices = [
      { deviceId: 'front', label: 'Front camera' },
      { deviceId: 'usb', label: '' },
    ];
    const { container, onSelectDevice } = show(scanner({ devices }), 'usb', vi.fn(), 'uk');
    const select = byTestId(container, 'checkpoint-camera-select') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['front', 'Front camera'],
      ['usb', 'Камера 2'],
    ]);
    expect(select.value).toBe('usb');
    expect(container.textContent).toContain('Оберіть камеру');

    act(() => {
      select.value = 'front';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onSelectDevice).toHaveBeenCalledExactlyOnceWith('front');
  });

  it('has no picker with a single camera', () => {
    const { container } = show(scanner({ devices: [{ deviceId: 'only', label: 'Only' }] }));
    expect(query(container, 'checkpoint-camera-select')).toBeNull();
  });

  it('shows the torch button only where the track has a torch, and toggles it', () => {
    const without = show(scanner({ torchSupported: false }));
    expect(query(without.container, 'checkpoint-torch')).toBeNull();
    rendered?.unmount();

    const camera = scanner({ torchSupported: true, torchOn: false });
    const { container } = show(camera);
    const torch = byTestId(container, 'checkpoint-torch');
    expect(torch.getAttribute('aria-pressed')).toBe('false');
    expect(torch.textContent).toBe('Torch on');
    click(torch);
    expect(camera.toggleTorch).toHaveBeenCalledTimes(1);

    rendered?.rerender(<CameraPanel camera={{ ...camera, torchOn: true }} videoRef={createRef()} deviceId={null} onSelectDevice={vi.fn()} />);
    expect(byTestId(container, 'checkpoint-torch').getAttribute('aria-pressed')).toBe('true');
    expect(byTestId(container, 'checkpoint-torch').textContent).toBe('Torch off');
  });

  it('shows the "brighter screen, hold still" hint only while the scanner asks for it (uk by default)', () => {
    const { container } = show(scanner({ hint: false }), null, vi.fn(), 'uk');
    expect(query(container, 'checkpoint-scan-hint')).toBeNull();
    rendered?.rerender(<CameraPanel camera={scanner({ hint: true })} videoRef={createRef()} deviceId={null} onSelectDevice={vi.fn()} />);
    expect(byTestId(container, 'checkpoint-scan-hint').textContent).toBe('Зробіть екран яскравішим, тримайте нерухомо');
  });
});
