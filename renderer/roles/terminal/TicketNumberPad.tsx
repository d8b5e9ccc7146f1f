import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const DIGITS = [...'1234567890'];

export interface TicketNumberPadProps {
  /** Series letters to offer (the services' prefixes and the priority series). */
  letters: readonly string[];
  busy: boolean;
  onSubmit(number: string): void;
}

/** Split typed text into its letter and digits, as the pad keeps it (`А012`). */
function normalise(text: string): string {
  const upper = text.toLocaleUpperCase('uk').replace(/[^\p{L}\d]/gu, '');
  const letter = /^\p{L}/u.exec(upper)?.[0] ?? '';
  const digits = upper.replace(/\D/g, '').slice(0, 6);
  return letter + digits;
}

/** The ticket number on a big touch pad: one letter (tap replaces it), then digits; a keyboard works too. */
export function TicketNumberPad({ letters, busy, onSubmit }: TicketNumberPadProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const letter = /^\p{L}/u.exec(value)?.[0] ?? '';
  const digits = value.slice(letter.length);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (value.length > 0 && !busy) onSubmit(letter && digits ? `${letter}-${digits}` : value);
  };
  return (
    <form className="terminal-checkin terminal-number-pad" onSubmit={submit} aria-label={t('queue.terminalRate.numberLabel')}>
      <label htmlFor="rate-number">{t('queue.terminalRate.numberLabel')}</label>
      <input
        id="rate-number"
        data-testid="rate-number"
        value={letter && digits ? `${letter}-${digits}` : value}
        maxLength={12}
        autoComplete="off"
        inputMode="text"
        placeholder="А-012"
        onChange={(event) => setValue(normalise(event.target.value))}
      />
      <div className="terminal-letters" role="group" aria-label={t('queue.terminalRate.letters')}>
        {letters.map((l) => (
          <button
            key={l}
            type="button"
            data-testid={`rate-letter-${l}`}
            aria-label={t('queue.terminalRate.letter', { letter: l })}
            aria-pressed={letter === l}
            onClick={() => setValue(l + digits)}
          >
            {l}
          </button>
        ))}
      </div>
      <div className="terminal-keypad">
        {DIGITS.map((d) => (
          <button key={d} type="button" data-testid={`rate-digit-${d}`} aria-label={t('queue.terminalRate.digit', { digit: d })} onClick={() => setValue((v) => normalise(v + d))}>
            {d}
          </button>
        ))}
      </div>
      <div className="terminal-actions">
        <button type="button" onClick={() => setValue((v) => v.slice(0, -1))} aria-label={t('queue.terminal.keypadBackspace')}>
          ⌫
        </button>
        <button type="button" onClick={() => setValue('')}>
          {t('queue.terminal.keypadClear')}
        </button>
        <button type="submit" className="button-primary terminal-big" data-testid="rate-find" disabled={busy || value.length === 0}>
          {t('queue.terminalRate.find')}
        </button>
      </div>
    </form>
  );
}
