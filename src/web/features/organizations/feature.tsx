import { lazy } from 'react';
import { registerFeature } from '../registry.ts';

// Loaded on first visit: most roles never open this page.
const OrganizationsPage = lazy(() => import('./OrganizationsPage.tsx').then((module) => ({ default: module.OrganizationsPage })));

registerFeature({
  section: 'organizations',
  path: 'organizations',
  labelKey: 'web.nav.organizations',
  descriptionKey: 'web.section.organizations',
  element: <OrganizationsPage />,
});
