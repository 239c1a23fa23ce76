import { lazy } from 'react';
import { registerFeature } from '../registry.ts';

// Loaded on first visit: most roles never open this page.
const AuditPage = lazy(() => import('./AuditPage.tsx').then((module) => ({ default: module.AuditPage })));

registerFeature({
  section: 'audit',
  path: 'audit',
  labelKey: 'web.nav.audit',
  descriptionKey: 'web.section.audit',
  element: <AuditPage />,
});
