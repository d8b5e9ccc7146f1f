import { z } from 'zod';
import { create } from 'zustand';
import { readStored, writeStored } from './storage';

export const LanguageSchema = z.enum(['uk', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
export const LANGUAGES: readonly Language[] = LanguageSchema.options;

const UiPrefsSchema = z.object({
  language: LanguageSchema.catch('uk'),
  largeText: z.boolean().catch(false),
  highContrast: z.boolean().catch(false),
});
type UiPrefs = z.infer<typeof UiPrefsSchema>;

export interface UiState extends UiPrefs {
  setLanguage(language: Language): void;
  setLargeText(on: boolean): void;
  setHighContrast(on: boolean): void;
}

const STORAGE_KEY = 'ui';
const DEFAULTS: UiPrefs = { language: 'uk', largeText: false, highContrast: false };

/** UI preferences slice (language, large text, high contrast), persisted per browser. */
export const useUi = create<UiState>()((set) => ({
  ...DEFAULTS,
  ...readStored(STORAGE_KEY, UiPrefsSchema),
  setLanguage: (language) => set({ language }),
  setLargeText: (largeText) => set({ largeText }),
  setHighContrast: (highContrast) => set({ highContrast }),
}));

useUi.subscribe((state) => {
  writeStored(STORAGE_KEY, { language: state.language, largeText: state.largeText, highContrast: state.highContrast });
});
