import { z } from 'zod';
import { create } from 'zustand';
import type { CheckpointVerifyResponse, ScanSource } from '../../contract/eid';
import type { ScannerStatus } from '../../contract/scanner';
import { getEidApi, type CheckpointSettings } from '../api/eid';
import { errorMessageKey, type ErrorMessageKey } from '../api/error-message';
import { readStored, writeStored } from './storage';

/*
 * The checkpoint's slice: settings, the result on screen, whether a check is under way, the
 * chosen camera (remembered per browser) and what the USB scanner reported. Only the latest
 * check may set the result: a slow answer to an older scan never replaces a newer one.
 */

/** What the result screen shows: a verdict (from the backend, or `typo` decided here) or a failed call. */
export type CheckResult =
  | { kind: 'verdict'; id: number; response: CheckpointVerifyResponse; source: ScanSource; local: boolean; shownAtMs: number }
  | { kind: 'failed'; id: number; messageKey: ErrorMessageKey; source: ScanSource; shownAtMs: number };

export interface VerificationState {
  settings: CheckpointSettings | null;
  settingsError: ErrorMessageKey | null;
  pending: boolean;
  result: CheckResult | null;
  /** Checkpoint screens mounted in this page (USB scans are verified only while one is showing). */
  screens: number;
  cameraDeviceId: string | null;
  /** The last `scanner.status` (USB scanner slots), null until one arrives. */
  scanner: ScannerStatus | null;
  /** `checkpoint.verified` events seen (any screen of this backend). */
  verifiedEvents: number;
  /** The portal clock skew the last check measured (kept after the result clears). */
  clockSkewMs: number | null;
  loadSettings(): Promise<void>;
  verify(input: string, source: ScanSource): Promise<void>;
  showLocalVerdict(verdict: 'typo', source: ScanSource): void;
  clearResult(): void;
  screenMounted(): () => void;
  setCameraDeviceId(deviceId: string): void;
  setScanner(status: ScannerStatus): void;
  noteVerified(): void;
}

const CAMERA_KEY = 'camera';
const CameraPrefSchema = z.object({ deviceId: z.string().min(1).max(512) });

let nextId = 1;
/** Clock for result timestamps (tests replace it). */
export const clock = { now: (): number => Date.now() };

/** Verification slice. */
export const useVerification = create<VerificationState>()((set, get) => ({
  settings: null,
  settingsError: null,
  pending: false,
  result: null,
  screens: 0,
  cameraDeviceId: readStored(CAMERA_KEY, CameraPrefSchema)?.deviceId ?? null,
  scanner: null,
  verifiedEvents: 0,
  clockSkewMs: null,
  async loadSettings() {
    try {
      set({ settings: await getEidApi().getSettings(), settingsError: null });
    } catch (error) {
      set({ settingsError: errorMessageKey(error) });
    }
  },
  async verify(input, source) {
    const id = nextId++;
    set({ pending: true });
    let result: CheckResult;
    try {
      const response = await getEidApi().verify(input, source);
      result = { kind: 'verdict', id, response, source, local: false, shownAtMs: clock.now() };
    } catch (error) {
      result = { kind: 'failed', id, messageKey: errorMessageKey(error), source, shownAtMs: clock.now() };
    }
    // Only the newest check speaks; an older answer arriving late is dropped.
    if (id !== nextId - 1) return;
    const skew = result.kind === 'verdict' ? result.response.clockSkewMs : undefined;
    set({ result, pending: false, ...(skew !== undefined ? { clockSkewMs: skew } : {}) });
  },
  showLocalVerdict(verdict, source) {
    const id = nextId++;
    const shownAtMs = clock.now();
    const response: CheckpointVerifyResponse = { checkId: `local-${id}`, verdict, checkedAt: new Date(shownAtMs).toISOString() };
    set({ result: { kind: 'verdict', id, response, source, local: true, shownAtMs }, pending: false });
  },
  clearResult: () => set({ result: null }),
  screenMounted() {
    set((s) => ({ screens: s.screens + 1 }));
    return () => set((s) => ({ screens: Math.max(0, s.screens - 1) }));
  },
  setCameraDeviceId(deviceId) {
    if (get().cameraDeviceId === deviceId) return;
    writeStored(CAMERA_KEY, { deviceId });
    set({ cameraDeviceId: deviceId });
  },
  setScanner: (scanner) => set({ scanner }),
  noteVerified: () => set((s) => ({ verifiedEvents: s.verifiedEvents + 1 })),
}));

/** Seconds left before the result clears itself (never negative). */
export function secondsLeft(shownAtMs: number, nowMs: number, clearSeconds: number): number {
  return Math.max(0, Math.ceil((shownAtMs + clearSeconds * 1000 - nowMs) / 1000));
}

/** Result auto-clear time when the settings have not arrived. */
export const DEFAULT_CLEAR_SECONDS = 30;

/** USB scanners as the screen shows them: null when none is configured, else whether one is connected. */
export function selectScannerConnected(state: Pick<VerificationState, 'scanner'>): boolean | null {
  const devices = state.scanner?.devices ?? [];
  return devices.length === 0 ? null : devices.some((d) => d.connected);
}

/** True when the portal's clock differs from ours by more than a minute (codes live 3 minutes). */
export function isClockSkewWarning(skewMs: number | undefined): boolean {
  return skewMs !== undefined && Math.abs(skewMs) > 60_000;
}
