import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { showCameraPicker } from '../../scan/camera/camera-controls';
import type { CameraScanner } from '../../scan/camera/use-camera-scanner';

export interface CameraPanelProps {
  camera: CameraScanner;
  videoRef: RefObject<HTMLVideoElement | null>;
  deviceId: string | null;
  onSelectDevice: (deviceId: string) => void;
}

/** Live preview with a scan frame, on/off, camera picker, torch and the "hold still" hint. */
export function CameraPanel({ camera, videoRef, deviceId, onSelectDevice }: CameraPanelProps) {
  const { t } = useTranslation();
  const live = camera.state === 'on' || camera.state === 'starting';
  return (
    <section className="checkpoint-camera" aria-labelledby="camera-title">
      <h2 id="camera-title" className="checkpoint-panel-title">{t('eid.camera.title')}</h2>
      <div className="camera-view" data-live={live}>
        <video ref={videoRef} className="camera-video" data-testid="checkpoint-video" muted playsInline aria-label={t('eid.camera.videoLabel')} />
        {live && <div className="camera-frame" aria-hidden="true" />}
        {camera.hint && (
          <p className="camera-hint" data-testid="checkpoint-scan-hint" role="status">
            {t('eid.camera.hint')}
          </p>
        )}
      </div>
      <p className="camera-state" data-testid="checkpoint-camera-state" data-state={camera.state} role="status">
        {t(`eid.camera.state.${camera.state}`)}
        {camera.decoder && <span className="camera-decoder"> · {t('eid.camera.decoder', { name: camera.decoder })}</span>}
      </p>
      <div className="camera-controls">
        {live ? (
          <button type="button" data-testid="checkpoint-camera-stop" onClick={camera.stop}>
            {t('eid.camera.stop')}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="checkpoint-camera-start" onClick={camera.start}>
            {t('eid.camera.start')}
          </button>
        )}
        {showCameraPicker(camera.devices) && (
          <label className="camera-select">
            <span>{t('eid.camera.select')}</span>
            <select data-testid="checkpoint-camera-select" value={deviceId ?? ''} onChange={(e) => onSelectDevice(e.target.value)}>
              {camera.devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('eid.camera.unnamed', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
        {camera.torchSupported && (
          <button type="button" data-testid="checkpoint-torch" aria-pressed={camera.torchOn} onClick={camera.toggleTorch}>
            {camera.torchOn ? t('eid.camera.torchOff') : t('eid.camera.torchOn')}
          </button>
        )}
      </div>
    </section>
  );
}
