// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { ApiClient } from '../../../renderer/api/client';
import { ApiError } from '../../../renderer/api/errors';
import { setApiClient } from '../../../renderer/app/backend';
import { routes } from '../../../renderer/app/router';
import { useSession } from '../../../renderer/stores/session';
import { byTestId, click, render, waitFor, type Rendered } from './helpers/render';

function fakeApi(overrides: Partial<ApiClient>): ApiClient {
  const unused = () => Promise.reject(new Error('not expected in this test'));
  return { health: unused, claimPairing: unused, getSession: unused, getStatus: unused, createPairing: unused, ...overrides };
}

let rendered: Rendered | null = null;
function open(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  rendered = render(<RouterProvider router={router} />);
  return router;
}

beforeEach(() => {
  localStorage.clear();
  useSession.getState().clear();
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setApiClient(null);
});

describe('routes', () => {
  it('/pair claims the code, stores the token and lands on the desk page', async () => {
    const claimPairing = vi.fn(async () => ({ token: 'desk-token', role: 'desk' as const, deskNo: 3 }));
    setApiClient(fakeApi({ claimPairing }));
    const router = open('/pair?code=ABCDEF123');
    await waitFor('the desk page', () => rendered!.container.querySelector('[data-testid="role-desk"]') !== null);
    expect(router.state.location.pathname).toBe('/desk/3');
    expect(byTestId(rendered!.container, 'role-desk').textContent).toBe('Desk 3');
    expect(claimPairing).toHaveBeenCalledTimes(1);
    expect(claimPairing).toHaveBeenCalledWith('ABCDEF123');
    expect(JSON.parse(localStorage.getItem('varta.session')!)).toMatchObject({ token: 'desk-token', role: 'desk', deskNo: 3 });
  });

  it('/pair with a refused code says so and stores nothing', async () => {
    setApiClient(
      fakeApi({ claimPairing: () => Promise.reject(new ApiError({ code: 'pairing_code_invalid', status: 404, title: 'Not Found' })) }),
    );
    open('/pair?code=WRONGCODE');
    await waitFor('the pairing error', () => rendered!.container.querySelector('[data-testid="pair-error"]') !== null);
    expect(byTestId(rendered!.container, 'pair-error').textContent).toContain('invalid, already used or expired');
    expect(useSession.getState().token).toBeNull();
  });

  it('/pair after a network failure offers "try again", which claims anew and pairs', async () => {
    const claimPairing = vi
      .fn<ApiClient['claimPairing']>()
      .mockRejectedValueOnce(new ApiError({ code: 'network_error', status: 0, title: 'Network Error' }))
      .mockResolvedValueOnce({ token: 'admin-token', role: 'admin' });
    setApiClient(fakeApi({ claimPairing }));
    const router = open('/pair?code=RETRYCODE1');
    await waitFor('the failure', () => rendered!.container.querySelector('[data-testid="pair-error"] button') !== null);
    expect(byTestId(rendered!.container, 'pair-error').textContent).toContain('No connection to the Varta server.');
    click(rendered!.container.querySelector('[data-testid="pair-error"] button')!);
    await waitFor('the admin page', () => rendered!.container.querySelector('[data-testid="role-admin"]') !== null);
    expect(router.state.location.pathname).toBe('/admin');
    expect(claimPairing).toHaveBeenCalledTimes(2);
  });

  it('/pair with a malformed code refuses it without asking the hub', async () => {
    const claimPairing = vi.fn();
    setApiClient(fakeApi({ claimPairing }));
    open('/pair?code=x');
    await waitFor('the pairing error', () => rendered!.container.querySelector('[data-testid="pair-error"]') !== null);
    expect(claimPairing).not.toHaveBeenCalled();
  });

  it('a role page without a token shows the not-paired notice', () => {
    open('/checkpoint');
    expect(byTestId(rendered!.container, 'not-paired').textContent).toContain('This screen is not paired');
    expect(rendered!.container.querySelector('[data-testid="role-checkpoint"]')).toBeNull();
  });

  // Role pages load on first use (React.lazy): wait for the page, not for a fixed time.
  const shown = (id: string) => waitFor(id, () => rendered!.container.querySelector(`[data-testid="${id}"]`) !== null);

  it('/ redirects to the stored role page; each role page has its heading', async () => {
    useSession.setState({ token: 't', role: 'display', deskNo: null, source: 'pairing' });
    const router = open('/');
    expect(router.state.location.pathname).toBe('/display');
    await shown('role-display');
    for (const role of ['checkpoint', 'terminal', 'admin'] as const) {
      rendered!.unmount();
      open(`/${role}`);
      await shown(`role-${role}`);
      expect(byTestId(rendered!.container, `role-${role}`).tagName).toBe('H1');
    }
  });

  it('a bad desk number is named, not guessed; an unknown path is a 404 page', async () => {
    useSession.setState({ token: 't', role: 'desk', deskNo: 1, source: 'pairing' });
    open('/desk/abc');
    await shown('desk-invalid');
    expect(byTestId(rendered!.container, 'desk-invalid').textContent).toContain('abc');
    rendered!.unmount();
    open('/nowhere');
    expect(byTestId(rendered!.container, 'not-found')).toBeTruthy();
  });

  it('every page has the status bar', () => {
    open('/');
    expect(byTestId(rendered!.container, 'status-connection').dataset.state).toBe('unauthorised');
    expect(byTestId(rendered!.container, 'status-portal').dataset.state).toBe('unknown');
  });
});
