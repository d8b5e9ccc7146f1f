import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { DisplaySwitchesContainer, NoticesContainer, StatusBarContainer } from './containers';
import { PageErrorBoundary } from './PageErrorBoundary';
import './layout.css';

/** Frame of every page: skip link, status bar, display switches, notices, and the page itself. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  // The public ticket page (/t/<id>) is a visitor's phone, not a paired screen: no status bar there.
  const isPublicPage = location.pathname.startsWith('/t/');
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        {!isPublicPage && (
          <PageErrorBoundary>
            <StatusBarContainer />
          </PageErrorBoundary>
        )}
        <DisplaySwitchesContainer />
      </header>
      <NoticesContainer />
      <main id="main" className="app-main" tabIndex={-1} aria-label={t('app.mainLabel')}>
        {/* Keyed by path: leaving a crashed page for another gives that page a fresh start. */}
        <PageErrorBoundary resetKey={location.pathname}>
          {/* Role pages load on first use (router.tsx). */}
          <Suspense fallback={<p role="status" className="page-loading">{t('app.loading')}</p>}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </div>
  );
}
