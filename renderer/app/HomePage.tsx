import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../stores/session';
import { NotPaired } from './NotPaired';
import { rolePath } from './role-paths';

/** `/`: go to the page of the role this screen is paired as, or explain how to pair it. */
export function HomePage() {
  const { t } = useTranslation();
  const token = useSession((s) => s.token);
  const role = useSession((s) => s.role);
  const deskNo = useSession((s) => s.deskNo);
  if (!token) return <NotPaired />;
  // In Electron the bridge hands only a token; the role arrives with GET /api/session.
  if (!role) {
    return (
      <p className="notice-page" role="status" data-testid="checking-role">
        {t('pairing.checking')}
      </p>
    );
  }
  const path = rolePath(role, deskNo);
  if (!path) {
    return (
      <p className="notice-page" role="alert">
        {t('pairing.deskMissing')}
      </p>
    );
  }
  return <Navigate to={path} replace />;
}
