import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TrainingCodes } from './TrainingCodes';

/** Training mode only: a small "test codes" drawer on the checkpoint screen. */
export function TrainingDrawer() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <aside className="training-drawer" data-open={open} aria-label={t('eid.training.title')}>
      <button type="button" className="training-drawer-toggle" data-testid="training-drawer-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('eid.training.close') : t('eid.training.open')}
      </button>
      {open && (
        <div className="training-drawer-body">
          <h2>{t('eid.training.title')}</h2>
          <TrainingCodes />
        </div>
      )}
    </aside>
  );
}
