import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../contract/sync';
import { formatSyncAge } from '../../components/sync-age';
import { useSync } from '../../stores/sync';
import { useUi } from '../../stores/ui';
import { formatDateTime } from './format';
import { SyncEnrollForm, SyncModeForm, SyncPinForm } from './SyncForms';
import './sync-panel.css';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function StatusList({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const none = t('sync.panel.none');
  const reach = status.portalReachable === null ? t('sync.panel.reachableUnknown') : status.portalReachable ? t('sync.panel.reachableYes') : t('sync.panel.reachableNo');
  return (
    <dl className="details">
      <Row label={t('sync.panel.state')} testId="sync-state">
        <span data-state={status.enrollment}>{t(`sync.panel.states.${status.enrollment}`)}</span>
      </Row>
      <Row label={t('sync.panel.mode')} testId="sync-mode">{t(`sync.panel.modes.${status.mode}`)}</Row>
      <Row label={t('sync.panel.device')} testId="sync-device">{status.deviceId ?? none}</Row>
      <Row label={t('sync.panel.center')}>{status.centerId ?? none}</Row>
      <Row label={t('sync.panel.secretStore')}>{status.secretStore}</Row>
      <Row label={t('sync.panel.reachable')} testId="sync-reachable">{reach}</Row>
      <Row label={t('sync.panel.pending')} testId="sync-pending">{status.pending}</Row>
      <Row label={t('sync.panel.oldest')}>{status.oldestPendingAgeS === null ? none : formatSyncAge(status.oldestPendingAgeS, t)}</Row>
      <Row label={t('sync.panel.lastSuccess')}>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt, language) : none}</Row>
      <Row label={t('sync.panel.lastError')} testId="sync-last-error">{status.lastError ?? none}</Row>
      <Row label={t('sync.panel.quarantined')} testId="sync-quarantined">{status.quarantined}</Row>
    </dl>
  );
}

function Datasets({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('sync.panel.datasets')}</h3>
      <ul className="sync-datasets" data-testid="sync-datasets">
        {status.datasets.map((d) => (
          <li key={d.name} data-stale={d.stale}>
            <strong>{t(`sync.panel.datasetNames.${d.name}`)}</strong>{' '}
            {d.ageS === null ? t('sync.panel.datasetNever') : t('sync.panel.datasetAge', { age: formatSyncAge(d.ageS, t) })}
            {d.stale && d.ageS !== null && <span className="sync-stale"> ⚠ {t('sync.panel.stale')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Quarantined() {
  const { t } = useTranslation();
  const items = useSync((s) => s.quarantined);
  return (
    <>
      <button type="button" className="button" onClick={() => void useSync.getState().loadQuarantined()} data-testid="sync-show-quarantined">
        {t('sync.panel.showQuarantined')}
      </button>
      {items.length > 0 && (
        <>
          <ul className="sync-quarantined">
            {items.map((i) => (
              <li key={i.id}>{t('sync.panel.quarantinedReason', { stream: i.stream, id: i.idempotencyId, reason: i.reason ?? '' })}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void useSync.getState().retryQuarantined()} data-testid="sync-retry-quarantined">
            {t('sync.panel.retryQuarantined')}
          </button>
        </>
      )}
    </>
  );
}

function Feedback() {
  const { t } = useTranslation();
  const { actionError, lastAction } = useSync();
  if (actionError) {
    return (
      <div role="alert" className="form-error" data-testid="sync-error">
        <p>{t(actionError.messageKey)}</p>
        {actionError.detail && <p>{actionError.detail}</p>}
      </div>
    );
  }
  if (lastAction) return <p role="status" data-testid="sync-done">{t(`sync.panel.done.${lastAction}`)}</p>;
  return null;
}

/** Admin card: portal sync status in words, enrollment, pull now, quarantined items, admin PIN and mode. */
export function SyncPanel() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  const busy = useSync((s) => s.busy);
  useEffect(() => void useSync.getState().load(), []);
  return (
    <section className="admin-card sync-panel" aria-labelledby="sync-title" data-testid="sync-panel">
      <h2 id="sync-title">{t('sync.panel.title')}</h2>
      {status && <StatusList status={status} />}
      <Feedback />
      {status?.restartRequired && <p role="status" className="sync-restart" data-testid="sync-restart">{t('sync.panel.restartRequired')}</p>}
      {status && <Datasets status={status} />}
      <div className="sync-actions">
        <button type="button" className="button" disabled={busy || !status?.enrolled} onClick={() => void useSync.getState().pull()} data-testid="sync-pull">
          {t('sync.panel.pullNow')}
        </button>
        {status?.deviceId && (
          <button type="button" className="button" disabled={busy} onClick={() => void useSync.getState().unenroll()} data-testid="sync-unenroll">
            {t('sync.panel.unenroll')}
          </button>
        )}
        <Quarantined />
      </div>
      {status && !status.enrolled && <SyncEnrollForm status={status} busy={busy} />}
      {status && <SyncPinForm status={status} busy={busy} />}
      {status && <SyncModeForm status={status} busy={busy} />}
    </section>
  );
}
