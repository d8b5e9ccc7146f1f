import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingReason } from '../../../contract/queue';
import type { VisitLookupQuery, VisitLookupResponse } from '../../../contract/queue-hub';
import { ApiError } from '../../api/errors';
import { getQueueApi } from '../../api/queue';
import { RatingForm } from '../../components/RatingForm';
import { queueErrorText } from '../desk/error-text';
import { classifyTerminalScan, looksLikeTicketNumber, ratableVerdict } from './rate-flow';
import { TerminalCamera } from './TerminalCamera';
import { TicketNumberPad } from './TicketNumberPad';
import { useWedgeScan } from './use-wedge-scan';

export interface RateVisitProps {
  /** Letters for the number pad. */
  letters: readonly string[];
  /** Start the camera without a tap (the admin enabled one). */
  cameraAuto: boolean;
  /** A ticket already scanned on the start screen: look it up at once. */
  initialTicketId: string | null;
  onDone(): void;
}

type Phase = { kind: 'find' } | { kind: 'rate'; visit: VisitLookupResponse } | { kind: 'done'; number: string };

/**
 * "Rate your visit" at the terminal: find the visit (ticket QR by scanner or camera, or the typed
 * number), check it may be rated (finished, not yet rated), then the shared rating form.
 */
export function RateVisit({ letters, cameraAuto, initialTicketId, onDone }: RateVisitProps) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'find' });
  // A ticket scanned on the start screen is looked up as the screen opens.
  const [busy, setBusy] = useState(initialTicketId !== null);
  const [error, setError] = useState<string | null>(null);

  // Asks the hub; only its answer touches the state (so the effect below sets nothing synchronously).
  const lookup = useCallback(
    (query: VisitLookupQuery): Promise<void> =>
      getQueueApi()
        .lookupVisit(query)
        .then(
          (visit) => {
            const verdict = ratableVerdict(visit);
            if (verdict === 'ok') setPhase({ kind: 'rate', visit });
            else if (verdict === 'already_rated') setError(t('queue.terminalRate.alreadyRated', { number: visit.number }));
            else setError(t('queue.terminalRate.notFinished', { number: visit.number, status: t(`queue.status.${visit.status}`) }));
          },
          (failure: unknown) => {
            const notFound = failure instanceof ApiError && failure.status === 404;
            setError(notFound ? t('queue.terminalRate.notFound') : queueErrorText(t, failure));
          },
        )
        .finally(() => setBusy(false)),
    [t],
  );
  const find = (query: VisitLookupQuery): void => {
    setBusy(true);
    setError(null);
    void lookup(query);
  };

  useEffect(() => {
    if (initialTicketId !== null) void lookup({ ticketId: initialTicketId });
  }, [initialTicketId, lookup]);

  const onScan = (text: string): void => {
    if (busy) return;
    const scan = classifyTerminalScan(text);
    if (scan.kind === 'ticket') find({ ticketId: scan.ticketId });
    else setError(t('queue.terminalRate.notTicket'));
  };
  useWedgeScan(onScan, phase.kind === 'find');

  const typed = (number: string): void => {
    if (!looksLikeTicketNumber(number)) setError(t('queue.terminalRate.badNumber'));
    else find({ number });
  };

  const send = async (visit: VisitLookupResponse, score: number, reasons: RatingReason[]): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await getQueueApi().rate({ ticketId: visit.ticketId, score, reasons });
      setPhase({ kind: 'done', number: visit.number });
    } catch (failure) {
      setError(queueErrorText(t, failure));
    } finally {
      setBusy(false);
    }
  };

  if (phase.kind === 'done') {
    return (
      <div className="terminal-rate" data-testid="terminal-rate" data-phase="done">
        <p className="rating-thanks" role="status" data-testid="rating-thanks">{t('queue.rating.thanks')}</p>
        <button type="button" className="button-primary terminal-big" data-testid="rate-done" onClick={onDone}>
          {t('queue.terminal.done')}
        </button>
      </div>
    );
  }
  if (phase.kind === 'rate') {
    return (
      <div className="terminal-rate" data-testid="terminal-rate" data-phase="rate" data-ticket-id={phase.visit.ticketId}>
        <RatingForm
          number={phase.visit.number}
          busy={busy}
          error={error}
          onSubmit={(score, reasons) => void send(phase.visit, score, reasons)}
          onSkip={onDone}
        />
      </div>
    );
  }
  return (
    <section className="terminal-rate" data-testid="terminal-rate" data-phase="find" aria-labelledby="terminal-rate-title">
      <h2 id="terminal-rate-title">{t('queue.terminalRate.title')}</h2>
      <p>{t('queue.terminalRate.intro')}</p>
      {error && (
        <p className="terminal-notice" role="alert" data-testid="rate-error">
          {error}
        </p>
      )}
      {busy && <p role="status">{t('queue.terminalRate.finding')}</p>}
      <div className="terminal-rate-inputs">
        <TicketNumberPad letters={letters} busy={busy} onSubmit={typed} />
        <TerminalCamera autoStart={cameraAuto} onRead={onScan} />
      </div>
      <button type="button" className="terminal-big" data-testid="rate-back" onClick={onDone} disabled={busy}>
        {t('queue.terminal.back')}
      </button>
    </section>
  );
}
