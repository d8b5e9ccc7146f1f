import 'i18next';
import type { uk } from './resources';

// Typed keys: a misspelt key in t('...') is a compile error (uk.json is the reference).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof uk };
    returnNull: false;
  }
}
