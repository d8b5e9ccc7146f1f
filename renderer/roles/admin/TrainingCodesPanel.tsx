import { useTranslation } from 'react-i18next';
import { selectIsTraining, useConnection } from '../../stores/connection';
import { TrainingCodes } from '../checkpoint/TrainingCodes';

/** Admin page panel: issue test e-ID codes from the simulator (training mode only). */
export function TrainingCodesPanel() {
  const { t } = useTranslation();
  const training = useConnection(selectIsTraining);
  if (!training) return null;
  return (
    <section className="admin-card training-codes-panel" aria-labelledby="training-codes-title" data-testid="training-codes-panel">
      <h2 id="training-codes-title">{t('eid.training.title')}</h2>
      <TrainingCodes />
    </section>
  );
}
