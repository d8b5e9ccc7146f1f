import { create } from 'zustand';
import type { PortalStatus, Status } from '../../contract/status';
import type { StreamState } from '../api/stream-logic';

/** How the status bar names the backend connection (also its `data-state`). */
export type ConnectionView = 'connected' | 'connecting' | 'offline' | 'unauthorised';
/** How the status bar names portal reachability (also its `data-state`). */
export type PortalView = 'reachable' | 'unreachable' | 'unknown';

export interface ConnectionState {
  /** `idle` until there is a token to connect with. */
  stream: StreamState | 'idle';
  /** Whether the stream was ever open in this page's life (to say "reconnecting" rather than "connecting"). */
  everConnected: boolean;
  lastSeq: number;
  status: Status | null;
  setStream(stream: StreamState | 'idle'): void;
  setLastSeq(seq: number): void;
  setStatus(status: Status): void;
  setPortal(portal: PortalStatus): void;
  reset(): void;
}

const INITIAL = { stream: 'idle' as const, everConnected: false, lastSeq: 0, status: null };

/** Connection slice: event-stream state, last seq seen and the backend's status. */
export const useConnection = create<ConnectionState>()((set) => ({
  ...INITIAL,
  setStream: (stream) => set((s) => ({ stream, everConnected: s.everConnected || stream === 'open' })),
  setLastSeq: (lastSeq) => set({ lastSeq }),
  setStatus: (status) => set({ status }),
  setPortal: (portal) => set((s) => (s.status ? { status: { ...s.status, portal } } : {})),
  reset: () => set(INITIAL),
}));

/** The connection as the user sees it. */
export function selectConnectionView(state: Pick<ConnectionState, 'stream'>): ConnectionView {
  switch (state.stream) {
    case 'open':
      return 'connected';
    case 'connecting':
      return 'connecting';
    case 'closed':
      return 'offline';
    case 'unauthorised':
    case 'idle':
      return 'unauthorised';
  }
}

/** Portal reachability as the user sees it; unknown while the backend itself is out of reach. */
export function selectPortalView(state: Pick<ConnectionState, 'stream' | 'status'>): PortalView {
  const view = selectConnectionView(state);
  if (!state.status || view === 'offline' || view === 'unauthorised') return 'unknown';
  return state.status.portal.reachable ? 'reachable' : 'unreachable';
}

/** True when the backend runs against the portal simulator. */
export function selectIsTraining(state: Pick<ConnectionState, 'status'>): boolean {
  return state.status?.mode === 'training';
}
