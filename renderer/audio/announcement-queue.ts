import { composeAnnouncement } from './compose';

/** Plays a list of clips to the end; rejects when playing is impossible (e.g. autoplay refused). */
export interface ClipPlayer {
  play(clips: string[]): Promise<void>;
}

/** One call to announce. */
export interface Announcement {
  number: string;
  deskNo: number;
}

/** What the display (and the e2e test) can see of the queue. */
export interface AnnouncementQueueState {
  /** Announcements waiting, the one playing excluded. */
  pending: Announcement[];
  playing: Announcement | null;
  /** The last announcement queued, `А-012|3`. */
  last: string | null;
  /** Announcements queued since start. */
  queued: number;
  played: number;
  failed: number;
  /** The last play failure's error name (`NotAllowedError` = autoplay refused). */
  lastError: string | null;
}

export interface AnnouncementQueue {
  enqueue(item: Announcement): void;
  state(): AnnouncementQueueState;
  subscribe(listener: (state: AnnouncementQueueState) => void): () => void;
  /** Resolves when nothing is playing or pending (tests). */
  idle(): Promise<void>;
}

/** The key of an announcement as the display exposes it (`А-012|3`). */
export function announcementKey(item: Announcement): string {
  return `${item.number}|${item.deskNo}`;
}

/**
 * Announcements one after another, never overlapping: each waits until the previous one's play()
 * has settled. A failed play is counted and the queue moves on, so one bad clip cannot stall the hall.
 */
export function createAnnouncementQueue(player: ClipPlayer, compose = composeAnnouncement): AnnouncementQueue {
  let current: AnnouncementQueueState = { pending: [], playing: null, last: null, queued: 0, played: 0, failed: 0, lastError: null };
  const listeners = new Set<(state: AnnouncementQueueState) => void>();
  let idleWaiters: Array<() => void> = [];

  const set = (patch: Partial<AnnouncementQueueState>): void => {
    current = { ...current, ...patch };
    for (const listener of listeners) listener(current);
    if (!current.playing && current.pending.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const pump = (): void => {
    if (current.playing) return;
    const [next, ...rest] = current.pending;
    if (!next) return;
    set({ playing: next, pending: rest });
    player.play(compose(next.number, next.deskNo)).then(
      () => set({ playing: null, played: current.played + 1 }),
      (error: unknown) =>
        set({ playing: null, failed: current.failed + 1, lastError: error instanceof Error ? error.name : String(error) }),
    ).finally(pump);
  };

  return {
    enqueue(item) {
      set({ pending: [...current.pending, item], last: announcementKey(item), queued: current.queued + 1 });
      pump();
    },
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: () =>
      !current.playing && current.pending.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)),
  };
}
