import { useTranslation } from 'react-i18next';
import type { Language } from '../stores/ui';
import './display-switches.css';

export interface DisplaySwitchesProps {
  language: Language;
  languages: readonly Language[];
  largeText: boolean;
  highContrast: boolean;
  onLanguage(language: Language): void;
  onLargeText(on: boolean): void;
  onHighContrast(on: boolean): void;
}

/** Language, large-text and high-contrast toggles (buttons with aria-pressed). */
export function DisplaySwitches(props: DisplaySwitchesProps) {
  const { t } = useTranslation();
  return (
    <div className="display-switches" role="group" aria-label={t('settings.label')}>
      <div className="switch-group" role="group" aria-label={t('settings.language')}>
        {props.languages.map((lang) => (
          <button
            key={lang}
            type="button"
            lang={lang}
            className="switch"
            aria-pressed={props.language === lang}
            data-testid={`language-${lang}`}
            onClick={() => props.onLanguage(lang)}
          >
            {t(`settings.languageNames.${lang}`)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="switch"
        aria-pressed={props.largeText}
        data-testid="switch-large-text"
        onClick={() => props.onLargeText(!props.largeText)}
      >
        <span aria-hidden="true">A+ </span>
        {t('settings.largeText')}
      </button>
      <button
        type="button"
        className="switch"
        aria-pressed={props.highContrast}
        data-testid="switch-high-contrast"
        onClick={() => props.onHighContrast(!props.highContrast)}
      >
        <span aria-hidden="true">◐ </span>
        {t('settings.highContrast')}
      </button>
    </div>
  );
}
