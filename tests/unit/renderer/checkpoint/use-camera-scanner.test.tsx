// @vitest-environment happy-dom
import { act, useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraPanel } from '../../../../renderer/roles/checkpoint/CameraPanel';
import type { DecodeRequest, DecodeWorkerMessage } from '../../../../renderer/scan/camera/worker-protocol';
import { useCameraScanner } from '../../../../renderer/scan/camera/use-camera-scanner';
import { byTestId, click, render, type Rendered } from '../helpers/render';

/*
 * The camera hook with the real CameraPanel on top, against fakes of the hardware that is not
 * here: navigator.mediaDevices (two cameras, one with a torch), the decode Worker, and the
 * <video> frame grab. Time is vitest's fake clock, so the hint is checked at exact instants.
 */

vi.mock('../../../../renderer/scan/camera/frame-source', () => ({
  grabFrame: (_video: HTMLVideoElement, id: number): DecodeRequest => ({ id, width: 2, height: 2, pixels: new ArrayBuffer(16) }),
}));

class FakeTrack {
  readonly stop = vi.fn();
  readonly applyConstraints = vi.fn((_c: MediaTrackConstraints) => Promise.resolve());
  constructor(
    readonly deviceId: string,
    private readonly caps: object,
  ) {}
  getCapabilities() {
    return this.caps;
  }
  getSettings() {
    return { deviceId: this.deviceId };
  }
}

const CAMERAS: Record<string, { label: string; caps: object }> = {
  front: { label: 'Front camera', caps: { width: { min: 1, max: 1280 } } },
  rear: { label: 'Rear camera', caps: { torch: true } },
};

let tracks: FakeTrack[];
let events: EventTarget;
let getUserMedia: ReturnType<typeof vi.fn<(c: MediaStreamConstraints) => Promise<unknown>>>;
let workers: FakeWorker[];
const reads: string[] = [];

class FakeWorker {
  onmessage: ((event: MessageEvent<DecodeWorkerMessage>) => void) | null = null;
  readonly posted: DecodeRequest[] = [];
  terminated = false;
  constructor() {
    workers.push(this);
  }
  postMessage(message: DecodeRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: DecodeWorkerMessage) {
    act(() => this.onmessage?.({ data: message } as MessageEvent<DecodeWorkerMessage>));
  }
}

beforeEach(() => {
  reads.length = 0;
  tracks = [];
  workers = [];
  events = new EventTarget();
  getUserMedia = vi.fn((constraints: MediaStreamConstraints) => {
    const wanted = ((constraints.video as MediaTrackConstraints).deviceId as { exact: string } | undefined)?.exact ?? 'front';
    const camera = CAMERAS[wanted];
    if (!camera) return Promise.reject(new DOMException('no such camera', 'OverconstrainedError'));
    const track = new FakeTrack(wanted, camera.caps);
    tracks.push(track);
    // A real (happy-dom) MediaStream, as <video>.srcObject accepts nothing else, carrying the fake track.
    const stream = Object.assign(new MediaStream(), { getVideoTracks: () => [track], getTracks: () => [track] });
    return Promise.resolve(stream);
  });
  const enumerateDevices = vi.fn(() =>
    Promise.resolve([
      { kind: 'audioinput', deviceId: 'mic', label: 'Mic' },
      ...Object.entries(CAMERAS).map(([deviceId, c]) => ({ kind: 'videoinput', deviceId, label: c.label })),
    ]),
  );
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      getUserMedia,
      enumerateDevices,
      addEventListener: events.addEventListener.bind(events),
      removeEventListener: events.removeEventListener.bind(events),
    },
  });
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.stubGlobal('Worker', FakeWorker);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
});

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The checkpoint's camera wiring: the remembered device comes back in as `deviceId`. */
function CameraHarness({ initialDeviceId = null, hintAfterMs }: { initialDeviceId?: string | null; hintAfterMs?: number }) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [deviceId, setDeviceId] = useState<string | null>(initialDeviceId);
  const camera = useCameraScanner({ videoRef, deviceId, onRead: (text) => reads.push(text), onDeviceOpened: setDeviceId, hintAfterMs });
  return <CameraPanel camera={camera} videoRef={videoRef} deviceId={deviceId} onSelectDevice={setDeviceId} />;
}

const query = (id: string) => rendered!.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const cameraState = () => query('checkpoint-camera-state')?.dataset.state;

/** Lets the getUserMedia → play → enumerateDevices chain run (microtasks only; no clock moves). */
async function settle(what: string, condition: () => boolean) {
  for (let i = 0; i < 50 && !condition(); i += 1) {
    await act(async () => {
      await Promise.resolve();
    });
  }
  if (!condition()) throw new Error(`never settled: ${what} (camera ${cameraState()})`);
}

async function startCamera(props: { initialDeviceId?: string | null; hintAfterMs?: number } = {}) {
  rendered = render(<CameraHarness {...props} />);
  click(byTestId(rendered.container, 'checkpoint-camera-start'));
  await settle('camera on', () => cameraState() === 'on');
}

/** Moves the fake clock, running the decode loop's ticks. */
function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('useCameraScanner with the camera panel', () => {
  it('lists the cameras in the picker and reopens the stream on the chosen one', async () => {
    await startCamera();
    const select = byTestId(rendered!.container, 'checkpoint-camera-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Front camera', 'Rear camera']);
    expect(select.value).toBe('front'); // the default camera, remembered
    expect(getUserMedia).toHaveBeenCalledTimes(1); // remembering it did not reopen it

    act(() => {
      select.value = 'rear';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle('rear camera open', () => getUserMedia.mock.calls.length === 2 && cameraState() === 'on');
    expect((getUserMedia.mock.calls[1]?.[0].video as MediaTrackConstraints).deviceId).toEqual({ exact: 'rear' });
    expect(tracks[0]?.stop).toHaveBeenCalled(); // the front camera was released
    expect(workers[0]?.terminated).toBe(true);
    expect(tracks[1]?.stop).not.toHaveBeenCalled();
    expect((byTestId(rendered!.container, 'checkpoint-camera-select') as HTMLSelectElement).value).toBe('rear');
  });

  it('opens the default camera when the remembered one is gone', async () => {
    await startCamera({ initialDeviceId: 'unplugged' });
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    expect((getUserMedia.mock.calls[0]?.[0].video as MediaTrackConstraints).deviceId).toEqual({ exact: 'unplugged' });
    expect((byTestId(rendered!.container, 'checkpoint-camera-select') as HTMLSelectElement).value).toBe('front');
  });

  it('refreshes the picker when a camera is plugged in or out', async () => {
    await startCamera();
    const extra = { label: 'USB camera', caps: {} };
    CAMERAS.usb = extra;
    try {
      act(() => {
        events.dispatchEvent(new Event('devicechange'));
      });
      await settle('usb listed', () => (byTestId(rendered!.container, 'checkpoint-camera-select') as HTMLSelectElement).options.length === 3);
    } finally {
      delete CAMERAS.usb;
    }
  });

  it('shows the torch button only for a track with a torch, and switches it with applyConstraints', async () => {
    await startCamera();
    expect(query('checkpoint-torch')).toBeNull(); // the front camera has none

    const select = byTestId(rendered!.container, 'checkpoint-camera-select') as HTMLSelectElement;
    act(() => {
      select.value = 'rear';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle('torch button', () => query('checkpoint-torch') !== null);
    const rear = tracks[1]!;

    click(byTestId(rendered!.container, 'checkpoint-torch'));
    await settle('torch on', () => query('checkpoint-torch')?.getAttribute('aria-pressed') === 'true');
    expect(rear.applyConstraints).toHaveBeenLastCalledWith({ advanced: [{ torch: true }] });

    click(byTestId(rendered!.container, 'checkpoint-torch'));
    await settle('torch off', () => query('checkpoint-torch')?.getAttribute('aria-pressed') === 'false');
    expect(rear.applyConstraints).toHaveBeenLastCalledWith({ advanced: [{ torch: false }] });
    expect(rear.applyConstraints).toHaveBeenCalledTimes(2);
  });

  it('hides the torch button when the track refuses the torch', async () => {
    await startCamera({ initialDeviceId: 'rear' });
    const rear = tracks[0]!;
    rear.applyConstraints.mockRejectedValueOnce(new DOMException('no torch', 'NotSupportedError'));
    click(byTestId(rendered!.container, 'checkpoint-torch'));
    await settle('torch button gone', () => query('checkpoint-torch') === null);
  });

  it('shows the hint after the configured time without a read, and hides it on a read', async () => {
    await startCamera({ hintAfterMs: 3_000 });
    const worker = workers[0]!;
    advance(2_900);
    expect(query('checkpoint-scan-hint')).toBeNull();
    advance(200);
    expect(query('checkpoint-scan-hint')?.textContent).toBe('Brighter screen, hold still');

    // A QR read: the hint goes at the next tick, and the read is passed on.
    const last = worker.posted.at(-1)!;
    worker.reply({ kind: 'result', id: last.id, symbol: { text: 'EP-0001', format: 'QRCode' }, ms: 10 });
    advance(100);
    expect(query('checkpoint-scan-hint')).toBeNull();
    expect(reads.at(-1)).toBe('EP-0001');
  });

  it('uses five seconds when no hint time is given', async () => {
    await startCamera();
    advance(4_900);
    expect(query('checkpoint-scan-hint')).toBeNull();
    advance(200);
    expect(query('checkpoint-scan-hint')).not.toBeNull();
  });
});
