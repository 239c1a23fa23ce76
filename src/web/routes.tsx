/** The route table: public sign-in pages, registered public pages, and the signed-in workspace. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { PublicLayout } from './auth/PublicLayout.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
import { NotFoundPage, RouteErrorPage } from './components/StatusPages.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { registeredFeatures, registeredPublicPages } from './features/registry.ts';
import { FeatureGate } from './layout/FeatureGate.tsx';
import { WorkspaceLayout } from './layout/WorkspaceLayout.tsx';

export function appRoutes(): RouteObject[] {
  return [
    {
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <PublicLayout />,
          children: [
            { path: '/login', element: <LoginPage /> },
            { path: '/forgot-password', element: <ForgotPasswordPage /> },
            { path: '/reset-password', element: <ResetPasswordPage /> },
          ],
        },
        ...registeredPublicPages().map((page) => ({ path: page.path, element: page.element })),
        {
          element: (
            <RequireAuth>
              <WorkspaceLayout />
            </RequireAuth>
          ),
          children: [
            { index: true, element: <DashboardPage /> },
            ...registeredFeatures().map((feature) => ({
              path: `${feature.path}/*`,
              element: <FeatureGate section={feature.section}>{feature.element}</FeatureGate>,
            })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(appRoutes());
}
