import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toString as qrToString } from 'qrcode';
import type { PairRequest, PairResponse } from '../../../contract/pairing';
import { ROLES, type Role } from '../../../contract/roles';
import { errorMessageKey, type ErrorMessageKey } from '../../api/error-message';
import { getApiClient } from '../../app/backend';
import { parseDeskNo } from '../../app/role-paths';
import { PairingResult } from './PairingResult';

type PanelState =
  | { kind: 'idle' }
  | { kind: 'creating' }
  | { kind: 'done'; result: PairResponse; qrSrc: string | null }
  | { kind: 'failed'; key: ErrorMessageKey; detail: string };

type FieldError = 'deskNo' | 'label' | null;

/** The link as an SVG QR image (no canvas needed); null if it cannot be drawn. */
async function renderQr(link: string): Promise<string | null> {
  try {
    const svg = await qrToString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch (error) {
    console.warn('[varta] QR rendering failed', error);
    return null;
  }
}

/** The request to send, or the field that is wrong. */
function buildRequest(role: Role, deskNoText: string, label: string): PairRequest | 'deskNo' | 'label' {
  const trimmed = label.trim();
  if (trimmed.length > 80) return 'label';
  if (role !== 'desk') return { role, ...(trimmed ? { label: trimmed } : {}) };
  const deskNo = parseDeskNo(deskNoText.trim());
  if (deskNo === null) return 'deskNo';
  return { role, deskNo, ...(trimmed ? { label: trimmed } : {}) };
}

/** Admin panel that mints a one-time pairing link (text + QR) for another screen. */
export function PairingPanel({ language }: { language: string }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('checkpoint');
  const [deskNo, setDeskNo] = useState('1');
  const [label, setLabel] = useState('');
  const [fieldError, setFieldError] = useState<FieldError>(null);
  const [state, setState] = useState<PanelState>({ kind: 'idle' });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const request = buildRequest(role, deskNo, label);
    if (typeof request === 'string') {
      setFieldError(request);
      return;
    }
    setFieldError(null);
    setState({ kind: 'creating' });
    try {
      const result = await getApiClient().createPairing(request);
      setState({ kind: 'done', result, qrSrc: await renderQr(result.link) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setState({ kind: 'failed', key: errorMessageKey(error), detail });
    }
  };

  return (
    <section className="admin-card" aria-labelledby="pairing-title" data-testid="pairing-panel">
      <h2 id="pairing-title">{t('pairingPanel.title')}</h2>
      <p>{t('pairingPanel.intro')}</p>
      <form className="pairing-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="role-choice">
          <legend>{t('pairingPanel.role')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="pair-role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span>{t(`roles.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        {role === 'desk' && (
          <div className="field">
            <label htmlFor="pair-desk-no">{t('pairingPanel.deskNo')}</label>
            <input
              id="pair-desk-no"
              inputMode="numeric"
              autoComplete="off"
              value={deskNo}
              aria-describedby="pair-desk-no-hint"
              aria-invalid={fieldError === 'deskNo'}
              onChange={(e) => setDeskNo(e.target.value)}
            />
            <p id="pair-desk-no-hint" className={fieldError === 'deskNo' ? 'field-error' : 'field-hint'}>
              {fieldError === 'deskNo' ? t('pairingPanel.deskNoInvalid') : t('pairingPanel.deskNoHint')}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor="pair-label">{t('pairingPanel.label')}</label>
          <input id="pair-label" value={label} maxLength={120} aria-invalid={fieldError === 'label'} onChange={(e) => setLabel(e.target.value)} />
          {fieldError === 'label' && <p className="field-error">{t('pairingPanel.labelInvalid')}</p>}
        </div>
        <button type="submit" className="button button-primary" disabled={state.kind === 'creating'} data-testid="pairing-create">
          {state.kind === 'creating' ? t('pairingPanel.creating') : t('pairingPanel.create')}
        </button>
      </form>
      {state.kind === 'failed' && (
        <div role="alert" className="form-error" data-testid="pairing-error">
          <p>
            {t('pairingPanel.failed')} {t(state.key)}
          </p>
          <p className="error-detail">{t('errors.detail', { detail: state.detail })}</p>
        </div>
      )}
      {state.kind === 'done' && <PairingResult result={state.result} qrSrc={state.qrSrc} language={language} />}
    </section>
  );
}
