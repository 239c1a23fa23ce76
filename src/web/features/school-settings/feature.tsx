import { lazy } from 'react';
import { registerFeature } from '../registry.ts';
import { registerSettingsTab } from './settings-tabs.ts';

const SettingsPage = lazy(() => import('./SettingsPage.tsx'));
const CalendarSettingsTab = lazy(() => import('./CalendarSettingsTab.tsx'));

registerFeature({
  section: 'settings',
  path: 'settings',
  labelKey: 'web.nav.settings',
  descriptionKey: 'web.section.settings',
  element: <SettingsPage />,
});

registerSettingsTab({
  id: 'calendar',
  labelKey: 'settings.tab.calendar',
  order: 10,
  render: ({ organizationId }) => <CalendarSettingsTab key={organizationId} organizationId={organizationId} />,
});
