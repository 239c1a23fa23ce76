import { lazy } from 'react';
import { registerFeature } from '../registry.ts';

// Loaded on first visit: most roles never open this page.
const UsersPage = lazy(() => import('./UsersPage.tsx').then((module) => ({ default: module.UsersPage })));

registerFeature({
  section: 'users',
  path: 'users',
  labelKey: 'web.nav.users',
  descriptionKey: 'web.section.users',
  element: <UsersPage />,
});
