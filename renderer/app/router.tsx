import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { PairPage } from './PairPage';
import { RequirePairing } from './RequirePairing';
import { RouteErrorPage } from './RouteErrorPage';

/** A page loaded on first use: each machine runs one role, so it downloads only that role's code. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AdminPage = lazyPage(() => import('../roles/admin/AdminPage'), 'AdminPage');
const CheckpointPage = lazyPage(() => import('../roles/checkpoint/CheckpointPage'), 'CheckpointPage');
const DeskPage = lazyPage(() => import('../roles/desk/DeskPage'), 'DeskPage');
const DisplayPage = lazyPage(() => import('../roles/display/DisplayPage'), 'DisplayPage');
const TerminalPage = lazyPage(() => import('../roles/terminal/TerminalPage'), 'TerminalPage');
const TicketStatusPage = lazyPage(() => import('../roles/ticket-status/TicketStatusPage'), 'TicketStatusPage');

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
