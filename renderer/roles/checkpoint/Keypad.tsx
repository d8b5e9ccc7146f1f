import { useTranslation } from 'react-i18next';
import { CODE_DIGITS, groupDigits, type KeypadKey } from '../../scan/keypad';

export interface KeypadProps {
  digits: string;
  /** Shown under the display (e.g. "type all 13 digits"). */
  message: string | null;
  busy: boolean;
  onKey: (key: KeypadKey) => void;
  onVerify: () => void;
}

const DIGIT_ROWS: KeypadKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/** Touch keypad for the 13-digit code: grouped display, 0-9, backspace, clear and verify (keys ≥ 64 px). */
export function Keypad({ digits, message, busy, onKey, onVerify }: KeypadProps) {
  const { t } = useTranslation();
  const digitKey = (key: KeypadKey) => (
    <button key={key} type="button" className="keypad-key" data-testid={`keypad-key-${key}`} aria-label={t('eid.keypad.digit', { digit: key })} onClick={() => onKey(key)}>
      {key}
    </button>
  );
  return (
    <section className="checkpoint-keypad" aria-labelledby="keypad-title">
      <h2 id="keypad-title" className="checkpoint-panel-title">{t('eid.keypad.title')}</h2>
      <output className="keypad-display" data-testid="keypad-display" aria-label={t('eid.keypad.display')} aria-live="polite">
        {digits.length > 0 ? groupDigits(digits) : <span className="keypad-empty">{t('eid.keypad.empty')}</span>}
      </output>
      <p className="keypad-count" data-testid="keypad-message">
        {message ?? t('eid.keypad.count', { count: digits.length })}
      </p>
      <div className="keypad-grid">
        {DIGIT_ROWS.map((row) => row.map(digitKey))}
        <button type="button" className="keypad-key keypad-aux" data-testid="keypad-clear" onClick={() => onKey('clear')}>
          {t('eid.keypad.clear')}
        </button>
        {digitKey('0')}
        <button type="button" className="keypad-key keypad-aux" data-testid="keypad-backspace" aria-label={t('eid.keypad.backspace')} onClick={() => onKey('backspace')}>
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
      <button
        type="button"
        className="keypad-verify"
        data-testid="keypad-verify"
        disabled={busy || digits.length < CODE_DIGITS}
        onClick={onVerify}
      >
        {t('eid.keypad.verify')}
      </button>
    </section>
  );
}
