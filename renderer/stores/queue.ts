import { create } from 'zustand';
import type { CallReason, DeskView, DisplayView } from '../../contract/queue';
import { getQueueApi, type ServiceListItem } from '../api/queue';

/** Which view a mounted screen follows; events refetch only these. */
export type QueueViewKind = 'display' | 'desk' | 'services';

export interface QueueState {
  services: ServiceListItem[] | null;
  /** The center is paused (air raid), as the services answer says. */
  servicesPaused: boolean;
  display: DisplayView | null;
  desk: DeskView | null;
  /** The desk number the desk view belongs to (null: no desk screen mounted). */
  deskNo: number | null;
  /** Views mounted screens follow. */
  following: Partial<Record<QueueViewKind, true>>;
  /** The last load failure per view (cleared by a successful load). */
  loadError: Partial<Record<QueueViewKind, unknown>>;
  /** Why each ticket was last called (from `ticket.called` events and the desk's own calls). */
  callReasons: Record<string, CallReason>;
  /** The visit each desk finished last, for the desk-side rating screen. */
  lastFinished: Record<number, { ticketId: string; number: string }>;
  follow(kind: QueueViewKind, deskNo?: number): () => void;
  noteCallReason(ticketId: string, reason: CallReason): void;
  noteFinished(deskNo: number, ticket: { ticketId: string; number: string }): void;
  setDesk(view: DeskView): void;
  /** Refetch every followed view (what backend queue events trigger). */
  refresh(kinds?: QueueViewKind[]): Promise<void>;
}

// One fetch per view at a time: an event burst while a fetch runs triggers exactly one more.
const inFlight = new Map<QueueViewKind, Promise<void>>();
const dirty = new Set<QueueViewKind>();

async function load(kind: QueueViewKind): Promise<void> {
  const api = getQueueApi();
  const state = useQueue.getState();
  try {
    if (kind === 'display') useQueue.setState({ display: await api.display() });
    else if (kind === 'services') {
      const list = await api.services();
      useQueue.setState({ services: list.services, servicesPaused: list.paused });
    }
    else if (state.deskNo !== null) {
      const no = state.deskNo;
      const view = await api.desk(no);
      if (useQueue.getState().deskNo === no) useQueue.setState({ desk: view });
    }
    useQueue.setState((s) => ({ loadError: { ...s.loadError, [kind]: undefined } }));
  } catch (error) {
    useQueue.setState((s) => ({ loadError: { ...s.loadError, [kind]: error } }));
  }
}

function refetch(kind: QueueViewKind): Promise<void> {
  const running = inFlight.get(kind);
  if (running) {
    dirty.add(kind);
    return running;
  }
  const run = load(kind).finally(() => {
    inFlight.delete(kind);
    if (dirty.delete(kind) && useQueue.getState().following[kind]) void refetch(kind);
  });
  inFlight.set(kind, run);
  return run;
}

/** Queue slice: the views the terminal, desk and display screens show, kept fresh by events. */
export const useQueue = create<QueueState>()((set, get) => ({
  services: null,
  servicesPaused: false,
  display: null,
  desk: null,
  deskNo: null,
  following: {},
  loadError: {},
  callReasons: {},
  lastFinished: {},
  noteCallReason: (ticketId, reason) => set((s) => ({ callReasons: { ...s.callReasons, [ticketId]: reason } })),
  noteFinished: (deskNo, ticket) => set((s) => ({ lastFinished: { ...s.lastFinished, [deskNo]: ticket } })),
  follow(kind, deskNo) {
    if (kind === 'desk' && deskNo !== undefined && get().deskNo !== deskNo) set({ deskNo, desk: null });
    set((s) => ({ following: { ...s.following, [kind]: true } }));
    void refetch(kind);
    return () => set((s) => ({ following: { ...s.following, [kind]: undefined } }));
  },
  setDesk: (view) => set({ desk: view }),
  async refresh(kinds) {
    const followed = (Object.keys(get().following) as QueueViewKind[]).filter((k) => get().following[k]);
    await Promise.all(followed.filter((k) => !kinds || kinds.includes(k)).map((k) => refetch(k)));
  },
}));
