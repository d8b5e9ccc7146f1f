// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from '../../../renderer/app/PageErrorBoundary';
import { byTestId, click, render, type Rendered } from './helpers/render';

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  vi.restoreAllMocks();
});

/** Crashes while `state.broken` is true; counts its mounts so we can see "try again" re-mounts it. */
const state = { broken: true, mounts: 0 };
function Fragile() {
  if (state.broken) throw new Error('the queue projection is corrupt');
  return <p data-testid="page-ok">page content</p>;
}
function Counted() {
  state.mounts += 1;
  return <Fragile />;
}

describe('PageErrorBoundary', () => {
  it('shows what happened in words, reports it, and recovers on "try again"', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    state.broken = true;
    state.mounts = 0;
    rendered = render(
      <PageErrorBoundary>
        <Counted />
      </PageErrorBoundary>,
    );
    const fallback = byTestId(rendered.container, 'error-boundary');
    expect(fallback.getAttribute('role')).toBe('alert');
    expect(fallback.textContent).toContain('Something went wrong on this screen');
    expect(byTestId(rendered.container, 'error-detail').textContent).toContain('the queue projection is corrupt');
    expect(consoleError.mock.calls.some((args) => String(args[0]).includes('[varta] a page crashed'))).toBe(true);

    const mountsBefore = state.mounts;
    state.broken = false;
    click(byTestId(rendered.container, 'error-retry'));
    expect(byTestId(rendered.container, 'page-ok').textContent).toBe('page content');
    expect(rendered.container.querySelector('[data-testid="error-boundary"]')).toBeNull();
    expect(state.mounts).toBeGreaterThan(mountsBefore);
  });

  it('shows the error again if the page still fails after "try again"', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    state.broken = true;
    rendered = render(
      <PageErrorBoundary>
        <Fragile />
      </PageErrorBoundary>,
      'uk',
    );
    click(byTestId(rendered.container, 'error-retry'));
    expect(byTestId(rendered.container, 'error-boundary').textContent).toContain('На цьому екрані сталася помилка');
  });

  it('clears the error when the route (resetKey) changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    state.broken = true;
    rendered = render(
      <PageErrorBoundary resetKey="/a">
        <Fragile />
      </PageErrorBoundary>,
    );
    expect(byTestId(rendered.container, 'error-boundary')).toBeTruthy();
    state.broken = false;
    rendered.rerender(
      <PageErrorBoundary resetKey="/b">
        <Fragile />
      </PageErrorBoundary>,
    );
    expect(byTestId(rendered.container, 'page-ok')).toBeTruthy();
  });
});
