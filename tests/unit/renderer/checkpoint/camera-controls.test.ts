import { describe, expect, it, vi } from 'vitest';
import {
  HINT_AFTER_MS,
  nextCameraTarget,
  shouldRetryWithDefaultCamera,
  showCameraPicker,
  toCameraDevices,
  torchConstraints,
  trackHasTorch,
  videoConstraints,
} from '../../../../renderer/scan/camera/camera-controls';

const input = (deviceId: string, label = '', kind: MediaDeviceKind = 'videoinput') => ({ deviceId, label, kind });

describe('camera controls', () => {
  it('lists only the video inputs, in order, keeping empty labels for the panel to name', () => {
    const devices = toCameraDevices([input('mic', 'Mic', 'audioinput'), input('front', 'Front camera'), input('usb'), input('spk', 'Speaker', 'audiooutput')]);
    expect(devices).toEqual([
      { deviceId: 'front', label: 'Front camera' },
      { deviceId: 'usb', label: '' },
    ]);
  });

  it('shows the picker only when there is more than one camera', () => {
    expect(showCameraPicker([])).toBe(false);
    expect(showCameraPicker([{ deviceId: 'a', label: 'A' }])).toBe(false);
    expect(showCameraPicker([{ deviceId: 'a', label: 'A' }, { deviceId: 'b', label: 'B' }])).toBe(true);
  });

  it('asks for the chosen camera exactly, or the default one, at 1280x720 ideally', () => {
    expect(videoConstraints('cam-2')).toEqual({ deviceId: { exact: 'cam-2' }, width: { ideal: 1280 }, height: { ideal: 720 } });
    expect(videoConstraints(null).deviceId).toBeUndefined();
  });

  it('reopens the camera for a newly chosen device, not for the one already open', () => {
    expect(nextCameraTarget(null, null, null)).toBeNull();
    // The page remembers the camera that was opened by default: no reopen.
    expect(nextCameraTarget(null, 'cam-1', 'cam-1')).toBeNull();
    // Staff pick another camera: open it.
    expect(nextCameraTarget(null, 'cam-2', 'cam-1')).toBe('cam-2');
    // …and back again.
    expect(nextCameraTarget('cam-2', 'cam-1', 'cam-2')).toBe('cam-1');
    expect(nextCameraTarget('cam-2', 'cam-2', 'cam-2')).toBe('cam-2');
  });

  it('falls back to the default camera only when a remembered camera is gone', () => {
    expect(shouldRetryWithDefaultCamera(new DOMException('gone', 'OverconstrainedError'), 'old')).toBe(true);
    expect(shouldRetryWithDefaultCamera(new DOMException('gone', 'NotFoundError'), 'old')).toBe(true);
    expect(shouldRetryWithDefaultCamera(new DOMException('no', 'NotAllowedError'), 'old')).toBe(false);
    expect(shouldRetryWithDefaultCamera(new DOMException('gone', 'NotFoundError'), null)).toBe(false);
  });

  it('sees a torch only when the track capabilities include it', () => {
    const track = (caps: object) => ({ getCapabilities: vi.fn(() => caps as MediaTrackCapabilities) });
    expect(trackHasTorch(track({ torch: true }))).toBe(true);
    expect(trackHasTorch(track({ torch: false }))).toBe(false);
    expect(trackHasTorch(track({ width: { min: 1, max: 1280 } }))).toBe(false);
    expect(trackHasTorch({} as Pick<MediaStreamTrack, 'getCapabilities'>)).toBe(false);
    expect(trackHasTorch(null)).toBe(false);
  });

  it('switches the torch through an advanced constraint', () => {
    expect(torchConstraints(true)).toEqual({ advanced: [{ torch: true }] });
    expect(torchConstraints(false)).toEqual({ advanced: [{ torch: false }] });
  });

  it('waits five seconds without a read before the hint by default', () => {
    expect(HINT_AFTER_MS).toBe(5_000);
  });
});
