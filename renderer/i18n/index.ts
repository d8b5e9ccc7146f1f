import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../stores/ui';
import { en, uk } from './resources';

/** All translations, bundled (a kiosk must not depend on fetching them). */
export const resources = {
  uk: { translation: uk },
  en: { translation: en },
} as const;

/** Create the i18next instance used by the app (and by tests), synchronously initialised. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'uk',
    initAsync: false,
    // React escapes on render; escaping here too would show &quot; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
