import type { ConfigInput } from '../../../contract/config';
import type { BackendOptions } from '../../../electron/backend/app';
import { api, claim, codeOf, startTestBackend, type TestBackend } from '../backend/helpers';

/** A started training backend with an admin token and helpers for the checkpoint and its simulator. */
export interface CheckpointHarness extends TestBackend {
  url: string;
  sim: string;
  token: string;
  verify(input: string, source?: string): ReturnType<typeof api>;
  issue(holderId: string): Promise<{ qr: string; barcode: string; expiresAt: string }>;
  simCall(path: string, body?: unknown): ReturnType<typeof api>;
  verifyRequests(): Promise<number>;
  healthy(): Promise<boolean>;
}

/** Starts a training backend (portal timeout 500 ms unless overridden) and claims the admin token. */
export async function startCheckpoint(overrides: Partial<ConfigInput> = {}, options: BackendOptions = {}): Promise<CheckpointHarness> {
  const tb = await startTestBackend({ ...overrides, portal: { timeoutMs: 500, ...overrides.portal } }, options);
  const url = tb.backend.url;
  const sim = tb.backend.simulatorUrl;
  if (sim === null) throw new Error('training mode has a simulator');
  const token = await claim(url, codeOf(tb.backend.pairingLink));
  const simCall = (path: string, body?: unknown) => api(sim, path, body === undefined ? {} : { method: 'POST', body });
  return {
    ...tb,
    url,
    sim,
    token,
    verify: (input, source = 'camera') => api(url, '/api/checkpoint/verify', { method: 'POST', token, body: { input, source } }),
    issue: async (holderId) => {
      const r = await simCall('/sim/eid/issue', { holderId });
      if (r.status !== 200) throw new Error(`issue failed: ${r.status}`);
      return r.body;
    },
    simCall: simCall,
    verifyRequests: async () => (await simCall('/sim/eid/stats')).body.verifyRequests as number,
    healthy: async () => (await api(url, '/api/health')).status === 200,
  };
}

/** A clock tests move by hand (drives the backend and, through it, the simulator). */
export function manualClock(start = Date.parse('2026-11-23T09:00:00.000Z')): { now: () => Date; advance(ms: number): void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}
