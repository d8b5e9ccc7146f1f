import { useTranslation } from 'react-i18next';
import { RolePage } from '../../components/RolePage';

/** `/display`: the waiting-hall TV (filled by issue 4). */
export function DisplayPage() {
  const { t } = useTranslation();
  return <RolePage role="display" title={t('roles.display')} intro={t('rolePage.displayIntro')} />;
}
