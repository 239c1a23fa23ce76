import { Select, Stack, Tabs, Text } from '@mantine/core';
import { Suspense, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSignedIn } from '../../api/me.ts';
import { useOrganizations, type Organization } from '../../api/organizations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { settingsTabs } from './settings-tabs.ts';

/** Organisations of the subtree, parents before children, indented by depth. */
function organizationOptions(organizations: readonly Organization[]) {
  const byParent = new Map<string | null, Organization[]>();
  const ids = new Set(organizations.map((o) => o.id));
  for (const org of organizations) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), org]);
  }
  const options: Array<{ value: string; label: string }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const org of (byParent.get(parent) ?? []).sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'))) {
      options.push({ value: org.id, label: `${'\u2003'.repeat(depth)}${org.shortName}` });
      walk(org.id, depth + 1);
    }
  };
  walk(null, 0);
  return options;
}

/**
 * Settings of an organisation (/settings/<tab>?org=<id>): one tab per registered settings area,
 * the school's calendar first. A head sets up their school; an admin may pick any organisation of
 * their subtree.
 */
export default function SettingsPage() {
  const t = useT();
  const me = useSignedIn();
  const membership = me.membership;
  const organizations = useOrganizations(Boolean(membership));
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { '*': rest = '' } = useParams();
  const tabs = membership ? settingsTabs(membership.role) : [];
  const requested = rest.split('/')[0];
  const tab = tabs.find((candidate) => candidate.id === requested) ?? tabs[0];
  const options = useMemo(() => organizationOptions(organizations.data ?? []), [organizations.data]);

  if (!membership) return null;
  const organizationId = params.get('org') ?? membership.organizationId;
  const organizationName = organizations.data?.find((o) => o.id === organizationId)?.shortName ?? membership.organizationShortName;

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t('web.nav.settings')} lead={t('settings.lead', { name: organizationName })} />
      {options.length > 1 ? (
        <Select
          label={t('settings.organization')}
          description={t('settings.organizationHint')}
          data={options}
          value={organizationId}
          onChange={(value) => value && setParams(value === membership.organizationId ? {} : { org: value }, { replace: true })}
          searchable
          allowDeselect={false}
          maw={480}
          data-testid="settings-organization"
        />
      ) : null}
      {tab ? (
        <Tabs
          value={tab.id}
          onChange={(value) => value && void navigate({ pathname: `/settings/${value}`, search: params.toString() })}
          keepMounted={false}
        >
          <Tabs.List>
            {tabs.map((candidate) => (
              <Tabs.Tab key={candidate.id} value={candidate.id}>
                {t(candidate.labelKey)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((candidate) => (
            <Tabs.Panel key={candidate.id} value={candidate.id} pt="lg">
              <Suspense fallback={<PageLoader />}>{candidate.render({ organizationId, organizationName })}</Suspense>
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <Text>{t('settings.none')}</Text>
      )}
    </Stack>
  );
}
