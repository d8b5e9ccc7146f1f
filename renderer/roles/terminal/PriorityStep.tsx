import { useTranslation } from 'react-i18next';
import { PriorityCategorySchema, type PriorityCategory } from '../../../contract/queue';

export interface PriorityStepProps {
  serviceName: string;
  busy: boolean;
  onChoose(priority: PriorityCategory | null): void;
  onBack(): void;
}

/** Asks whether the visitor belongs to a legal priority category before the ticket is issued. */
export function PriorityStep({ serviceName, busy, onChoose, onBack }: PriorityStepProps) {
  const { t } = useTranslation();
  return (
    <div className="terminal-priority" role="group" aria-labelledby="terminal-priority-title">
      <p className="terminal-service-line">{t('queue.terminal.ticketFor', { service: serviceName })}</p>
      <h2 id="terminal-priority-title">{t('queue.terminal.priorityTitle')}</h2>
      <p>{t('queue.terminal.priorityIntro')}</p>
      <div className="terminal-priority-options">
        <button type="button" className="button-primary terminal-big" data-testid="priority-none" disabled={busy} onClick={() => onChoose(null)}>
          {t('queue.terminal.priorityNone')}
        </button>
        {PriorityCategorySchema.options.map((category) => (
          <button key={category} type="button" className="terminal-big" data-testid={`priority-${category}`} disabled={busy} onClick={() => onChoose(category)}>
            {t(`queue.priority.${category}`)}
          </button>
        ))}
      </div>
      <button type="button" onClick={onBack} disabled={busy}>
        {t('queue.terminal.back')}
      </button>
    </div>
  );
}
