import { create } from 'zustand';

/** Kinds of non-blocking notices; each maps to an i18n message `notices.<kind>`. */
export type NoticeKind = 'unhandledError' | 'eventsReset';

export interface Notice {
  id: number;
  kind: NoticeKind;
  /** Technical detail shown small under the message (already a plain string, rendered as text). */
  detail: string | null;
}

export interface NoticesState {
  notices: Notice[];
  push(kind: NoticeKind, detail?: string | null): void;
  dismiss(id: number): void;
}

/** Keep the newest few: a burst of failures must not bury the screen. */
const MAX_NOTICES = 3;
let nextId = 1;

/** Notices slice: non-blocking messages such as an unhandled error. */
export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  push: (kind, detail = null) =>
    set((state) => ({ notices: [...state.notices, { id: nextId++, kind, detail }].slice(-MAX_NOTICES) })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
