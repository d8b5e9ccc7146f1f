import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityCategory } from '../../../contract/queue';
import { getQueueApi, type ServiceListItem } from '../../api/queue';
import { resolveBackendUrl } from '../../app/backend';
import { RolePage } from '../../components/RolePage';
import { useQueue } from '../../stores/queue';
import { queueErrorText } from '../desk/error-text';
import { CheckInKeypad } from './CheckInKeypad';
import { IssuedTicketCard, type IssuedTicketInfo, type PrintState } from './IssuedTicketCard';
import { printIssuedTicket, toTicketInfo } from './issue-flow';
import { PriorityStep } from './PriorityStep';
import { classifyTerminalScan, seriesLetters } from './rate-flow';
import { RateVisit } from './RateVisit';
import { ServicePicker } from './ServicePicker';
import { TerminalCamera } from './TerminalCamera';
import { useWedgeScan } from './use-wedge-scan';
import { useInactivity } from './use-inactivity';
import { useTerminalSettings } from './use-terminal-settings';
import './terminal.css';

type Step =
  | { kind: 'services' }
  | { kind: 'priority'; service: ServiceListItem }
  | { kind: 'checkin' }
  | { kind: 'rate'; ticketId: string | null }
  | { kind: 'ticket'; ticket: IssuedTicketInfo; print: PrintState };

/** `/terminal`: the visitors' ticket kiosk — pick a service (or check in a booking), get a ticket; rate a finished visit. */
export function TerminalPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const rawServices = useQueue((s) => s.services);
  // Categories come as ids from the registry; show (and search) them by their name where known.
  const services = useMemo(
    () => rawServices?.map((s) => ({ ...s, category: i18n.exists(`queue.category.${s.category}`) ? t(`queue.category.${s.category}` as 'queue.category.other') : s.category })) ?? null,
    [rawServices, i18n, t],
  );
  const loadError = useQueue((s) => s.loadError.services);
  const paused = useQueue((s) => s.servicesPaused);
  const settings = useTerminalSettings();
  const letters = useMemo(() => seriesLetters(rawServices?.map((s) => s.prefix) ?? [], settings?.priorityPrefix ?? null), [rawServices, settings]);
  const [step, setStep] = useState<Step>({ kind: 'services' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => useQueue.getState().follow('services'), []);
  const reset = useCallback(() => {
    setStep({ kind: 'services' });
    setError(null);
  }, []);
  useInactivity(step.kind !== 'services' && !busy, reset);

  const showTicket = useCallback(
    async (run: () => ReturnType<ReturnType<typeof getQueueApi>['issueTicket']>, serviceName: (id: string) => string) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        const issued = await run();
        const ticket = await toTicketInfo(issued, serviceName(issued.ticket.serviceId), resolveBackendUrl(window));
        setStep({ kind: 'ticket', ticket, print: 'printing' });
        const outcome = await printIssuedTicket(ticket, t, new Date());
        setStep((s) => (s.kind === 'ticket' && s.ticket.ticketId === ticket.ticketId ? { ...s, print: outcome.ok ? 'printed' : 'failed' } : s));
      } catch (failure) {
        setError(queueErrorText(t, failure));
      } finally {
        setBusy(false);
      }
    },
    [busy, t],
  );

  const nameOf = (id: string): string => services?.find((s) => s.serviceId === id)?.name[lang] ?? '';
  const issue = (service: ServiceListItem, priority: PriorityCategory | null): void =>
    void showTicket(() => getQueueApi().issueTicket({ serviceId: service.serviceId, priority }), () => service.name[lang]);
  const checkIn = (code: string): void => void showTicket(() => getQueueApi().checkIn({ code }), nameOf);

  // A scanner (or the camera) reads a booking QR to check in, or a ticket's QR to rate that visit.
  const onScan = (text: string): void => {
    const scan = classifyTerminalScan(text);
    if (scan.kind === 'booking') checkIn(scan.code);
    else if (scan.kind === 'ticket' && !busy) setStep({ kind: 'rate', ticketId: scan.ticketId });
  };
  useWedgeScan(onScan, step.kind === 'services' || step.kind === 'checkin');

  return (
    <RolePage role="terminal" title={t('queue.terminal.title')} intro={t('queue.terminal.intro')}>
      <div className="terminal" data-testid="terminal" data-step={step.kind}>
        {paused && (
          <p className="terminal-air-raid" role="alert" data-testid="terminal-air-raid">
            {t('queue.display.airRaid')}
          </p>
        )}
        {error && step.kind !== 'checkin' && (
          <p className="terminal-notice" role="alert" data-testid="terminal-error">
            {error}
          </p>
        )}
        {step.kind === 'services' && (
          <>
            <div className="terminal-entries">
              <button type="button" className="terminal-big" data-testid="terminal-checkin-open" onClick={() => setStep({ kind: 'checkin' })}>
                {t('queue.terminal.checkIn')}
              </button>
              <button type="button" className="terminal-big" data-testid="terminal-rate-open" onClick={() => setStep({ kind: 'rate', ticketId: null })}>
                {t('queue.terminal.rateOpen')}
              </button>
            </div>
            {services === null && !loadError && <p role="status">{t('queue.terminal.loading')}</p>}
            {services === null && loadError !== undefined && <p role="alert">{t('queue.terminal.loadFailed')}</p>}
            {services && <ServicePicker services={services} lang={lang} onPick={(service) => setStep({ kind: 'priority', service })} />}
          </>
        )}
        {step.kind === 'priority' && (
          <PriorityStep serviceName={step.service.name[lang]} busy={busy} onChoose={(p) => issue(step.service, p)} onBack={reset} />
        )}
        {step.kind === 'checkin' && (
          <div className="terminal-checkin-step">
            <CheckInKeypad busy={busy} error={error} onSubmit={checkIn} onBack={reset} />
            <TerminalCamera autoStart={settings?.camera ?? false} onRead={onScan} />
          </div>
        )}
        {step.kind === 'rate' && <RateVisit letters={letters} cameraAuto={settings?.camera ?? false} initialTicketId={step.ticketId} onDone={reset} />}
        {step.kind === 'ticket' && <IssuedTicketCard ticket={step.ticket} print={step.print} onDone={reset} />}
        {busy && <p role="status" className="terminal-busy">{t('queue.terminal.issuing')}</p>}
      </div>
    </RolePage>
  );
}
