import { useShallow } from 'zustand/react/shallow';
import { DisplaySwitches } from '../components/DisplaySwitches';
import { Notices } from '../components/Notices';
import { StatusBar } from '../components/StatusBar';
import { selectConnectionView, selectIsTraining, selectPortalView, useConnection } from '../stores/connection';
import { useNotices } from '../stores/notices';
import { useSession } from '../stores/session';
import { LANGUAGES, useUi } from '../stores/ui';

/** Status bar fed from the connection, session and UI stores. */
export function StatusBarContainer() {
  const view = useConnection(
    useShallow((s) => ({
      connection: selectConnectionView(s),
      reconnecting: s.everConnected,
      portal: selectPortalView(s),
      portalError: s.status?.portal.lastError ?? null,
      portalLatencyMs: s.status?.portal.latencyMs ?? null,
      training: selectIsTraining(s),
    })),
  );
  const session = useSession(useShallow((s) => ({ paired: s.token !== null, role: s.role, deskNo: s.deskNo })));
  const language = useUi((s) => s.language);
  return <StatusBar {...view} {...session} language={language} />;
}

/** Language / large text / high contrast switches bound to the UI store. */
export function DisplaySwitchesContainer() {
  const ui = useUi();
  return (
    <DisplaySwitches
      language={ui.language}
      languages={LANGUAGES}
      largeText={ui.largeText}
      highContrast={ui.highContrast}
      onLanguage={ui.setLanguage}
      onLargeText={ui.setLargeText}
      onHighContrast={ui.setHighContrast}
    />
  );
}

/** Non-blocking notices bound to the notices store. */
export function NoticesContainer() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return <Notices notices={notices} onDismiss={dismiss} />;
}
