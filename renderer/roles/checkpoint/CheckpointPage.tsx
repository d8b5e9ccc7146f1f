import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verdictClassOf } from '../../../contract/eid';
import { RolePage } from '../../components/RolePage';
import { useCameraScanner } from '../../scan/camera/use-camera-scanner';
import { useWedgeScanner } from '../../scan/wedge/use-wedge-scanner';
import { selectIsTraining, selectPortalView, useConnection } from '../../stores/connection';
import { useUi } from '../../stores/ui';
import {
  DEFAULT_CLEAR_SECONDS,
  isClockSkewWarning,
  secondsLeft,
  selectScannerConnected,
  useVerification,
  type CheckResult,
} from '../../stores/verification';
import { CameraPanel } from './CameraPanel';
import { CheckpointBanners } from './CheckpointBanners';
import { Keypad } from './Keypad';
import { ResultScreen } from './ResultScreen';
import { TrainingDrawer } from './TrainingDrawer';
import { useCheckpointInput } from './use-checkpoint-input';
import { playVerdictSound } from './verdict-sound';
import './checkpoint.css';

/** Ticks while a result is showing; clears it when its time is up; plays its sound once. */
function useResultLifecycle(result: CheckResult | null, clearSeconds: number): number {
  const [now, setNow] = useState(() => Date.now());
  const clearResult = useVerification((s) => s.clearResult);
  useEffect(() => {
    if (result === null) return undefined;
    playVerdictSound(result.kind === 'failed' ? 'retry' : verdictClassOf(result.response.verdict));
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [result]);
  const left = result === null ? 0 : secondsLeft(result.shownAtMs, Math.max(now, result.shownAtMs), clearSeconds);
  useEffect(() => {
    if (result !== null && left === 0) clearResult();
  }, [result, left, clearResult]);
  return left;
}

/** `/checkpoint`: e-ID verification at a building entrance — camera, USB / wedge scanners, keypad, result. */
export function CheckpointPage() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const settings = useVerification((s) => s.settings);
  const result = useVerification((s) => s.result);
  const pending = useVerification((s) => s.pending);
  const cameraDeviceId = useVerification((s) => s.cameraDeviceId);
  const scannerConnected = useVerification(selectScannerConnected);
  const clockSkewMs = useVerification((s) => s.clockSkewMs);
  const verify = useVerification((s) => s.verify);
  const setCameraDeviceId = useVerification((s) => s.setCameraDeviceId);
  const portalView = useConnection(selectPortalView);
  const training = useConnection(selectIsTraining) || settings?.training === true;
  const input = useCheckpointInput();

  useEffect(() => {
    const store = useVerification.getState();
    const unmount = store.screenMounted();
    void store.loadSettings();
    return unmount;
  }, []);

  const videoRef = useRef<HTMLVideoElement | null>(null);
  const camera = useCameraScanner({
    videoRef,
    deviceId: cameraDeviceId,
    onRead: (text) => void verify(text, 'camera'),
    onDeviceOpened: setCameraDeviceId,
  });
  useWedgeScanner({ onScan: (text) => void verify(text, 'wedge'), onTyping: input.applyTyping });
  const left = useResultLifecycle(result, settings?.resultClearSeconds ?? DEFAULT_CLEAR_SECONDS);
  const title = settings?.checkpointName ? t('eid.checkpointName', { name: settings.checkpointName }) : t('roles.checkpoint');

  return (
    <RolePage role="checkpoint" title={title} intro={t('eid.intro')}>
      <CheckpointBanners
        portalDown={portalView === 'unreachable'}
        clockSkewMs={isClockSkewWarning(clockSkewMs ?? undefined) ? clockSkewMs : null}
        scannerConnected={scannerConnected}
      />
      <div className="checkpoint-grid" aria-busy={pending}>
        <CameraPanel camera={camera} videoRef={videoRef} deviceId={cameraDeviceId} onSelectDevice={setCameraDeviceId} />
        <Keypad
          digits={input.digits}
          message={input.incomplete ? t('eid.keypad.incomplete') : null}
          busy={pending}
          onKey={input.pressKey}
          onVerify={input.submit}
        />
      </div>
      {pending && (
        <p className="checkpoint-pending" data-testid="checkpoint-pending" role="status">
          {t('eid.checking')}
        </p>
      )}
      {training && <TrainingDrawer />}
      {result && <ResultScreen result={result} secondsLeft={left} language={language} onNext={() => useVerification.getState().clearResult()} />}
      {training && (
        <div className="training-watermark" data-testid="training-watermark" aria-hidden="true">
          {t('eid.banner.watermark')}
        </div>
      )}
    </RolePage>
  );
}
