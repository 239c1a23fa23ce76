import { lazy } from 'react';
import { registerFeature } from '../registry.ts';

const CalendarPage = lazy(() => import('./CalendarPage.tsx'));

registerFeature({
  section: 'calendar',
  path: 'calendar',
  labelKey: 'web.nav.calendar',
  descriptionKey: 'web.section.calendar',
  element: <CalendarPage />,
});
