import type { i18n } from 'i18next';
import { useUi, type UiState } from '../stores/ui';

type UiPrefs = Pick<UiState, 'language' | 'largeText' | 'highContrast'>;

/** Reflect UI preferences on the root element: `lang`, and the classes the stylesheets key on. */
export function applyUiToDocument(root: HTMLElement, prefs: UiPrefs): void {
  root.lang = prefs.language;
  root.classList.toggle('large-text', prefs.largeText);
  root.classList.toggle('high-contrast', prefs.highContrast);
}

/** Keep the document and i18next in step with the UI store; wired once at app start. */
export function startUiEffects(root: HTMLElement, i18nInstance: i18n): () => void {
  const apply = (prefs: UiPrefs): void => {
    applyUiToDocument(root, prefs);
    if (i18nInstance.language !== prefs.language) void i18nInstance.changeLanguage(prefs.language);
    root.ownerDocument.title = i18nInstance.t('app.name', { lng: prefs.language });
  };
  apply(useUi.getState());
  return useUi.subscribe(apply);
}
