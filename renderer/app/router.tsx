import { createBrowserRouter, type RouteObject } from 'react-router';
import { AdminPage } from '../roles/admin/AdminPage';
import { CheckpointPage } from '../roles/checkpoint/CheckpointPage';
import { DeskPage } from '../roles/desk/DeskPage';
import { DisplayPage } from '../roles/display/DisplayPage';
import { TerminalPage } from '../roles/terminal/TerminalPage';
import { TicketStatusPage } from '../roles/ticket-status/TicketStatusPage';
import { AppLayout } from './AppLayout';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { PairPage } from './PairPage';
import { RequirePairing } from './RequirePairing';
import { RouteErrorPage } from './RouteErrorPage';

/** Every screen of the renderer. Role pages need a token; `/` and `/pair` do not. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/pair', element: <PairPage /> },
      { path: '/t/:id', element: <TicketStatusPage /> },
      { path: '/checkpoint', element: <RequirePairing><CheckpointPage /></RequirePairing> },
      { path: '/terminal', element: <RequirePairing><TerminalPage /></RequirePairing> },
      { path: '/desk/:no', element: <RequirePairing><DeskPage /></RequirePairing> },
      { path: '/display', element: <RequirePairing><DisplayPage /></RequirePairing> },
      { path: '/admin', element: <RequirePairing><AdminPage /></RequirePairing> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The router over history URLs (the backend serves index.html for every role path). */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
