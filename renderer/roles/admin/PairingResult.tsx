import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairResponse } from '../../../contract/pairing';
import { formatTime } from './format';

export interface PairingResultProps {
  result: PairResponse;
  /** Data URL of the QR image, or null when it could not be drawn. */
  qrSrc: string | null;
  language: string;
}

/** A minted pairing link: as text, as a QR code, and until when it works. */
export function PairingResult({ result, qrSrc, language }: PairingResultProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const roleName = result.role === 'desk' && result.deskNo ? t('roles.deskNo', { no: result.deskNo }) : t(`roles.${result.role}`);

  const copyLink = async (): Promise<void> => {
    try {
      // navigator.clipboard is missing on plain-http LAN pages; say so instead of failing silently.
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(result.link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section className="pairing-result" aria-labelledby="pairing-result-title" aria-live="polite" data-testid="pairing-result">
      <h3 id="pairing-result-title">
        {t('pairingPanel.result')}: {roleName}
      </h3>
      {qrSrc ? (
        <img className="pairing-qr" src={qrSrc} alt={t('pairingPanel.qrAlt', { role: roleName })} data-testid="pairing-qr" />
      ) : (
        <p role="alert">{t('pairingPanel.qrFailed')}</p>
      )}
      <p>
        <span className="field-label">{t('pairingPanel.link')}: </span>
        {/* Text, not a link: opening it here would re-pair this admin screen as the other role. */}
        <code className="pairing-link break-all" data-testid="pairing-link">
          {result.link}
        </code>
      </p>
      <p data-testid="pairing-expires">{t('pairingPanel.expires', { time: formatTime(result.expiresAt, language) })}</p>
      <button type="button" className="button" onClick={() => void copyLink()}>
        {t('pairingPanel.copy')}
      </button>
      {copy !== 'idle' && <p role="status">{copy === 'copied' ? t('pairingPanel.copied') : t('pairingPanel.copyFailed')}</p>}
    </section>
  );
}
