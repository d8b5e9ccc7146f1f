import { useTranslation } from 'react-i18next';
import { RolePage } from '../../components/RolePage';

/** `/checkpoint`: e-ID verification at a building entrance (filled by issue 3). */
export function CheckpointPage() {
  const { t } = useTranslation();
  return <RolePage role="checkpoint" title={t('roles.checkpoint')} intro={t('rolePage.checkpointIntro')} />;
}
