import { useTranslation } from 'react-i18next';
import { RolePage } from '../../components/RolePage';

/** `/terminal`: the visitors' ticket kiosk (filled by issue 4). */
export function TerminalPage() {
  const { t } = useTranslation();
  return <RolePage role="terminal" title={t('roles.terminal')} intro={t('rolePage.terminalIntro')} />;
}
