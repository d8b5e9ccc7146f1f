import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createFrameGate, createReadAcceptor, isNoReadHintDue } from '../decode-acceptance';
import {
  HINT_AFTER_MS,
  nextCameraTarget,
  shouldRetryWithDefaultCamera,
  toCameraDevices,
  torchConstraints,
  trackHasTorch,
  videoConstraints,
  type CameraDevice,
} from './camera-controls';
import type { DecoderName } from './decoders';
import { grabFrame } from './frame-source';
import type { DecodeWorkerMessage } from './worker-protocol';

/*
 * The camera as a hook: getUserMedia with the chosen device, a torch where the track offers
 * one, frames to the decode worker through the frame gate (≤ 15 decodes/s, dropped while busy),
 * decoded symbols through the read acceptor (1D needs two agreeing frames; same code = one read).
 * The decisions (devices, torch, which camera to open) are pure functions in camera-controls.ts.
 */

export type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'unavailable' | 'error';

export type { CameraDevice } from './camera-controls';

export interface CameraScanner {
  state: CameraState;
  devices: CameraDevice[];
  torchSupported: boolean;
  torchOn: boolean;
  hint: boolean;
  decoder: DecoderName | null;
  start(): void;
  stop(): void;
  toggleTorch(): void;
}

export interface CameraScannerOptions {
  /** The <video> the preview shows in (owned by the page, so the hook's result holds no ref). */
  videoRef: RefObject<HTMLVideoElement | null>;
  deviceId: string | null;
  onRead: (text: string) => void;
  /** Called with the device actually opened, so the choice can be remembered. */
  onDeviceOpened?: (deviceId: string) => void;
  /** How long the camera runs without a read before the "brighter screen, hold still" hint (ms). */
  hintAfterMs?: number;
}

const TICK_MS = 1000 / 30;

function stateForError(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'unavailable';
  return 'error';
}

async function listCameras(): Promise<CameraDevice[]> {
  return toCameraDevices(await navigator.mediaDevices.enumerateDevices());
}

/** Opens `deviceId`, or the default camera when that one is gone. */
async function openCamera(deviceId: string | null): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({ video: videoConstraints(deviceId), audio: false });
  } catch (error) {
    if (!shouldRetryWithDefaultCamera(error, deviceId)) throw error;
    return navigator.mediaDevices.getUserMedia({ video: videoConstraints(null), audio: false });
  }
}

/** Runs the decode loop on an open stream; returns the function that stops it. */
function runDecodeLoop(
  video: HTMLVideoElement,
  handlers: { onRead: (text: string) => void; onHint: (on: boolean) => void; onDecoder: (name: DecoderName) => void },
  hintAfterMs: number,
): () => void {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
  const gate = createFrameGate({ maxPerSecond: 15 });
  const acceptor = createReadAcceptor({ dedupeWindowMs: 3_000 });
  let lastReadAt = performance.now();
  let hint = false;
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<DecodeWorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'ready') return handlers.onDecoder(message.decoder);
    gate.finish();
    if (message.kind !== 'result') return;
    if (message.symbol !== null) lastReadAt = performance.now();
    const text = acceptor.push(message.symbol, performance.now());
    if (text !== null) handlers.onRead(text);
  };
  const timer = setInterval(() => {
    const now = performance.now();
    const due = isNoReadHintDue(lastReadAt, now, hintAfterMs);
    if (due !== hint) handlers.onHint((hint = due));
    if (!gate.canStart(now)) return;
    const frame = grabFrame(video, nextId);
    if (frame === null) return;
    nextId += 1;
    gate.start(now);
    worker.postMessage(frame, [frame.pixels]);
  }, TICK_MS);
  return () => {
    clearInterval(timer);
    worker.terminate();
  };
}

/** Camera + decode worker as a hook; `start()` asks for the camera (user gesture), `stop()` releases it. */
export function useCameraScanner(options: CameraScannerOptions): CameraScanner {
  const { videoRef } = options;
  const [state, setState] = useState<CameraState>('off');
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  const [torchSupported, setTorchSupported] = useState(false);
  const [torchOn, setTorchOn] = useState(false);
  const [hint, setHint] = useState(false);
  const [decoder, setDecoder] = useState<DecoderName | null>(null);
  const [running, setRunning] = useState(false);
  // Bumped by every start(), so "start" after a refusal asks for the camera again.
  const [attempt, setAttempt] = useState(0);
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // The camera to open, and the one open now: remembering the opened camera does not reopen it.
  const [target, setTarget] = useState<string | null>(options.deviceId);
  const [openedId, setOpenedId] = useState<string | null>(null);
  const nextTarget = nextCameraTarget(target, options.deviceId, openedId);
  if (nextTarget !== target) setTarget(nextTarget);

  useEffect(() => {
    if (!running) return undefined;
    let stopLoop: (() => void) | null = null;
    let stream: MediaStream | null = null;
    let cancelled = false;
    const element = videoRef.current;
    // A camera plugged in or out while running changes the picker's list.
    const refreshDevices = () => {
      void listCameras().then((list) => {
        if (!cancelled) setDevices(list);
      });
    };
    openCamera(target)
      .then(async (opened) => {
        stream = opened;
        if (cancelled) return;
        const track = opened.getVideoTracks()[0];
        trackRef.current = track ?? null;
        setTorchSupported(trackHasTorch(track));
        if (!element) throw new Error('no video element');
        element.srcObject = opened;
        await element.play();
        if (cancelled) return;
        const list = await listCameras();
        if (cancelled) return;
        setDevices(list);
        navigator.mediaDevices.addEventListener('devicechange', refreshDevices);
        const id = track?.getSettings().deviceId;
        if (id) {
          setOpenedId(id);
          latest.current.onDeviceOpened?.(id);
        }
        stopLoop = runDecodeLoop(
          element,
          { onRead: (text) => latest.current.onRead(text), onHint: setHint, onDecoder: setDecoder },
          latest.current.hintAfterMs ?? HINT_AFTER_MS,
        );
        setState('on');
      })
      .catch((error: unknown) => {
        if (!cancelled) setState(stateForError(error));
      });
    return () => {
      cancelled = true;
      navigator.mediaDevices.removeEventListener('devicechange', refreshDevices);
      stopLoop?.();
      for (const track of stream?.getTracks() ?? []) track.stop();
      trackRef.current = null;
      if (element) element.srcObject = null;
      setHint(false);
      setTorchOn(false);
      setState('off');
    };
  }, [running, attempt, target, videoRef]);

  const toggleTorch = useCallback(() => {
    const track = trackRef.current;
    if (!track) return;
    const next = !torchOn;
    track.applyConstraints(torchConstraints(next)).then(
      () => setTorchOn(next),
      () => setTorchSupported(false),
    );
  }, [torchOn]);

  return {
    state,
    devices,
    torchSupported,
    torchOn,
    hint,
    decoder,
    start: useCallback(() => {
      setState('starting');
      setRunning(true);
      setAttempt((a) => a + 1);
    }, []),
    stop: useCallback(() => setRunning(false), []),
    toggleTorch,
  };
}
