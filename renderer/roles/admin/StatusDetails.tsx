import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../contract/status';
import { formatDateTime } from './format';

export interface StatusDetailsProps {
  status: Status | null;
  language: string;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** The backend's `/api/status`, as a readable list. */
export function StatusDetails({ status, language }: StatusDetailsProps) {
  const { t } = useTranslation();
  const none = t('admin.none');
  return (
    <section className="admin-card" aria-labelledby="admin-status-title" data-testid="admin-status">
      <h2 id="admin-status-title">{t('admin.statusTitle')}</h2>
      {status === null ? (
        <p>{t('admin.noStatus')}</p>
      ) : (
        <dl className="details">
          <Row label={t('admin.version')}>{status.version}</Row>
          <Row label={t('admin.mode')} testId="admin-mode">
            {status.mode === 'training' ? t('admin.modeTraining') : t('admin.modeProduction')}
          </Row>
          <Row label={t('admin.machineRole')}>{t(`roles.${status.machineRole}`)}</Row>
          <Row label={t('admin.startedAt')}>{formatDateTime(status.startedAt, language)}</Row>
          <Row label={t('admin.lastSeq')}>{status.lastSeq}</Row>
          <Row label={t('admin.portalUrl')}>
            <span className="break-all">{status.portal.baseUrl}</span>
          </Row>
          <Row label={t('admin.portalReachable')}>{status.portal.reachable ? t('admin.yes') : t('admin.no')}</Row>
          <Row label={t('admin.portalCheckedAt')}>
            {status.portal.checkedAt ? formatDateTime(status.portal.checkedAt, language) : none}
          </Row>
          <Row label={t('admin.portalLatency')}>
            {status.portal.latencyMs !== null ? t('admin.latencyMs', { ms: Math.round(status.portal.latencyMs) }) : none}
          </Row>
          <Row label={t('admin.portalLastError')}>{status.portal.lastError ?? none}</Row>
        </dl>
      )}
    </section>
  );
}
