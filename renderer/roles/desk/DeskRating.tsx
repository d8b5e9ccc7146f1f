import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingReason } from '../../../contract/queue';
import { getQueueApi } from '../../api/queue';
import { RatingForm } from '../../components/RatingForm';
import { useQueue } from '../../stores/queue';
import { queueErrorText } from './error-text';

export interface DeskRatingProps {
  deskNo: number;
  onClose(): void;
}

/** The visitor-facing rating screen for the visit this desk finished last: big 1–5 stars, optional reasons. */
export function DeskRating({ deskNo, onClose }: DeskRatingProps) {
  const { t } = useTranslation();
  const visit = useQueue((s) => s.lastFinished[deskNo] ?? null);
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
        <p className="rating-thanks" role="status" data-testid="rating-thanks">{t('queue.rating.thanks')}</p>
        <button type="button" onClick={onClose} data-testid="rating-back">{t('queue.desk.back')}</button>
      </div>
    );
  }
  const send = async (score: number, reasons: RatingReason[]): Promise<void> => {
    if (state.kind === 'sending') return;
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
      <RatingForm
        key={visit.ticketId}
        number={visit.number}
        busy={state.kind === 'sending'}
        error={state.kind === 'error' ? state.message : null}
        onSubmit={(score, reasons) => void send(score, reasons)}
        onSkip={onClose}
      />
    </div>
  );
}
