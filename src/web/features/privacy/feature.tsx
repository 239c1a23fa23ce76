/**
 * Personal data under 152-FZ: Settings → «Персональные данные» (/settings/personal-data), the
 * export of everything Opora keeps about one person, found by e-mail or phone (art. 14 request of
 * a data subject). For roles with `personalData.export` (head, admin). A signed-in user downloads
 * their own data from the user menu (layout/UserMenu.tsx); the retention term is a desk setting.
 */
import { lazy } from 'react';
import { registerSettingsTab } from '../school-settings/settings-tabs.ts';

const PersonalDataTab = lazy(() => import('./PersonalDataTab.tsx'));

registerSettingsTab({
  id: 'personal-data',
  labelKey: 'privacy.settings.tab',
  order: 40,
  permission: 'personalData.export',
  render: ({ organizationId }) => <PersonalDataTab key={organizationId} organizationId={organizationId} />,
});
