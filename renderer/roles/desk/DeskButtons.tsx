import { useTranslation } from 'react-i18next';
import { SHORTCUT_LABELS, type DeskAction } from './shortcuts';

export interface DeskButtonsProps {
  available: Set<DeskAction>;
  onBreak: boolean;
  recalls: number;
  busy: boolean;
  onAction(action: DeskAction): void;
}

const ORDER: DeskAction[] = ['callNext', 'recall', 'start', 'finish', 'noShow', 'transfer', 'break'];
const LABEL_KEYS = {
  callNext: 'queue.desk.callNext', recall: 'queue.desk.recall', start: 'queue.desk.start', finish: 'queue.desk.finish',
  noShow: 'queue.desk.noShow', transfer: 'queue.desk.transfer', break: 'queue.desk.break',
} as const;

/** The desk's command buttons, each with its keyboard shortcut shown. */
export function DeskButtons({ available, onBreak, recalls, busy, onAction }: DeskButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="desk-buttons" role="group" aria-label={t('queue.desk.shortcutsHint')}>
      {ORDER.map((action) => {
        const label = action === 'break' && onBreak ? t('queue.desk.breakEnd') : t(LABEL_KEYS[action]);
        const key = action === 'callNext' ? 'F1 / Space' : SHORTCUT_LABELS[action];
        return (
          <button
            key={action}
            type="button"
            className={`desk-button desk-button-${action}${action === 'callNext' ? ' button-primary' : ''}`}
            data-testid={`desk-${action}`}
            disabled={busy || !available.has(action)}
            aria-keyshortcuts={action === 'callNext' ? 'F1 Space' : SHORTCUT_LABELS[action]}
            onClick={() => onAction(action)}
          >
            <span>{label}</span>
            {action === 'recall' && recalls > 0 && <span className="desk-count">({recalls})</span>}
            <kbd aria-label={t('queue.desk.shortcut', { key })}>{key}</kbd>
          </button>
        );
      })}
    </div>
  );
}
