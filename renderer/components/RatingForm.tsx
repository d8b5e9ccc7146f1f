import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RatingReasonSchema, type RatingReason } from '../../contract/queue';
import './rating-form.css';

const SCORES = [1, 2, 3, 4, 5] as const;

export interface RatingFormProps {
  /** The ticket number the visit was served under (`А-012`). */
  number: string;
  busy: boolean;
  /** A message to show (already worded), e.g. why the rating was refused. */
  error: string | null;
  onSubmit(score: number, reasons: RatingReason[]): void;
  onSkip(): void;
}

/**
 * The visitor's rating of one visit: five big stars (a radio group) and optional reason chips.
 * Shared by the desk-side screen and the terminal; the container sends it and says thanks.
 */
export function RatingForm({ number, busy, error, onSubmit, onSkip }: RatingFormProps) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const toggle = (reason: RatingReason): void =>
    setReasons((list) => (list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason]));
  return (
    <div className="rating-form" data-testid="rating-form">
      <h2 id="rating-title">{t('queue.rating.title')}</h2>
      <p className="rating-ticket" data-testid="rating-ticket">{t('queue.rating.ticket', { number })}</p>
      <div className="rating-stars" role="radiogroup" aria-labelledby="rating-title">
        {SCORES.map((value) => {
          const on = score !== null && value <= score;
          return (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={score === value}
              aria-label={t('queue.rating.star', { count: value })}
              className={`rating-star${on ? ' rating-star-on' : ''}`}
              data-testid={`rating-star-${value}`}
              onClick={() => setScore(value)}
            >
              <span aria-hidden="true">{on ? '★' : '☆'}</span>
              <span className="rating-star-value" aria-hidden="true">{value}</span>
            </button>
          );
        })}
      </div>
      <fieldset className="rating-reasons">
        <legend>{t('queue.rating.reasonsTitle')}</legend>
        {RatingReasonSchema.options.map((reason) => (
          <label key={reason} className={`rating-chip${reasons.includes(reason) ? ' rating-chip-on' : ''}`}>
            <input type="checkbox" checked={reasons.includes(reason)} onChange={() => toggle(reason)} data-testid={`rating-reason-${reason}`} />
            {t(`queue.rating.reasons.${reason}`)}
          </label>
        ))}
      </fieldset>
      {error && <p className="rating-error" role="alert" data-testid="rating-error">{error}</p>}
      <div className="rating-actions">
        <button type="button" onClick={onSkip} data-testid="rating-skip">{t('queue.rating.skip')}</button>
        <button
          type="button"
          className="button-primary"
          disabled={score === null || busy}
          onClick={() => score !== null && onSubmit(score, reasons)}
          data-testid="rating-submit"
        >
          {t('queue.rating.submit')}
        </button>
      </div>
    </div>
  );
}
