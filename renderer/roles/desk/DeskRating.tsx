import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RatingReasonSchema, type RatingReason } from '../../../contract/queue';
import { getQueueApi } from '../../api/queue';
import { useQueue } from '../../stores/queue';
import { queueErrorText } from './error-text';

const SCORES = [1, 2, 3, 4, 5] as const;

export interface DeskRatingProps {
  deskNo: number;
  onClose(): void;
}

/** The visitor-facing rating screen for the visit this desk finished last: big 1–5 stars, optional reasons. */
export function DeskRating({ deskNo, onClose }: DeskRatingProps) {
  const { t } = useTranslation();
  const visit = useQueue((s) => s.lastFinished[deskNo] ?? null);
  const [score, setScore] = useState<number | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'done' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const [ratedId, setRatedId] = useState<string | null>(null);

  if (!visit) {
    return (
      <div className="desk-rating" data-testid="desk-rating">
        <p data-testid="rating-nothing">{t('queue.rating.nothing')}</p>
        <button type="button" onClick={onClose}>{t('queue.desk.back')}</button>
      </div>
    );
  }
  if (state.kind === 'done' && ratedId === visit.ticketId) {
    return (
      <div className="desk-rating" data-testid="desk-rating">
        <p className="desk-rating-thanks" role="status" data-testid="rating-thanks">{t('queue.rating.thanks')}</p>
        <button type="button" onClick={onClose} data-testid="rating-back">{t('queue.desk.back')}</button>
      </div>
    );
  }
  const toggle = (reason: RatingReason): void =>
    setReasons((list) => (list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason]));
  const send = async (): Promise<void> => {
    if (score === null || state.kind === 'sending') return;
    setState({ kind: 'sending' });
    try {
      await getQueueApi().rate({ ticketId: visit.ticketId, score, reasons });
      setRatedId(visit.ticketId);
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'error', message: queueErrorText(t, error) });
    }
  };
  return (
    <div className="desk-rating" data-testid="desk-rating" data-ticket-id={visit.ticketId}>
      <h2>{t('queue.rating.title')}</h2>
      <p className="desk-rating-ticket">{t('queue.rating.ticket', { number: visit.number })}</p>
      <div className="desk-stars" role="radiogroup" aria-label={t('queue.rating.title')}>
        {SCORES.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={score === value}
            aria-label={t('queue.rating.star', { count: value })}
            className={`desk-star${score !== null && value <= score ? ' desk-star-on' : ''}`}
            data-testid={`rating-star-${value}`}
            onClick={() => setScore(value)}
          >
            <span aria-hidden="true">{score !== null && value <= score ? '★' : '☆'}</span>
            <span className="desk-star-value" aria-hidden="true">{value}</span>
          </button>
        ))}
      </div>
      <fieldset className="desk-rating-reasons">
        <legend>{t('queue.rating.reasonsTitle')}</legend>
        {RatingReasonSchema.options.map((reason) => (
          <label key={reason} className={`desk-chip${reasons.includes(reason) ? ' desk-chip-on' : ''}`}>
            <input type="checkbox" checked={reasons.includes(reason)} onChange={() => toggle(reason)} data-testid={`rating-reason-${reason}`} />
            {t(`queue.rating.reasons.${reason}`)}
          </label>
        ))}
      </fieldset>
      {state.kind === 'error' && <p className="desk-error" role="alert" data-testid="rating-error">{state.message}</p>}
      <div className="desk-dialog-actions">
        <button type="button" onClick={onClose}>{t('queue.rating.skip')}</button>
        <button type="button" className="button-primary" disabled={score === null || state.kind === 'sending'} onClick={() => void send()} data-testid="rating-submit">
          {t('queue.rating.submit')}
        </button>
      </div>
    </div>
  );
}
