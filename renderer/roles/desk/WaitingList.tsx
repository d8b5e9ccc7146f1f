import { useTranslation } from 'react-i18next';
import type { DeskView } from '../../../contract/queue';

export interface WaitingListProps {
  waiting: DeskView['waiting'];
  canCall: boolean;
  serviceName(id: string): string;
  onCall(ticketId: string): void;
}

/** The desk's waiting list in the order call-next would take it, with why each is where it is. */
export function WaitingList({ waiting, canCall, serviceName, onCall }: WaitingListProps) {
  const { t } = useTranslation();
  return (
    <section className="desk-waiting" aria-labelledby="desk-waiting-title">
      <h2 id="desk-waiting-title">{t('queue.desk.waitingTitle', { count: waiting.length })}</h2>
      {waiting.length === 0 ? (
        <p>{t('queue.desk.waitingEmpty')}</p>
      ) : (
        <ol className="desk-waiting-list" data-testid="desk-waiting">
          {waiting.map(({ ticket, reason, waitedMs }) => (
            <li key={ticket.ticketId} data-testid={`desk-waiting-${ticket.number}`}>
              <span className="desk-waiting-number">{ticket.number}</span>
              <span className="desk-waiting-service">{serviceName(ticket.serviceId)}</span>
              <span className={`desk-reason desk-reason-${reason}`}>{t(`queue.reason.${reason}`)}</span>
              <span className="desk-waiting-time">{t('queue.desk.waited', { min: Math.floor(waitedMs / 60_000) })}</span>
              <button type="button" disabled={!canCall} onClick={() => onCall(ticket.ticketId)} aria-label={t('queue.desk.callTicket', { number: ticket.number })}>
                {t('queue.desk.call')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
