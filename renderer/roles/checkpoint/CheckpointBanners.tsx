import { useTranslation } from 'react-i18next';

export interface CheckpointBannersProps {
  portalDown: boolean;
  /** The portal's clock skew when over the warning threshold, else null. */
  clockSkewMs: number | null;
  scannerConnected: boolean | null;
}

/** Portal / clock / USB scanner banners above the checkpoint's work area (icon + words, not colour alone). */
export function CheckpointBanners({ portalDown, clockSkewMs, scannerConnected }: CheckpointBannersProps) {
  const { t } = useTranslation();
  return (
    <div className="checkpoint-banners" aria-live="polite">
      {portalDown && (
        <p className="checkpoint-banner banner-bad" data-testid="checkpoint-banner-portal" role="alert">
          <span aria-hidden="true">✖ </span>
          {t('eid.banner.portalDown')}
        </p>
      )}
      {clockSkewMs !== null && (
        <p className="checkpoint-banner banner-warn" data-testid="checkpoint-banner-clock" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('eid.banner.clockSkew', { seconds: Math.round(clockSkewMs / 1000) })}
        </p>
      )}
      {scannerConnected !== null && (
        <p className="checkpoint-chip" data-testid="checkpoint-scanner" data-state={scannerConnected ? 'connected' : 'disconnected'}>
          <span aria-hidden="true">{scannerConnected ? '✔ ' : '✖ '}</span>
          {scannerConnected ? t('eid.scanner.connected') : t('eid.scanner.disconnected')}
        </p>
      )}
    </div>
  );
}
