import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TicketStatusView } from '../../../contract/queue';
import { ApiError } from '../../api/errors';
import { getQueueApi } from '../../api/queue';
import './ticket-status.css';

/** How often the public page asks again: it has no event token, so a timer is the honest way. */
export const STATUS_REFRESH_MS = 15_000;

type Load = { kind: 'loading' } | { kind: 'ok'; view: TicketStatusView; at: Date } | { kind: 'notFound' } | { kind: 'failed'; last: TicketStatusView | null };

function useTicketStatus(id: string): Load {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    const fetchOnce = async (): Promise<void> => {
      try {
        const view = await getQueueApi().ticketStatus(id);
        if (alive) setLoad({ kind: 'ok', view, at: new Date() });
      } catch (error) {
        if (!alive) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setLoad({ kind: 'notFound' });
        else setLoad((prev) => ({ kind: 'failed', last: prev.kind === 'ok' ? prev.view : prev.kind === 'failed' ? prev.last : null }));
      }
    };
    void fetchOnce();
    const timer = setInterval(() => void fetchOnce(), STATUS_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [id]);
  return load;
}

/** `/t/:id`: a visitor's own ticket on their phone — position, estimated wait, called to which window. */
export function TicketStatusPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const load = useTicketStatus(id);
  const view = load.kind === 'ok' ? load.view : load.kind === 'failed' ? load.last : null;
  return (
    <section className="ticket-status" aria-labelledby="ticket-status-title" data-testid="ticket-status" data-status={view?.status ?? load.kind}>
      <h1 id="ticket-status-title">{t('queue.ticketStatus.title')}</h1>
      {load.kind === 'loading' && <p role="status">{t('queue.ticketStatus.loading')}</p>}
      {load.kind === 'notFound' && <p role="alert">{t('queue.ticketStatus.notFound')}</p>}
      {load.kind === 'failed' && <p role="alert" className="ticket-status-warn">{t('queue.ticketStatus.failed')}</p>}
      {view && <StatusCard view={view} />}
      {load.kind === 'ok' && (
        <p className="ticket-status-updated">
          {t('queue.ticketStatus.updated', { time: load.at.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'uk-UA', { hour: '2-digit', minute: '2-digit' }) })}
        </p>
      )}
    </section>
  );
}

function StatusCard({ view }: { view: TicketStatusView }) {
  const { t } = useTranslation();
  const wait = view.estimatedWaitMin === null ? t('queue.noEstimate') : t('queue.minutes', { count: view.estimatedWaitMin });
  const desk = view.deskNo ?? 0;
  const headline =
    view.status === 'waiting' ? t('queue.ticketStatus.waiting')
    : view.status === 'called' ? t('queue.ticketStatus.called', { no: desk })
    : view.status === 'serving' ? t('queue.ticketStatus.serving', { no: desk })
    : view.status === 'done' ? t('queue.ticketStatus.done')
    : t(`queue.status.${view.status}`);
  return (
    <div className={`ticket-status-card ticket-status-${view.status}`} aria-live="polite">
      {view.paused && <p className="ticket-status-paused" role="alert">{t('queue.ticketStatus.paused')}</p>}
      <p className="ticket-status-number" data-testid="ticket-status-number">{view.number}</p>
      <p className="ticket-status-headline" data-testid="ticket-status-headline">{headline}</p>
      {view.status === 'waiting' && view.position !== null && (
        <p>{view.position <= 1 ? t('queue.ticketStatus.positionNext') : t('queue.ticketStatus.position', { count: view.position - 1 })}</p>
      )}
      {view.status === 'waiting' && <p>{t('queue.ticketStatus.estimatedWait', { wait })}</p>}
    </div>
  );
}
