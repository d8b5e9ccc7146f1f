import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Any address that is not a Varta screen. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="notice-page" data-testid="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundBody')}</p>
      <Link className="button" to="/">
        {t('errors.goHome')}
      </Link>
    </section>
  );
}
