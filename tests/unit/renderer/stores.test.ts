// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyUiToDocument } from '../../../renderer/app/ui-effects';
import { resolveBackendUrl } from '../../../renderer/app/backend';
import { parseDeskNo, rolePath } from '../../../renderer/app/role-paths';
import { selectConnectionView, selectPortalView, useConnection } from '../../../renderer/stores/connection';
import { useNotices } from '../../../renderer/stores/notices';
import { loadInitialSession, useSession } from '../../../renderer/stores/session';
import { useUi } from '../../../renderer/stores/ui';

beforeEach(() => localStorage.clear());
afterEach(() => useSession.getState().clear());

describe('session store', () => {
  it('persists a pairing token under varta.session and forgets it on clear', () => {
    useSession.getState().setPaired({ token: 'tok-1', role: 'desk', deskNo: 4 });
    expect(JSON.parse(localStorage.getItem('varta.session')!)).toEqual({ token: 'tok-1', role: 'desk', deskNo: 4 });
    expect(loadInitialSession(undefined)).toMatchObject({ token: 'tok-1', role: 'desk', deskNo: 4, source: 'pairing' });
    useSession.getState().clear();
    expect(localStorage.getItem('varta.session')).toBeNull();
  });

  it("takes Electron's bridge token over a stored one, and never persists it", () => {
    localStorage.setItem('varta.session', JSON.stringify({ token: 'stored', role: 'admin', deskNo: null }));
    expect(loadInitialSession({ varta: { token: 'bridge' } })).toMatchObject({ token: 'bridge', role: null, source: 'bridge' });
    useSession.setState({ token: 'bridge', source: 'bridge' });
    useSession.getState().setScope({ role: 'checkpoint', label: 'Entrance A' });
    expect(JSON.parse(localStorage.getItem('varta.session')!).token).toBe('stored');
    expect(useSession.getState()).toMatchObject({ role: 'checkpoint', label: 'Entrance A', deskNo: null });
  });

  it('ignores stored data that is not valid JSON or not a valid session', () => {
    localStorage.setItem('varta.session', '{oops');
    expect(loadInitialSession(undefined).token).toBeNull();
    localStorage.setItem('varta.session', JSON.stringify({ token: 'x', role: 'janitor', deskNo: null }));
    expect(loadInitialSession(undefined).token).toBeNull();
  });
});

describe('ui store', () => {
  it('persists language, large text and high contrast under varta.ui', () => {
    useUi.getState().setLanguage('en');
    useUi.getState().setLargeText(true);
    useUi.getState().setHighContrast(true);
    expect(JSON.parse(localStorage.getItem('varta.ui')!)).toEqual({ language: 'en', largeText: true, highContrast: true });
    useUi.setState({ language: 'uk', largeText: false, highContrast: false });
  });

  it('applies preferences to the root element as lang and classes', () => {
    const root = document.createElement('html');
    applyUiToDocument(root, { language: 'en', largeText: true, highContrast: false });
    expect(root.lang).toBe('en');
    expect(root.classList.contains('large-text')).toBe(true);
    expect(root.classList.contains('high-contrast')).toBe(false);
    applyUiToDocument(root, { language: 'uk', largeText: false, highContrast: true });
    expect(root.lang).toBe('uk');
    expect([...root.classList]).toEqual(['high-contrast']);
  });
});

describe('connection selectors', () => {
  it('maps stream states to what the status bar says', () => {
    expect(selectConnectionView({ stream: 'open' })).toBe('connected');
    expect(selectConnectionView({ stream: 'connecting' })).toBe('connecting');
    expect(selectConnectionView({ stream: 'closed' })).toBe('offline');
    expect(selectConnectionView({ stream: 'unauthorised' })).toBe('unauthorised');
    expect(selectConnectionView({ stream: 'idle' })).toBe('unauthorised');
    expect(selectPortalView({ stream: 'open', status: null })).toBe('unknown');
  });

  it('updates the portal part of the status from an event, and only when a status is known', () => {
    const portal = { mode: 'training' as const, baseUrl: 'http://sim', reachable: false, checkedAt: null, latencyMs: null, lastError: 'down' };
    useConnection.getState().reset();
    useConnection.getState().setPortal(portal);
    expect(useConnection.getState().status).toBeNull();
  });
});

describe('notices store', () => {
  it('keeps only the newest three and dismisses by id', () => {
    const { push } = useNotices.getState();
    ['a', 'b', 'c', 'd'].forEach((d) => push('unhandledError', d));
    const notices = useNotices.getState().notices;
    expect(notices.map((n) => n.detail)).toEqual(['b', 'c', 'd']);
    useNotices.getState().dismiss(notices[0]!.id);
    expect(useNotices.getState().notices.map((n) => n.detail)).toEqual(['c', 'd']);
  });
});

describe('paths and URLs', () => {
  it('sends each role to its page', () => {
    expect(rolePath('admin', null)).toBe('/admin');
    expect(rolePath('display', undefined)).toBe('/display');
    expect(rolePath('desk', 12)).toBe('/desk/12');
    expect(rolePath('desk', null)).toBeNull();
  });
  it('accepts desk numbers 1..999 only', () => {
    expect(parseDeskNo('7')).toBe(7);
    for (const bad of ['0', '1000', '-1', '2.5', 'abc', '', undefined]) expect(parseDeskNo(bad)).toBeNull();
  });
  it("uses the bridge's backend URL in Electron, the page origin in a browser", () => {
    expect(resolveBackendUrl({ varta: { backendUrl: 'http://127.0.0.1:5555/' }, location: { origin: 'file://' } })).toBe('http://127.0.0.1:5555');
    expect(resolveBackendUrl({ location: { origin: 'http://hub:8470' } })).toBe('http://hub:8470');
  });
});
