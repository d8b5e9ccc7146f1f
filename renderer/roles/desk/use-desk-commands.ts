import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskActionResponse } from '../../../contract/queue-hub';
import { getQueueApi } from '../../api/queue';
import { useQueue } from '../../stores/queue';
import { queueErrorText } from './error-text';

/** Runs desk commands one at a time; the answer (a DeskView) replaces the screen's view at once. */
export function useDeskCommands(deskNo: number) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (command: (api: ReturnType<typeof getQueueApi>) => Promise<DeskActionResponse>): Promise<boolean> => {
      if (busy) return false;
      setBusy(true);
      setError(null);
      const before = useQueue.getState().desk;
      try {
        const { desk: view, ticket } = await command(getQueueApi());
        const store = useQueue.getState();
        // Remember why the new visitor was called (from the list the desk saw) and who just finished.
        const called = view.current && view.current.ticketId !== before?.current?.ticketId ? view.current : null;
        const entry = called ? before?.waiting.find((w) => w.ticket.ticketId === called.ticketId) : undefined;
        if (called && entry && !store.callReasons[called.ticketId]) store.noteCallReason(called.ticketId, entry.reason);
        if (ticket?.status === 'done') store.noteFinished(deskNo, { ticketId: ticket.ticketId, number: ticket.number });
        store.setDesk(view);
        return true;
      } catch (failure) {
        setError(queueErrorText(t, failure));
        void useQueue.getState().refresh(['desk']);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy, deskNo, t],
  );
  return { busy, error, run, clearError: () => setError(null) };
}
