// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Status } from '../../../contract/status';
import { StatusBarContainer } from '../../../renderer/app/containers';
import { useConnection } from '../../../renderer/stores/connection';
import { useSession } from '../../../renderer/stores/session';
import { useUi } from '../../../renderer/stores/ui';
import { byTestId, render, type Rendered } from './helpers/render';

function status(overrides: { mode?: Status['mode']; reachable?: boolean; lastError?: string | null } = {}): Status {
  return {
    version: '0.1.0',
    mode: overrides.mode ?? 'training',
    machineRole: 'admin',
    startedAt: '2025-01-01T08:00:00.000Z',
    lastSeq: 4,
    portal: {
      mode: overrides.mode ?? 'training',
      baseUrl: 'http://127.0.0.1:9999',
      reachable: overrides.reachable ?? true,
      checkedAt: '2025-01-01T08:00:01.000Z',
      latencyMs: 12,
      lastError: overrides.lastError ?? null,
    },
  };
}

let rendered: Rendered | null = null;
beforeEach(() => {
  useConnection.getState().reset();
  useSession.setState({ token: 'tok', role: 'desk', deskNo: 3, label: null, source: 'pairing' });
  useUi.setState({ language: 'en' });
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  useSession.getState().clear();
});

const connection = () => byTestId(rendered!.container, 'status-connection');
const portal = () => byTestId(rendered!.container, 'status-portal');
const banner = () => rendered!.container.querySelector('[data-testid="training-banner"]');

describe('StatusBar', () => {
  it('connected, portal reachable, training banner, role with desk number', () => {
    useConnection.setState({ stream: 'open', everConnected: true, status: status() });
    rendered = render(<StatusBarContainer />);
    expect(connection().dataset.state).toBe('connected');
    expect(connection().textContent).toContain('Server: connected');
    expect(portal().dataset.state).toBe('reachable');
    expect(portal().textContent).toContain('Portal: reachable');
    expect(banner()?.textContent).toContain('Training mode — checks are not real');
    expect(byTestId(rendered.container, 'status-role').textContent).toBe('Role: Desk 3');
    expect(byTestId(rendered.container, 'status-bar').getAttribute('aria-live')).toBe('polite');
  });

  it('no banner in production; unreachable portal shows its last error', () => {
    useConnection.setState({ stream: 'open', status: status({ mode: 'production', reachable: false, lastError: 'ECONNREFUSED' }) });
    rendered = render(<StatusBarContainer />);
    expect(banner()).toBeNull();
    expect(portal().dataset.state).toBe('unreachable');
    expect(portal().textContent).toContain('Last error: ECONNREFUSED');
  });

  it('says "reconnecting" after a drop, and "connecting" on first start', () => {
    useConnection.setState({ stream: 'connecting', everConnected: true, status: status() });
    rendered = render(<StatusBarContainer />);
    expect(connection().dataset.state).toBe('connecting');
    expect(connection().textContent).toContain('reconnecting');
    rendered.unmount();
    useConnection.setState({ stream: 'connecting', everConnected: false, status: null });
    rendered = render(<StatusBarContainer />);
    expect(connection().textContent).toContain('Server: connecting');
    expect(portal().dataset.state).toBe('unknown');
  });

  it('offline hides a stale portal state; the state is in words and an icon, not colour only', () => {
    useConnection.setState({ stream: 'closed', everConnected: true, status: status({ reachable: true }) });
    rendered = render(<StatusBarContainer />, 'uk');
    expect(connection().dataset.state).toBe('offline');
    expect(connection().textContent).toContain('Сервер: немає зв’язку');
    expect(connection().querySelector('[aria-hidden="true"]')?.textContent).toBe('✖');
    expect(portal().dataset.state).toBe('unknown');
  });

  it('unauthorised: "not paired" without a token, "access refused" with a refused one', () => {
    useSession.getState().clear();
    rendered = render(<StatusBarContainer />);
    expect(connection().dataset.state).toBe('unauthorised');
    expect(connection().textContent).toContain('not paired');
    rendered.unmount();
    useSession.setState({ token: 'old', role: 'display', deskNo: null, source: 'bridge' });
    useConnection.setState({ stream: 'unauthorised' });
    rendered = render(<StatusBarContainer />);
    expect(connection().textContent).toContain('access refused');
  });

  it('follows store changes while mounted', async () => {
    useConnection.setState({ stream: 'connecting' });
    rendered = render(<StatusBarContainer />);
    expect(banner()).toBeNull();
    const { act } = await import('react');
    act(() => useConnection.setState({ stream: 'open', status: status({ reachable: false }) }));
    expect(connection().dataset.state).toBe('connected');
    expect(portal().dataset.state).toBe('unreachable');
    expect(banner()).not.toBeNull();
  });
});
