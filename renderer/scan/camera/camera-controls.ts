/*
 * The camera controls' decisions, kept pure so they are tested without a camera: which devices
 * the picker lists, when it shows, which device to (re)open, whether a track has a torch and
 * how to switch it, and when the "brighter screen, hold still" hint is due.
 */

export interface CameraDevice {
  deviceId: string;
  /** The browser's label; empty before camera permission (the panel then shows "Camera n"). */
  label: string;
}

/** Seconds without a read before the hint shows (the hook's default `hintAfterMs`). */
export const HINT_AFTER_MS = 5_000;

/** The video inputs among `enumerateDevices()`, in the browser's order. */
export function toCameraDevices(all: ReadonlyArray<Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>>): CameraDevice[] {
  return all.filter((d) => d.kind === 'videoinput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

/** The picker is only worth showing when there is a choice. */
export function showCameraPicker(devices: readonly CameraDevice[]): boolean {
  return devices.length > 1;
}

/** getUserMedia's video constraints: the chosen camera exactly (else the default), 1280x720 ideally. */
export function videoConstraints(deviceId: string | null): MediaTrackConstraints {
  return { deviceId: deviceId ? { exact: deviceId } : undefined, width: { ideal: 1280 }, height: { ideal: 720 } };
}

/**
 * The device the camera should be open on. A new `requested` id reopens the camera, except when
 * it is the device already open (the page remembering the camera it was given), which would
 * otherwise close and reopen the same camera right after it started.
 */
export function nextCameraTarget(target: string | null, requested: string | null, opened: string | null): string | null {
  return requested === target || requested === opened ? target : requested;
}

/** A remembered camera that is gone (unplugged, another machine's id): open the default instead. */
export function shouldRetryWithDefaultCamera(error: unknown, deviceId: string | null): boolean {
  const name = error instanceof DOMException ? error.name : (error as { name?: unknown } | null)?.name;
  return deviceId !== null && (name === 'OverconstrainedError' || name === 'NotFoundError');
}

/** True when the track offers a torch (`torch` is not yet in TypeScript's DOM types). */
export function trackHasTorch(track: Pick<MediaStreamTrack, 'getCapabilities'> | null | undefined): boolean {
  if (!track || typeof track.getCapabilities !== 'function') return false;
  return (track.getCapabilities() as { torch?: boolean }).torch === true;
}

/** The constraints that switch the torch on or off. */
export function torchConstraints(on: boolean): MediaTrackConstraints {
  return { advanced: [{ torch: on } as MediaTrackConstraintSet] };
}
