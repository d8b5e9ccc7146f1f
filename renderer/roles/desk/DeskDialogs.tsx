import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface TransferDialogProps {
  number: string;
  services: Array<{ serviceId: string; name: string }>;
  onSubmit(to: { serviceId?: string; deskNo?: number }, reason: string): void;
  onCancel(): void;
}

/** Transfer the held ticket to another service and/or a specific window, with a reason. */
export function TransferDialog({ number, services, onSubmit, onCancel }: TransferDialogProps) {
  const { t } = useTranslation();
  const [serviceId, setServiceId] = useState('');
  const [deskNo, setDeskNo] = useState('');
  const [reason, setReason] = useState('');
  const desk = /^\d{1,3}$/.test(deskNo) ? Number(deskNo) : undefined;
  const ready = reason.trim().length > 0 && (serviceId !== '' || desk !== undefined);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (ready) onSubmit({ ...(serviceId ? { serviceId } : {}), ...(desk !== undefined ? { deskNo: desk } : {}) }, reason.trim());
  };
  return (
    <form className="desk-dialog" role="dialog" aria-modal="true" aria-labelledby="transfer-title" onSubmit={submit} data-testid="transfer-dialog">
      <h2 id="transfer-title">{t('queue.desk.transferTitle', { number })}</h2>
      <label htmlFor="transfer-service">{t('queue.desk.transferService')}</label>
      <select id="transfer-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)} data-testid="transfer-service">
        <option value="">—</option>
        {services.map((s) => (
          <option key={s.serviceId} value={s.serviceId}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="transfer-desk">{t('queue.desk.transferDesk')}</label>
      <input id="transfer-desk" inputMode="numeric" value={deskNo} onChange={(e) => setDeskNo(e.target.value.replace(/\D/g, '').slice(0, 3))} />
      <label htmlFor="transfer-reason">{t('queue.desk.transferReason')}</label>
      <input id="transfer-reason" value={reason} maxLength={200} placeholder={t('queue.desk.transferReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="transfer-reason" />
      <div className="desk-dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('queue.desk.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={!ready} data-testid="transfer-submit">
          {t('queue.desk.confirm')}
        </button>
      </div>
    </form>
  );
}

const BREAK_REASONS = ['lunch', 'short', 'technical', 'other'] as const;

export interface BreakDialogProps {
  onSubmit(reason: string): void;
  onCancel(): void;
}

/** Start a break with a reason (one tap for the common ones). */
export function BreakDialog({ onSubmit, onCancel }: BreakDialogProps) {
  const { t } = useTranslation();
  return (
    <div className="desk-dialog" role="dialog" aria-modal="true" aria-labelledby="break-title" data-testid="break-dialog">
      <h2 id="break-title">{t('queue.desk.breakTitle')}</h2>
      <p>{t('queue.desk.breakReason')}</p>
      <div className="desk-dialog-choices">
        {BREAK_REASONS.map((reason) => (
          <button key={reason} type="button" data-testid={`break-${reason}`} onClick={() => onSubmit(t(`queue.desk.breakReasons.${reason}`))}>
            {t(`queue.desk.breakReasons.${reason}`)}
          </button>
        ))}
      </div>
      <div className="desk-dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('queue.desk.cancel')}
        </button>
      </div>
    </div>
  );
}
