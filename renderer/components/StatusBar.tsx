import { useTranslation } from 'react-i18next';
import type { Role } from '../../contract/roles';
import type { ConnectionView, PortalView } from '../stores/connection';
import { Clock } from './Clock';
import { SyncStatus } from './SyncStatus';
import './status-bar.css';

export interface StatusBarProps {
  connection: ConnectionView;
  /** The stream was open before, so "connecting" means "reconnecting". */
  reconnecting: boolean;
  /** Whether this screen holds a token at all (says "not paired" rather than "refused"). */
  paired: boolean;
  portal: PortalView;
  portalError: string | null;
  portalLatencyMs: number | null;
  training: boolean;
  role: Role | null;
  deskNo: number | null;
  language: string;
}

// Shapes differ per state so the meaning survives without colour (and in high contrast).
const CONNECTION_ICON: Record<ConnectionView, string> = {
  connected: '✔',
  connecting: '⟳',
  offline: '✖',
  unauthorised: '⚠',
};
const PORTAL_ICON: Record<PortalView, string> = { reachable: '✔', unreachable: '✖', unknown: '?' };

function useConnectionText(props: StatusBarProps): string {
  const { t } = useTranslation();
  switch (props.connection) {
    case 'connected':
      return t('status.connection.connected');
    case 'connecting':
      return props.reconnecting ? t('status.connection.reconnecting') : t('status.connection.connecting');
    case 'offline':
      return t('status.connection.offline');
    case 'unauthorised':
      return props.paired ? t('status.connection.unauthorised') : t('status.connection.notPaired');
  }
}

function RoleName({ role, deskNo }: { role: Role | null; deskNo: number | null }) {
  const { t } = useTranslation();
  if (role === null) return <span className="status-role">{t('status.roleUnknown')}</span>;
  const name = role === 'desk' && deskNo !== null ? t('roles.deskNo', { no: deskNo }) : t(`roles.${role}`);
  return <span className="status-role" data-testid="status-role">{t('status.role', { role: name })}</span>;
}

/** The status bar shown on every page: connection, portal, training mode, role and clock. */
export function StatusBar(props: StatusBarProps) {
  const { t } = useTranslation();
  const connectionText = useConnectionText(props);
  return (
    // A polite live region, so connection changes are announced; the clock opts out (aria-live="off").
    <div className="status-bar" role="region" aria-label={t('status.barLabel')} aria-live="polite" data-testid="status-bar">
      {props.training && (
        <p className="training-banner" data-testid="training-banner">
          <span aria-hidden="true">⚑ </span>
          {t('status.training')}
        </p>
      )}
      <div className="status-items">
        <div className="status-live">
          <span className="status-item status-connection" data-testid="status-connection" data-state={props.connection}>
            <span className="status-icon" aria-hidden="true">{CONNECTION_ICON[props.connection]}</span>
            {connectionText}
          </span>
          <span className="status-item status-portal" data-testid="status-portal" data-state={props.portal}>
            <span className="status-icon" aria-hidden="true">{PORTAL_ICON[props.portal]}</span>
            {t(`status.portal.${props.portal}`)}
            {props.portal === 'reachable' && props.portalLatencyMs !== null && (
              <span className="status-sub"> ({t('status.portal.latency', { ms: Math.round(props.portalLatencyMs) })})</span>
            )}
            {props.portal === 'unreachable' && props.portalError && (
              <span className="status-sub" data-testid="status-portal-error">
                {' '}
                {t('status.portal.lastError', { error: props.portalError })}
              </span>
            )}
          </span>
          <SyncStatus />
        </div>
        <RoleName role={props.role} deskNo={props.deskNo} />
        <Clock language={props.language} />
      </div>
    </div>
  );
}
