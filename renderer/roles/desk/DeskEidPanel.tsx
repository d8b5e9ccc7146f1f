import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICTS_WITH_DOCUMENT, verdictClassOf, type CheckpointVerifyResponse, type VerdictClass } from '../../../contract/eid';
import { getEidApi } from '../../api/eid';
import { applyKeypadKey, checkKeypadDigits, CODE_DIGITS, groupDigits, type KeypadKey } from '../../scan/keypad';

export interface DeskEidPanelProps {
  onClose(): void;
}

type PanelState = { kind: 'input' } | { kind: 'checking' } | { kind: 'result'; response: CheckpointVerifyResponse } | { kind: 'failed' };

/** A verdict leaves the screen after this long (as at the checkpoint): it shows a person's name. */
export const DESK_EID_CLEAR_MS = 30_000;

const KEYS: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'backspace'];
// Shapes as well as colours, so the verdict reads without colour (and in high contrast).
const CLASS_ICON: Record<VerdictClass, string> = { ok: '✔', stop: '✖', retry: '⟳' };

/**
 * The desk verifies a visitor's e-ID by its 13-digit code, through the checkpoint's verify API:
 * a typo is caught here (never sent), the verdict is shown with the holder's name and position
 * only (no photo, no contacts: the desk needs no more). Esc closes it.
 */
export function DeskEidPanel({ onClose }: DeskEidPanelProps) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [state, setState] = useState<PanelState>({ kind: 'input' });
  const input = useRef<HTMLInputElement | null>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const edit = (next: string): void => {
    setDigits(next);
    setMessage(null);
    if (state.kind !== 'checking') setState({ kind: 'input' });
  };
  const press = (key: KeypadKey): void => {
    edit(applyKeypadKey(digits, key));
    input.current?.focus();
  };
  const verify = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (state.kind === 'checking') return;
    const check = checkKeypadDigits(digits);
    if (check !== 'ok') {
      setMessage(t(check === 'typo' ? 'queue.deskEid.typo' : 'queue.deskEid.incomplete'));
      return;
    }
    setState({ kind: 'checking' });
    try {
      const response = await getEidApi().verify(digits, 'keypad');
      setState({ kind: 'result', response });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  const again = (): void => {
    setDigits('');
    setMessage(null);
    setState({ kind: 'input' });
    input.current?.focus();
  };

  useEffect(() => {
    if (state.kind !== 'result' && state.kind !== 'failed') return;
    const timer = setTimeout(() => {
      setDigits('');
      setState({ kind: 'input' });
    }, DESK_EID_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <section className="desk-dialog desk-eid" role="dialog" aria-modal="false" aria-labelledby="desk-eid-title" data-testid="desk-eid">
      <h2 id="desk-eid-title">{t('queue.deskEid.title')}</h2>
      <form className="desk-eid-form" onSubmit={(event) => void verify(event)}>
        <label htmlFor="desk-eid-code">{t('queue.deskEid.codeLabel')}</label>
        <p id="desk-eid-intro" className="desk-eid-intro">{t('queue.deskEid.intro')}</p>
        <input
          id="desk-eid-code"
          ref={input}
          data-testid="desk-eid-code"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={groupDigits(digits)}
          aria-describedby="desk-eid-intro desk-eid-message"
          aria-invalid={message ? true : undefined}
          onChange={(event) => edit(event.target.value.replace(/\D/g, '').slice(0, CODE_DIGITS))}
        />
        <p id="desk-eid-message" className={message ? 'desk-eid-message desk-error' : 'desk-eid-message'} data-testid="desk-eid-message" role={message ? 'alert' : undefined}>
          {message ?? t('queue.deskEid.count', { count: digits.length })}
        </p>
        <div className="desk-eid-keys">
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              data-testid={`desk-eid-key-${key}`}
              aria-label={key === 'backspace' ? t('queue.deskEid.backspace') : key === 'clear' ? t('queue.deskEid.clear') : t('queue.deskEid.digit', { digit: key })}
              onClick={() => press(key)}
            >
              {key === 'backspace' ? <span aria-hidden="true">⌫</span> : key === 'clear' ? t('queue.deskEid.clear') : key}
            </button>
          ))}
        </div>
        <div className="desk-dialog-actions">
          <span className="desk-eid-hint">{t('queue.deskEid.closeHint')}</span>
          <button type="button" onClick={onClose} data-testid="desk-eid-close">
            {t('queue.deskEid.close')}
          </button>
          <button type="submit" className="button-primary" data-testid="desk-eid-verify" disabled={state.kind === 'checking' || digits.length < CODE_DIGITS}>
            {t('queue.deskEid.verify')}
          </button>
        </div>
      </form>
      {state.kind === 'checking' && <p role="status">{t('queue.deskEid.checking')}</p>}
      {state.kind === 'failed' && (
        <p className="desk-error" role="alert" data-testid="desk-eid-failed">
          {t('queue.deskEid.failed')}
        </p>
      )}
      {state.kind === 'result' && <EidVerdict response={state.response} onAgain={again} />}
    </section>
  );
}

function EidVerdict({ response, onAgain }: { response: CheckpointVerifyResponse; onAgain(): void }) {
  const { t } = useTranslation();
  const verdictClass = verdictClassOf(response.verdict);
  const doc = VERDICTS_WITH_DOCUMENT.includes(response.verdict) ? response.document : undefined;
  return (
    <div className={`desk-eid-result desk-eid-${verdictClass}`} role="status" data-testid="desk-eid-result" data-verdict={response.verdict}>
      <p className="desk-eid-verdict">
        <span className="desk-eid-icon" aria-hidden="true">{CLASS_ICON[verdictClass]}</span>
        <span data-testid="desk-eid-verdict">{t(`eid.verdict.${response.verdict}.title`)}</span>
      </p>
      {doc && (
        <dl className="desk-facts">
          <dt>{t('eid.field.fullName')}</dt>
          <dd data-testid="desk-eid-name">{doc.fullName}</dd>
          <dt>{t('eid.field.position')}</dt>
          <dd data-testid="desk-eid-position">{doc.position}</dd>
        </dl>
      )}
      {!doc && <p className="desk-eid-action">{t(`eid.verdict.${response.verdict}.action`)}</p>}
      <button type="button" onClick={onAgain} data-testid="desk-eid-again">
        {t('queue.deskEid.again')}
      </button>
    </div>
  );
}
