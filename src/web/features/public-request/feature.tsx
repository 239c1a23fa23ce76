/**
 * Public intake pages and «Мои обращения»:
 * - /s/:slug/request — the school's request form (`?embed=1` inside the school's site);
 * - /status/:token — the private status page;
 * - /my-requests — the signed-in requester's own requests (section myRequests);
 * - Settings → «Форма на сайте» — the form's link, its embed code and the consent text.
 */
import { lazy } from 'react';
import { Navigate, useParams } from 'react-router';
import { registerFeature, registerPublicPage } from '../registry.ts';
import { registerSettingsTab } from '../school-settings/settings-tabs.ts';

const RequestFormPage = lazy(() => import('./RequestFormPage.tsx'));
const StatusPage = lazy(() => import('./StatusPage.tsx'));
const MyRequestsPage = lazy(() => import('./MyRequestsPage.tsx'));
const PublicFormSettingsTab = lazy(() => import('./PublicFormSettingsTab.tsx'));

function SchoolRoot() {
  const { slug = '' } = useParams();
  return <Navigate to={`/s/${slug}/request`} replace />;
}

registerPublicPage({ path: '/s/:slug/request', element: <RequestFormPage /> });
registerPublicPage({ path: '/s/:slug', element: <SchoolRoot /> });
registerPublicPage({ path: '/status/:token', element: <StatusPage /> });

registerFeature({
  section: 'myRequests',
  path: 'my-requests',
  labelKey: 'web.nav.myRequests',
  descriptionKey: 'web.section.myRequests',
  element: <MyRequestsPage />,
});

registerSettingsTab({
  id: 'public-form',
  labelKey: 'intake.settings.tab',
  order: 30,
  render: ({ organizationId }) => <PublicFormSettingsTab key={organizationId} organizationId={organizationId} />,
});
