import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

// Booking codes are letters and digits (e.g. BK7Q2M): digits first, then the Latin letters.
const KEYS = [...'1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-'];

export interface CheckInKeypadProps {
  busy: boolean;
  error: string | null;
  onSubmit(code: string): void;
  onBack(): void;
}

/** Booking check-in: a big on-screen keypad (a scanner's burst is handled by the page). */
export function CheckInKeypad({ busy, error, onSubmit, onBack }: CheckInKeypadProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (code.trim().length > 0) onSubmit(code.trim());
  };
  return (
    <form className="terminal-checkin" onSubmit={submit} aria-labelledby="terminal-checkin-title">
      <h2 id="terminal-checkin-title">{t('queue.terminal.checkInTitle')}</h2>
      <p>{t('queue.terminal.checkInIntro')}</p>
      <label htmlFor="checkin-code">{t('queue.terminal.codeLabel')}</label>
      <input
        id="checkin-code"
        data-testid="checkin-code"
        value={code}
        maxLength={32}
        autoComplete="off"
        inputMode="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'checkin-error' : undefined}
        onChange={(event) => setCode(event.target.value.toUpperCase().replace(/[^A-Z0-9-]/g, ''))}
      />
      {error && (
        <p id="checkin-error" className="field-error" role="alert" data-testid="checkin-error">
          {error}
        </p>
      )}
      <div className="terminal-keypad">
        {KEYS.map((key) => (
          <button key={key} type="button" onClick={() => setCode((c) => (c + key).slice(0, 32))}>
            {key}
          </button>
        ))}
        <button type="button" onClick={() => setCode((c) => c.slice(0, -1))} aria-label={t('queue.terminal.keypadBackspace')}>
          ⌫
        </button>
      </div>
      <div className="terminal-actions">
        <button type="button" onClick={onBack} disabled={busy}>
          {t('queue.terminal.back')}
        </button>
        <button type="button" onClick={() => setCode('')} disabled={busy}>
          {t('queue.terminal.keypadClear')}
        </button>
        <button type="submit" className="button-primary" data-testid="checkin-submit" disabled={busy || code.length === 0}>
          {t('queue.terminal.checkInSubmit')}
        </button>
      </div>
    </form>
  );
}
