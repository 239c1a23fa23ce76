/**
 * The desk's workspace (section 'requests'): the queue at /requests (views, filters, search,
 * sorted by deadline), one request at /requests/:id (actions, history, replies and notes), and
 * the quick intake of requests received in person, at a parent meeting or by phone.
 */
import { lazy } from 'react';
import { registerFeature } from '../registry.ts';

const RequestsSection = lazy(() => import('./RequestsSection.tsx'));

registerFeature({
  section: 'requests',
  path: 'requests',
  labelKey: 'web.nav.requests',
  descriptionKey: 'web.section.requests',
  element: <RequestsSection />,
});
