import type { ReactNode } from 'react';
import { useSession } from '../stores/session';
import { NotPaired } from './NotPaired';

/** Render a role page only when this screen holds a token; otherwise the not-paired notice. */
export function RequirePairing({ children }: { children: ReactNode }) {
  const token = useSession((s) => s.token);
  return token ? <>{children}</> : <NotPaired />;
}
