import { useTranslation } from 'react-i18next';
import type { PriorityCategory } from '../../../contract/queue';

/** The issued ticket as the screen shows it. */
export interface IssuedTicketInfo {
  ticketId: string;
  number: string;
  serviceName: string;
  position: number | null;
  estimatedWaitMin: number | null;
  priority: PriorityCategory | null;
  statusUrl: string;
  qrSvg: string | null;
}

export type PrintState = 'printing' | 'printed' | 'failed';

export interface IssuedTicketCardProps {
  ticket: IssuedTicketInfo;
  print: PrintState;
  onDone(): void;
}

/** The ticket, big, with its QR: shown whatever the printer did. */
export function IssuedTicketCard({ ticket, print, onDone }: IssuedTicketCardProps) {
  const { t } = useTranslation();
  const wait = ticket.estimatedWaitMin === null ? t('queue.noEstimate') : t('queue.minutes', { count: ticket.estimatedWaitMin });
  const ahead = ticket.position === null ? null : Math.max(0, ticket.position - 1);
  return (
    <div className="terminal-ticket" data-testid="terminal-ticket" data-ticket-id={ticket.ticketId}>
      <p className="terminal-ticket-label">{t('queue.terminal.yourTicket')}</p>
      <p className="terminal-ticket-number" data-testid="terminal-ticket-number">
        {ticket.number}
      </p>
      <p className="terminal-ticket-service">{ticket.serviceName}</p>
      {ticket.priority && <p className="terminal-ticket-priority">{t(`queue.priority.${ticket.priority}`)}</p>}
      <p>
        {ahead === null ? null : ahead === 0 ? t('queue.terminal.positionNext') : t('queue.terminal.position', { count: ahead })}
        {' · '}
        {t('queue.terminal.estimatedWait', { wait })}
      </p>
      {ticket.qrSvg && (
        <figure className="terminal-ticket-qr">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`} alt={ticket.statusUrl} data-testid="terminal-ticket-qr" />
          <figcaption>{t('queue.terminal.scanHint')}</figcaption>
        </figure>
      )}
      {print === 'printing' && <p role="status">{t('queue.terminal.printing')}</p>}
      {print === 'failed' && (
        <p className="terminal-notice" role="status" data-testid="terminal-print-failed">
          {t('queue.terminal.printFailed')}
        </p>
      )}
      <button type="button" className="button-primary terminal-big" data-testid="terminal-done" onClick={onDone}>
        {t('queue.terminal.done')}
      </button>
    </div>
  );
}
