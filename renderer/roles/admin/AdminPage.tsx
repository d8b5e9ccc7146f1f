import { useTranslation } from 'react-i18next';
import { RolePage } from '../../components/RolePage';
import { useConnection } from '../../stores/connection';
import { useUi } from '../../stores/ui';
import { PairingPanel } from './PairingPanel';
import { StatusDetails } from './StatusDetails';
import { SyncPanel } from './SyncPanel';
import { TrainingCodesPanel } from './TrainingCodesPanel';
import './admin.css';

/** `/admin`: server status and screen pairing (more admin features arrive with later issues). */
export function AdminPage() {
  const { t } = useTranslation();
  const status = useConnection((s) => s.status);
  const language = useUi((s) => s.language);
  return (
    <RolePage role="admin" title={t('roles.admin')} intro={t('rolePage.adminIntro')}>
      <div className="admin-grid">
        <StatusDetails status={status} language={language} />
        <PairingPanel language={language} />
        <TrainingCodesPanel />
        <SyncPanel />
      </div>
    </RolePage>
  );
}
