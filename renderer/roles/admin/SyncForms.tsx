import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../contract/sync';
import { useSync } from '../../stores/sync';

interface FormProps {
  status: SyncStatus;
  busy: boolean;
}

/** Enrollment: the code from the portal (training mode lists the simulator's demo codes). */
export function SyncEnrollForm({ status, busy }: FormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() !== '') void useSync.getState().enroll(code, name.trim() || undefined);
  };
  return (
    <form className="sync-form" onSubmit={submit} aria-labelledby="sync-enroll-title" data-testid="sync-enroll-form">
      <h3 id="sync-enroll-title">{t('sync.panel.enrollTitle')}</h3>
      <div className="field">
        <label htmlFor="sync-code">{t('sync.panel.code')}</label>
        <input id="sync-code" autoComplete="off" value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} data-testid="sync-code" />
      </div>
      <div className="field">
        <label htmlFor="sync-device-name">{t('sync.panel.deviceName')}</label>
        <input id="sync-device-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </div>
      {status.demoEnrollmentCodes.length > 0 && (
        <div className="sync-demo-codes" data-testid="sync-demo-codes">
          <p>{t('sync.panel.demoCodes')}</p>
          {status.demoEnrollmentCodes.map((c) => (
            <button key={c} type="button" className="button" aria-label={t('sync.panel.useCode', { code: c })} onClick={() => setCode(c)}>
              {c}
            </button>
          ))}
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={busy || code.trim() === ''} data-testid="sync-enroll">
        {t('sync.panel.enroll')}
      </button>
    </form>
  );
}

/** The admin PIN: set on first use; changing it needs the current one. */
export function SyncPinForm({ status, busy }: FormProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [current, setCurrent] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void useSync.getState().setAdminPin(pin, status.adminPinSet ? current : undefined);
    setPin('');
    setCurrent('');
  };
  return (
    <form className="sync-form" onSubmit={submit} aria-labelledby="sync-pin-title" data-testid="sync-pin-form">
      <h3 id="sync-pin-title">{t('sync.panel.pinTitle')}</h3>
      {status.adminPinSet && (
        <div className="field">
          <label htmlFor="sync-pin-current">{t('sync.panel.pinCurrent')}</label>
          <input id="sync-pin-current" type="password" inputMode="numeric" autoComplete="off" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="sync-pin-new">{t('sync.panel.pinNew')}</label>
        <input id="sync-pin-new" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} data-testid="sync-pin-new" />
      </div>
      <button type="submit" className="button" disabled={busy || pin === ''} data-testid="sync-pin-save">
        {t('sync.panel.pinSave')}
      </button>
    </form>
  );
}

/** Mode switch (training ↔ production): needs the admin PIN; saved to config.json, takes effect after a restart. */
export function SyncModeForm({ status, busy }: FormProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'training' | 'production'>(status.mode === 'training' ? 'production' : 'training');
  const [url, setUrl] = useState('');
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void useSync.getState().switchMode(mode, pin, url.trim() || undefined);
    setPin('');
  };
  return (
    <form className="sync-form" onSubmit={submit} aria-labelledby="sync-mode-title" data-testid="sync-mode-form">
      <h3 id="sync-mode-title">{t('sync.panel.modeTitle')}</h3>
      {!status.adminPinSet && <p>{t('sync.panel.pinNeeded')}</p>}
      <fieldset className="role-choice">
        <legend>{t('sync.panel.modeChoice')}</legend>
        {(['training', 'production'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="sync-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span>{t(`sync.panel.modes.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      {mode === 'production' && (
        <div className="field">
          <label htmlFor="sync-portal-url">{t('sync.panel.portalUrl')}</label>
          <input id="sync-portal-url" inputMode="url" autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="sync-mode-pin">{t('sync.panel.pin')}</label>
        <input id="sync-mode-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy || pin === '' || !status.adminPinSet} data-testid="sync-mode-save">
        {t('sync.panel.modeSave')}
      </button>
    </form>
  );
}
