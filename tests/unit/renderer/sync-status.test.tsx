// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../contract/sync';
import { setSyncApi, type SyncApi } from '../../../renderer/api/sync';
import { syncEventHandlers } from '../../../renderer/app/area-events/sync';
import { SyncStatus as SyncStatusItem } from '../../../renderer/components/SyncStatus';
import { useSession } from '../../../renderer/stores/session';
import { useSync } from '../../../renderer/stores/sync';
import { render, type Rendered } from './helpers/render';

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    enrolled: true, enrollment: 'enrolled', deviceId: 'd-1', centerId: 'cnap-demo', mode: 'training', secretStore: 'memory',
    portalReachable: false, pending: 3, oldestPendingAgeS: 125, lastSuccessAt: null, lastError: 'the portal answered HTTP 503',
    quarantined: 0, datasets: [], demoEnrollmentCodes: [], adminPinSet: false, restartRequired: false, ...overrides,
  };
}

const fakeApi = (answer: SyncStatus): SyncApi => ({
  status: async () => answer,
  enroll: async () => answer,
  unenroll: async () => answer,
  pull: async () => answer,
  quarantined: async () => [],
  retryQuarantined: async () => answer,
  setAdminPin: async () => answer,
  switchMode: async () => answer,
});

let rendered: Rendered | null = null;
beforeEach(() => {
  useSync.setState({ status: null });
  useSession.setState({ token: 'tok', role: 'admin', deskNo: null, label: null, source: 'pairing' });
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setSyncApi(null);
  useSession.getState().clear();
});

describe('status bar: portal sync', () => {
  it('shows pending items and the oldest age in words, loaded from the API', async () => {
    setSyncApi(fakeApi(status()));
    rendered = render(<SyncStatusItem />);
    await act(async () => {
      await Promise.resolve();
    });
    expect(rendered.container.textContent).toBe('⇅To the portal: 3 (2 min)');
  });

  it('follows sync.status_changed: nothing when all is delivered, "revoked" when revoked', async () => {
    setSyncApi(fakeApi(status({ pending: 0, oldestPendingAgeS: null })));
    rendered = render(<SyncStatusItem />);
    await act(async () => {
      await Promise.resolve();
    });
    expect(rendered.container.textContent).toBe('');
    act(() => syncEventHandlers['sync.status_changed']?.({ seq: 9, type: 'sync.status_changed', at: '2026-11-23T09:00:00.000Z', data: status({ enrollment: 'revoked', enrolled: false }) }));
    expect(rendered.container.textContent).toBe('⇅Device revoked by the portal');
    act(() => syncEventHandlers['sync.status_changed']?.({ seq: 10, type: 'sync.status_changed', at: '2026-11-23T09:00:00.000Z', data: { nonsense: true } }));
    expect(rendered.container.textContent).toBe('⇅Device revoked by the portal');
  });
});

describe('admin: rejected (quarantined) items', () => {
  it('lists them, and a retry puts them back in line and says so', async () => {
    const item = { id: 7, stream: 'ratings', idempotencyId: 'evt-7', createdAt: '2026-11-23T09:00:00.000Z', reason: 'score: too big' };
    let retried = 0;
    setSyncApi({
      ...fakeApi(status({ quarantined: 1, pending: 0 })),
      quarantined: async () => [item],
      retryQuarantined: async () => {
        retried++;
        return status({ quarantined: 0, pending: 1 });
      },
    });
    await useSync.getState().loadQuarantined();
    expect(useSync.getState().quarantined).toEqual([item]);
    await useSync.getState().retryQuarantined();
    expect(retried).toBe(1);
    expect(useSync.getState()).toMatchObject({ quarantined: [], lastAction: 'retried', actionError: null });
    expect(useSync.getState().status).toMatchObject({ quarantined: 0, pending: 1 });
  });
});
