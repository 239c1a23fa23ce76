/**
 * Tabs of the settings page (section 'settings', /settings/<tab>). The page shows one tab per
 * registration, in `order`, for the organisation chosen on the page; a feature adds its own
 * settings (channels, deadlines, …) without editing the page:
 *
 *      // src/web/features/channels/feature.tsx
 *      import { registerSettingsTab } from '../school-settings/settings-tabs.ts';
 *      registerSettingsTab({
 *        id: 'channels',                        // URL: /settings/channels
 *        labelKey: 'channels.settings.tab',
 *        order: 20,
 *        render: ({ organizationId }) => <ChannelSettings organizationId={organizationId} />,
 *      });
 *
 * Every tab gets the organisation in whose name settings are changed; the API checks the
 * `settings.manage` permission itself. A tab that needs a permission beyond the settings section
 * names it in `permission`: the page shows the tab only to roles that have it (the API still checks).
 */
import type { ReactNode } from 'react';
import { roleHas, type Permission, type Role } from '../../../domain/permissions.ts';
import type { MessageKey } from '../../i18n/locale.tsx';

export interface SettingsTabContext {
  organizationId: string;
  organizationName: string;
}

export interface SettingsTab {
  /** Path segment after /settings/, e.g. 'calendar'. */
  id: string;
  labelKey: MessageKey;
  /** Lower comes first; the calendar tab is 10. */
  order: number;
  /** Shown only to roles with this permission (beyond the settings section itself). */
  permission?: Permission;
  render: (context: SettingsTabContext) => ReactNode;
}

const tabs = new Map<string, SettingsTab>();

export function registerSettingsTab(tab: SettingsTab): void {
  if (!/^[a-z0-9-]+$/.test(tab.id)) throw new Error(`Settings tab id "${tab.id}" must look like "calendar"`);
  tabs.set(tab.id, tab);
}

/** The tabs the role may see, in their order. */
export function settingsTabs(role: Role): SettingsTab[] {
  return [...tabs.values()]
    .filter((tab) => !tab.permission || roleHas(role, tab.permission))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
