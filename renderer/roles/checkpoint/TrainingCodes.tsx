import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getEidApi, type TrainingCode, type TrainingHolder } from '../../api/eid';
import { errorMessageKey, type ErrorMessageKey } from '../../api/error-message';
import { groupDigits } from '../../scan/keypad';

/*
 * Training only: demo holders from the simulator and "issue code", which shows the QR and the
 * 13 digits with their expiry countdown — how a new user tries the checkpoint. Used on the admin
 * page and in the checkpoint's "test codes" drawer.
 */

interface Issued {
  holder: TrainingHolder;
  code: TrainingCode;
  qrDataUrl: string;
}

function useSecondsUntil(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (iso === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [iso]);
  if (iso === null) return null;
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

function IssuedCode({ issued }: { issued: Issued }) {
  const { t } = useTranslation();
  const seconds = useSecondsUntil(issued.code.expiresAt);
  return (
    <figure className="training-code" data-testid="training-code">
      <img src={issued.qrDataUrl} alt={t('eid.training.qrAlt', { name: issued.holder.fullName })} data-testid="training-code-qr" />
      <figcaption>
        <span className="training-code-name">{issued.holder.fullName}</span>
        <span className="training-code-label">{t('eid.training.digits')}</span>
        <span className="training-code-digits" data-testid="training-code-digits" data-digits={issued.code.barcode}>
          {groupDigits(issued.code.barcode)}
        </span>
        <span className="training-code-expiry" data-testid="training-code-expiry">
          {seconds === 0 ? t('eid.training.expired') : t('eid.training.expiresIn', { seconds })}
        </span>
      </figcaption>
    </figure>
  );
}

/** The demo holders with an "issue code" button each, and the last code issued. */
export function TrainingCodes() {
  const { t } = useTranslation();
  const [holders, setHolders] = useState<TrainingHolder[] | null>(null);
  const [error, setError] = useState<ErrorMessageKey | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const stateLabel = (state: string) =>
    state === 'valid' || state === 'expired' || state === 'revoked' ? t(`eid.training.holderState.${state}`) : state;

  useEffect(() => {
    let cancelled = false;
    getEidApi()
      .listTrainingHolders()
      .then((list) => !cancelled && setHolders(list))
      .catch((e: unknown) => !cancelled && setError(errorMessageKey(e)));
    return () => {
      cancelled = true;
    };
  }, []);

  const issue = async (holder: TrainingHolder) => {
    try {
      const code = await getEidApi().issueTrainingCode(holder.id);
      const qrDataUrl = await QRCode.toDataURL(code.qr, { errorCorrectionLevel: 'M', margin: 4, width: 320 });
      setIssued({ holder, code, qrDataUrl });
      setError(null);
    } catch (e) {
      setError(errorMessageKey(e));
    }
  };

  return (
    <div className="training-codes" data-testid="training-codes">
      <p className="training-intro">{t('eid.training.intro')}</p>
      {error && <p className="training-error" role="alert">{t(error)}</p>}
      {holders === null && error === null && <p>{t('eid.training.loading')}</p>}
      {holders?.length === 0 && <p>{t('eid.training.empty')}</p>}
      {issued && <IssuedCode issued={issued} />}
      <ul className="training-holders">
        {holders?.map((h) => (
          <li key={h.id} data-testid={`training-holder-${h.id}`} data-state={h.state}>
            <span className="training-holder-name">{h.fullName}</span>
            <span className="training-holder-sub">{h.position} · {h.issuer} · {t('eid.training.state', { state: stateLabel(h.state) })}</span>
            <button type="button" data-testid={`training-issue-${h.id}`} onClick={() => void issue(h)}>
              {t('eid.training.issue')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
