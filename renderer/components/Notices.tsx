import { useTranslation } from 'react-i18next';
import type { Notice } from '../stores/notices';
import './notices.css';

export interface NoticesProps {
  notices: readonly Notice[];
  onDismiss(id: number): void;
}

/** Non-blocking notices (e.g. an unhandled error) stacked above the page, each dismissible. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  const { t } = useTranslation();
  return (
    <div className="notices" role="status" aria-live="polite" aria-label={t('notices.label')} data-testid="notices">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" data-testid={`notice-${notice.kind}`}>
          <div className="notice-text">
            <p>{t(`notices.${notice.kind}`)}</p>
            {notice.detail && <p className="notice-detail">{t('errors.detail', { detail: notice.detail })}</p>}
          </div>
          <button type="button" className="notice-dismiss" aria-label={t('notices.dismiss')} onClick={() => onDismiss(notice.id)}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      ))}
    </div>
  );
}
