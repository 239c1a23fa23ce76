/**
 * Settings → «Обращения и сроки» (/settings/requests): the desk's deadline policy (term and its
 * unit, Labour Code art. 14 move, pause while waiting, reminders, auto-close, reopen window,
 * number prefix) and its topic taxonomy. A tab of the school-settings page, not a section of its
 * own: the settings section is registered there.
 */
import { lazy } from 'react';
import { registerSettingsTab } from '../school-settings/settings-tabs.ts';

const DeskSettingsTab = lazy(() => import('./DeskSettingsTab.tsx'));

registerSettingsTab({
  id: 'requests',
  labelKey: 'desk.settings.tab',
  order: 20,
  render: ({ organizationId }) => <DeskSettingsTab key={organizationId} organizationId={organizationId} />,
});
