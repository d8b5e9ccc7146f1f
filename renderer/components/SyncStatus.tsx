import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useSync } from '../stores/sync';
import { formatSyncAge } from './sync-age';

const REFRESH_MS = 15_000;

/** Status bar item: items waiting for the portal and the oldest one's age; enrollment trouble in words. */
export function SyncStatus() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  useEffect(() => {
    // Events say when the status changes materially; the count and age still move between them.
    const load = () => {
      if (useSession.getState().token) void useSync.getState().load();
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (status === null) return null;
  // Data sets the screens rely on (services, bookings) flagged when older than sync.staleAfterS.
  const stale = status.datasets.filter((d) => d.stale && d.ageS !== null);
  let text: string | null = null;
  if (status.enrollment === 'revoked') text = t('sync.bar.revoked');
  else if (status.enrollment === 'keychain_unavailable') text = t('sync.bar.keychain');
  else if (status.pending > 0) text = t('sync.bar.pending', { count: status.pending, age: formatSyncAge(status.oldestPendingAgeS ?? 0, t) });
  else if (status.enrolled && stale.length > 0) text = t('sync.bar.stale', { names: stale.map((d) => t(`sync.panel.datasetNames.${d.name}`)).join(', ') });
  if (text === null) return null;
  return (
    <span className="status-item status-sync" data-testid="status-sync" data-state={status.enrollment} aria-label={`${t('sync.bar.label')}: ${text}`}>
      <span className="status-icon" aria-hidden="true">⇅</span>
      {text}
    </span>
  );
}
