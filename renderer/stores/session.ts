import { z } from 'zod';
import { create } from 'zustand';
import type { ClaimResponse, Session } from '../../contract/pairing';
import { RoleSchema, type Role } from '../../contract/roles';
import { readStored, removeStored, writeStored } from './storage';

/** Where the token came from: the Electron preload (per launch) or a pairing link (persisted). */
export type SessionSource = 'bridge' | 'pairing';

export interface SessionState {
  token: string | null;
  role: Role | null;
  deskNo: number | null;
  label: string | null;
  source: SessionSource | null;
  /** Store the token a pairing code was traded for. */
  setPaired(claim: ClaimResponse): void;
  /** Record who the token is, as `GET /api/session` answered. */
  setScope(session: Session): void;
  /** Forget the token (it was refused, or the screen is being unpaired). */
  clear(): void;
}

const STORAGE_KEY = 'session';

const StoredSessionSchema = z.object({
  token: z.string().min(1),
  role: RoleSchema,
  deskNo: z.number().int().min(1).nullable(),
});

type SessionData = Pick<SessionState, 'token' | 'role' | 'deskNo' | 'label' | 'source'>;

const EMPTY: SessionData = { token: null, role: null, deskNo: null, label: null, source: null };

/** The token the Electron preload handed over, if any (the role is learnt from `/api/session`). */
export function readBridgeToken(win: { varta?: { token?: unknown } } | undefined): string | null {
  const token = win?.varta?.token;
  return typeof token === 'string' && token.length > 0 ? token : null;
}

/** Initial session: Electron's bridge wins, else what pairing stored in this browser. */
export function loadInitialSession(win: { varta?: { token?: unknown } } | undefined): SessionData {
  const bridgeToken = readBridgeToken(win);
  if (bridgeToken) return { ...EMPTY, token: bridgeToken, source: 'bridge' };
  const stored = readStored(STORAGE_KEY, StoredSessionSchema);
  if (!stored) return EMPTY;
  return { ...EMPTY, token: stored.token, role: stored.role, deskNo: stored.deskNo, source: 'pairing' };
}

/** Session slice: the screen's token and the role it is paired as. */
export const useSession = create<SessionState>()((set) => ({
  ...loadInitialSession(typeof window === 'undefined' ? undefined : window),
  setPaired: (claim) =>
    set({ token: claim.token, role: claim.role, deskNo: claim.deskNo ?? null, label: null, source: 'pairing' }),
  setScope: (session) => set({ role: session.role, deskNo: session.deskNo ?? null, label: session.label }),
  clear: () => set(EMPTY),
}));

// Persist only pairing tokens: the bridge hands a fresh token at every launch.
useSession.subscribe((state) => {
  if (state.source === 'pairing' && state.token && state.role) {
    writeStored(STORAGE_KEY, { token: state.token, role: state.role, deskNo: state.deskNo });
  } else if (state.token === null) {
    removeStored(STORAGE_KEY);
  }
});
