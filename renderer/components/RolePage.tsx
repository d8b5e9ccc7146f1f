import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../contract/roles';
import './role-page.css';

export interface RolePageProps {
  role: Role;
  title: string;
  intro: string;
  /** The role's real content; until later issues fill it, a "coming" note is shown. */
  children?: ReactNode;
}

/** Frame of a role screen: the heading end-to-end tests look for, an intro, and the work area. */
export function RolePage({ role, title, intro, children }: RolePageProps) {
  const { t } = useTranslation();
  const headingId = `role-heading-${role}`;
  return (
    <section className={`role-page role-page-${role}`} aria-labelledby={headingId}>
      <h1 id={headingId} className="role-title" data-testid={`role-${role}`}>
        {title}
      </h1>
      <p className="role-intro">{intro}</p>
      <div className="role-content" role="region" aria-label={t('rolePage.contentLabel')}>
        {children ?? <p className="role-coming">{t('rolePage.comingSoon')}</p>}
      </div>
    </section>
  );
}
