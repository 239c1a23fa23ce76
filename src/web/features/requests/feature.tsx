/**
 * The desk's workspace (section 'requests'): the queue at /requests (views, filters, search,
 * sorted by deadline), one request at /requests/:id (actions, history, replies and notes), and
 * the quick intake of requests received in person, at a parent meeting or by phone.
 */
import { lazy, Suspense } from 'react';
import { registerFeature, registerHomeWidget } from '../registry.ts';

const RequestsSection = lazy(() => import('./RequestsSection.tsx'));
const DeskSummary = lazy(() => import('./DeskSummary.tsx'));

registerFeature({
  section: 'requests',
  path: 'requests',
  labelKey: 'web.nav.requests',
  descriptionKey: 'web.section.requests',
  element: <RequestsSection />,
});

registerHomeWidget({
  id: 'desk-summary',
  section: 'requests',
  order: 10,
  element: (
    <Suspense fallback={null}>
      <DeskSummary />
    </Suspense>
  ),
});
