import { useTranslation } from 'react-i18next';
import type { CallReason, TicketView } from '../../../contract/queue';

export interface CurrentVisitorProps {
  ticket: TicketView | null;
  reason: CallReason | null;
  serviceName(id: string): string;
}

/** The visitor the desk holds: number, service chain (current step marked), why they were called. */
export function CurrentVisitor({ ticket, reason, serviceName }: CurrentVisitorProps) {
  const { t } = useTranslation();
  if (!ticket) {
    return (
      <section className="desk-current desk-current-empty" aria-labelledby="desk-current-title">
        <h2 id="desk-current-title">{t('queue.desk.current')}</h2>
        <p data-testid="desk-no-current">{t('queue.desk.noCurrent')}</p>
      </section>
    );
  }
  return (
    <section className="desk-current" aria-labelledby="desk-current-title" data-testid="desk-current" data-ticket-id={ticket.ticketId} data-status={ticket.status}>
      <h2 id="desk-current-title">{t('queue.desk.current')}</h2>
      <p className="desk-current-number" data-testid="desk-current-number">
        {ticket.number}
      </p>
      <dl className="desk-facts">
        <dt>{t('queue.desk.statusLabel')}</dt>
        <dd data-testid="desk-current-status">{t(`queue.status.${ticket.status}`)}</dd>
        {reason && (
          <>
            <dt>{t('queue.desk.calledBecause')}</dt>
            <dd data-testid="desk-current-reason">{t(`queue.reason.${reason}`)}</dd>
          </>
        )}
        {ticket.priority && (
          <>
            <dt>{t('queue.print.priority')}</dt>
            <dd>{t(`queue.priority.${ticket.priority}`)}</dd>
          </>
        )}
        <dt>{t('queue.desk.chain')}</dt>
        <dd>
          <ol className="desk-chain">
            {ticket.chain.map((id, index) => (
              <li key={`${id}-${index}`} aria-current={index === ticket.step ? 'step' : undefined}>
                {serviceName(id)}
              </li>
            ))}
          </ol>
        </dd>
        {ticket.recalls > 0 && (
          <>
            <dt aria-hidden="true" />
            <dd>{t('queue.desk.recalls', { count: ticket.recalls })}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
