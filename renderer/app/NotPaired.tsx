import { useTranslation } from 'react-i18next';

/** Shown where a token is needed but this screen has none. */
export function NotPaired() {
  const { t } = useTranslation();
  return (
    <section className="notice-page" data-testid="not-paired" aria-labelledby="not-paired-title">
      <h1 id="not-paired-title">{t('pairing.notPairedTitle')}</h1>
      <p>{t('pairing.notPairedBody')}</p>
    </section>
  );
}
