import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraScanner } from '../../scan/camera/use-camera-scanner';

export interface TerminalCameraProps {
  /** Start without a tap (the admin enabled a camera for this terminal). */
  autoStart: boolean;
  /** Every accepted read (the scanner already merges repeats of one code within seconds). */
  onRead(text: string): void;
}

/** True when this browser can open a camera at all (an old kiosk browser or plain http may not). */
export function cameraSupported(nav: Navigator | undefined = typeof navigator === 'undefined' ? undefined : navigator): boolean {
  return typeof nav?.mediaDevices?.getUserMedia === 'function';
}

/**
 * A QR reader for the terminal: "scan with camera" (or started by itself when the admin enabled a
 * camera), a live preview, and a plain fallback — the keypad and the USB scanner always still work.
 */
export function TerminalCamera(props: TerminalCameraProps) {
  const { t } = useTranslation();
  if (!cameraSupported()) {
    return (
      <p className="terminal-camera-none" data-testid="terminal-camera-none">
        {t('queue.terminal.camera.none')}
      </p>
    );
  }
  return <CameraReader {...props} />;
}

function CameraReader({ autoStart, onRead }: TerminalCameraProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const camera = useCameraScanner({ videoRef, deviceId: null, onRead });
  const { start } = camera;
  useEffect(() => {
    if (autoStart) start();
  }, [autoStart, start]);
  const live = camera.state === 'on' || camera.state === 'starting';
  return (
    <section className="terminal-camera" aria-label={t('queue.terminal.camera.title')} data-testid="terminal-camera" data-state={camera.state}>
      <div className="terminal-camera-view" data-live={live}>
        <video ref={videoRef} muted playsInline aria-label={t('queue.terminal.camera.videoLabel')} data-testid="terminal-camera-video" />
        {live && <div className="terminal-camera-frame" aria-hidden="true" />}
      </div>
      {camera.state !== 'off' && (
        <p className={`terminal-camera-state${live ? '' : ' terminal-notice'}`} role="status" data-testid="terminal-camera-state">
          {camera.hint && camera.state === 'on' ? t('queue.terminal.camera.hint') : t(`queue.terminal.camera.state.${camera.state}`)}
        </p>
      )}
      {live ? (
        <button type="button" className="terminal-big" data-testid="terminal-camera-stop" onClick={camera.stop}>
          {t('queue.terminal.camera.stop')}
        </button>
      ) : (
        <button type="button" className="terminal-big" data-testid="terminal-camera-start" onClick={camera.start}>
          {t('queue.terminal.camera.start')}
        </button>
      )}
    </section>
  );
}
