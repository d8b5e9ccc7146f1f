import { create } from 'zustand';
import type { SyncQuarantinedItem, SyncStatus } from '../../contract/sync';
import { getSyncApi } from '../api/sync';
import { errorMessageKey, type ErrorMessageKey } from '../api/error-message';
import { ApiError } from '../api/errors';

/** A failed admin action: the message key, the server's own words, and its problem code. */
export interface SyncActionError {
  messageKey: ErrorMessageKey;
  detail: string | null;
  code: string | null;
}

export interface SyncState {
  status: SyncStatus | null;
  quarantined: SyncQuarantinedItem[];
  busy: boolean;
  actionError: SyncActionError | null;
  /** What the last successful action was (for a polite confirmation). */
  lastAction: 'enrolled' | 'unenrolled' | 'pulled' | 'retried' | 'pinSet' | 'modeSaved' | null;
  load(): Promise<void>;
  setStatus(status: SyncStatus): void;
  enroll(code: string, deviceName?: string): Promise<void>;
  unenroll(): Promise<void>;
  pull(): Promise<void>;
  loadQuarantined(): Promise<void>;
  retryQuarantined(): Promise<void>;
  setAdminPin(pin: string, currentPin?: string): Promise<void>;
  switchMode(mode: 'training' | 'production', pin: string, portalUrl?: string): Promise<void>;
}

function toActionError(error: unknown): SyncActionError {
  return {
    messageKey: errorMessageKey(error),
    detail: error instanceof ApiError ? (error.detail ?? null) : null,
    code: error instanceof ApiError ? error.code : null,
  };
}

/** Portal sync's slice: the status (from GET and `sync.status_changed`) and the admin actions. */
export const useSync = create<SyncState>((set) => {
  async function act(lastAction: NonNullable<SyncState['lastAction']>, work: () => Promise<SyncStatus>): Promise<void> {
    set({ busy: true, actionError: null, lastAction: null });
    try {
      set({ status: await work(), lastAction });
    } catch (error) {
      set({ actionError: toActionError(error) });
    } finally {
      set({ busy: false });
    }
  }
  return {
    status: null,
    quarantined: [],
    busy: false,
    actionError: null,
    lastAction: null,
    load: async () => {
      try {
        set({ status: await getSyncApi().status() });
      } catch {
        // The status bar keeps the last known status; the connection indicator says why.
      }
    },
    setStatus: (status) => set({ status }),
    enroll: (code, deviceName) => act('enrolled', () => getSyncApi().enroll(code, deviceName)),
    unenroll: () => act('unenrolled', () => getSyncApi().unenroll()),
    pull: () => act('pulled', () => getSyncApi().pull()),
    loadQuarantined: async () => {
      try {
        set({ quarantined: await getSyncApi().quarantined() });
      } catch (error) {
        set({ actionError: toActionError(error) });
      }
    },
    retryQuarantined: async () => {
      await act('retried', () => getSyncApi().retryQuarantined());
      set({ quarantined: [] });
    },
    setAdminPin: (pin, currentPin) => act('pinSet', () => getSyncApi().setAdminPin(pin, currentPin)),
    switchMode: (mode, pin, portalUrl) => act('modeSaved', () => getSyncApi().switchMode(mode, pin, portalUrl)),
  };
});
