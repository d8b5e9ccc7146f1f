import { toString as qrToString } from 'qrcode';
import type { IssuedTicket } from '../../api/queue';
import type { TFunction } from 'i18next';
import type { IssuedTicketInfo } from './IssuedTicketCard';
import { printTicket, type PrintOutcome } from './print-ticket';
import { renderTicketHtml } from './ticket-template';

/** The ticket the screen shows, with its status-page QR (absolute URL on the hub). */
export async function toTicketInfo(issued: IssuedTicket, serviceName: string, origin: string): Promise<IssuedTicketInfo> {
  const statusUrl = new URL(issued.statusUrl, `${origin}/`).toString();
  // The number alone still works if the QR cannot be made; the QR is a convenience.
  const qrSvg = await qrToString(statusUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).catch(() => null);
  return {
    ticketId: issued.ticket.ticketId,
    number: issued.ticket.number,
    serviceName,
    position: issued.position,
    estimatedWaitMin: issued.estimatedWaitMin,
    priority: issued.ticket.priority,
    statusUrl,
    qrSvg,
  };
}

/** Render and print the ticket; the outcome only decides whether a calm notice is shown. */
export function printIssuedTicket(ticket: IssuedTicketInfo, t: TFunction, now: Date): Promise<PrintOutcome> {
  const ahead = ticket.position === null ? null : Math.max(0, ticket.position - 1);
  const html = renderTicketHtml({
    number: ticket.number,
    serviceName: ticket.serviceName,
    position: ahead === null ? '—' : String(ahead),
    wait: ticket.estimatedWaitMin === null ? '—' : t('queue.minutes', { count: ticket.estimatedWaitMin }),
    issuedAt: now.toLocaleString('uk-UA', { dateStyle: 'short', timeStyle: 'short' }),
    priority: ticket.priority ? t(`queue.priority.${ticket.priority}`) : null,
    qrSvg: ticket.qrSvg,
    labels: {
      title: t('queue.print.title'), center: t('queue.print.center'), service: t('queue.print.service'),
      position: t('queue.print.position'), wait: t('queue.print.wait'), issuedAt: t('queue.print.issuedAt'),
      scan: t('queue.print.scan'), priority: t('queue.print.priority'),
    },
  });
  return printTicket(html);
}
