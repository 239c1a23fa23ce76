import { lazy } from 'react';
import { registerFeature, registerHomeWidget } from '../registry.ts';
import { MissingYearsBanner } from './MissingYearsBanner.tsx';

const CalendarPage = lazy(() => import('./CalendarPage.tsx'));

registerFeature({
  section: 'calendar',
  path: 'calendar',
  labelKey: 'web.nav.calendar',
  descriptionKey: 'web.section.calendar',
  element: <CalendarPage />,
});

// Missing production-calendar years are shown on the home page too: never a silent fallback.
registerHomeWidget({ id: 'calendar-missing-years', section: 'calendar', order: 0, element: <MissingYearsBanner /> });
