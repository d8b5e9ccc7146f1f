import type { ReactElement } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../../renderer/i18n';
import type { Language } from '../../../../renderer/stores/ui';

// Tell React we drive updates through act(), so it flushes them synchronously.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  /** Render a new element into the same root (same provider), as a parent re-render would. */
  rerender(element: ReactElement): void;
  unmount(): void;
}

/** Render a React element into a fresh container, wrapped in a real i18next instance. */
export function render(element: ReactElement, language: Language = 'en'): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const i18n = createI18n(language);
  const show = (el: ReactElement) => act(() => root.render(<I18nextProvider i18n={i18n}>{el}</I18nextProvider>));
  show(element);
  return {
    container,
    root,
    rerender: show,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Query by data-testid; throws a readable error when missing. */
export function byTestId(container: ParentNode, id: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
}

/** Click an element inside act() so React processes the update. */
export function click(element: Element): void {
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
}

/**
 * Wait until `condition` holds, flushing React work between checks (no fixed sleep: it returns
 * as soon as the condition is true, and fails with `what` after `timeoutMs`).
 */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}
