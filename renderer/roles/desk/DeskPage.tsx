import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { parseDeskNo } from '../../app/role-paths';
import { RolePage } from '../../components/RolePage';
import { useQueue } from '../../stores/queue';
import { CurrentVisitor } from './CurrentVisitor';
import { DeskRating } from './DeskRating';
import { availableActions } from './desk-actions';
import { DeskButtons } from './DeskButtons';
import { BreakDialog, TransferDialog } from './DeskDialogs';
import { DeskEidPanel } from './DeskEidPanel';
import { deskShortcut, type DeskAction } from './shortcuts';
import { useDeskCommands } from './use-desk-commands';
import { WaitingList } from './WaitingList';
import './desk.css';

/** `/desk/:no`: one service window. A bad number is said, not guessed. */
export function DeskPage() {
  const { t } = useTranslation();
  const { no } = useParams();
  const deskNo = parseDeskNo(no);
  if (deskNo === null) {
    return (
      <RolePage role="desk" title={t('roles.desk')} intro={t('rolePage.deskIntro')}>
        <p role="alert" data-testid="desk-invalid">
          {t('rolePage.deskInvalid', { no: no ?? '' })}
        </p>
      </RolePage>
    );
  }
  return (
    <RolePage role="desk" title={t('roles.deskNo', { no: deskNo })} intro={t('queue.desk.shortcutsHint')}>
      <DeskModes deskNo={deskNo} />
    </RolePage>
  );
}

// The rating mode is `?mode=rate` on the desk's own path, so a reload lands on it too.
function DeskModes({ deskNo }: { deskNo: number }) {
  const [params, setParams] = useSearchParams();
  if (params.get('mode') === 'rate') return <DeskRating deskNo={deskNo} onClose={() => setParams({})} />;
  return <DeskScreen deskNo={deskNo} onRate={() => setParams({ mode: 'rate' })} />;
}

function DeskScreen({ deskNo, onRate }: { deskNo: number; onRate(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const view = useQueue((s) => (s.deskNo === deskNo ? s.desk : null));
  const services = useQueue((s) => s.services);
  const paused = useQueue((s) => s.display?.paused != null);
  const callReasons = useQueue((s) => s.callReasons);
  const [dialog, setDialog] = useState<'transfer' | 'break' | 'eid' | null>(null);
  const eidButton = useRef<HTMLButtonElement | null>(null);
  const { busy, error, run } = useDeskCommands(deskNo);

  useEffect(() => useQueue.getState().follow('desk', deskNo), [deskNo]);
  useEffect(() => useQueue.getState().follow('services'), []);
  useEffect(() => useQueue.getState().follow('display'), []);

  const available = availableActions(view, paused);
  const current = view?.current ?? null;
  const serviceName = (id: string): string => services?.find((s) => s.serviceId === id)?.name[lang] ?? id;

  const act = (action: DeskAction): void => {
    if (!available.has(action) || busy) return;
    if (action === 'callNext') void run((api) => api.callNext(deskNo));
    else if (action === 'transfer') setDialog('transfer');
    else if (action === 'break') {
      if (view?.onBreak) void run((api) => api.breakEnd(deskNo));
      else setDialog('break');
    } else if (current) {
      const op = ({ recall: 'recall', start: 'start', finish: 'finish', noShow: 'no-show' } as const)[action];
      void run((api) => api.ticketAction(deskNo, op, current.ticketId));
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (dialog) return;
      const action = deskShortcut(event);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!view) return <p role="status">{t('queue.desk.loading')}</p>;
  return (
    <div className="desk" data-testid="desk" data-on-break={view.onBreak ? 'true' : 'false'}>
      {paused && <p className="desk-paused" role="alert">{t('queue.desk.paused')}</p>}
      {view.onBreak && (
        <p className="desk-break" role="status" data-testid="desk-on-break">
          {t('queue.desk.onBreak', { reason: view.onBreak.reason })}
        </p>
      )}
      {error && (
        <p className="desk-error" role="alert" data-testid="desk-error">
          {error}
        </p>
      )}
      <div className="desk-main">
        <CurrentVisitor ticket={current} reason={current ? (callReasons[current.ticketId] ?? null) : null} serviceName={serviceName} />
        <DeskButtons available={available} onBreak={view.onBreak !== null} recalls={current?.recalls ?? 0} busy={busy} onAction={act} />
      </div>
      {dialog === 'transfer' && current && (
        <TransferDialog
          number={current.number}
          services={(services ?? []).map((s) => ({ serviceId: s.serviceId, name: s.name[lang] }))}
          onCancel={() => setDialog(null)}
          onSubmit={(to, reason) => {
            setDialog(null);
            void run((api) => api.transfer(deskNo, { ticketId: current.ticketId, to, reason }));
          }}
        />
      )}
      {dialog === 'break' && (
        <BreakDialog
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            void run((api) => api.breakStart(deskNo, { reason }));
          }}
        />
      )}
      <WaitingList
        waiting={view.waiting}
        canCall={!busy && available.has('callNext')}
        serviceName={serviceName}
        onCall={(ticketId) => void run((api) => api.callTicket(deskNo, ticketId))}
      />
      {dialog === 'eid' && (
        <DeskEidPanel
          onClose={() => {
            setDialog(null);
            eidButton.current?.focus();
          }}
        />
      )}
      <p className="desk-extras">
        <button type="button" onClick={onRate} data-testid="desk-rate-open">
          {t('queue.desk.rate')}
        </button>
        <button type="button" ref={eidButton} onClick={() => setDialog('eid')} data-testid="desk-eid-open" aria-expanded={dialog === 'eid'}>
          {t('queue.deskEid.open')}
        </button>
      </p>
    </div>
  );
}
