import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Role } from '../../../domain/permissions.ts';
import type { MessageKey } from '../../i18n/locale.tsx';
import { useSignedIn } from '../../api/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/locale.tsx';
import { featuresFor, homeWidgetsFor } from '../registry.ts';

/** What each role does in Opora, in the words of the regulation. */
const ROLE_ABILITIES: Record<Role, MessageKey[]> = {
  head: ['web.home.can.head.1', 'web.home.can.head.2', 'web.home.can.head.3', 'web.home.can.head.4'],
  consultant: ['web.home.can.consultant.1', 'web.home.can.consultant.2', 'web.home.can.consultant.3'],
  staff: ['web.home.can.staff.1', 'web.home.can.staff.2', 'web.home.can.staff.3'],
  parent: ['web.home.can.parent.1', 'web.home.can.parent.2', 'web.home.can.parent.3'],
  operator: ['web.home.can.operator.1', 'web.home.can.operator.2', 'web.home.can.operator.3'],
  admin: ['web.home.can.admin.1', 'web.home.can.admin.2', 'web.home.can.admin.3', 'web.home.can.admin.4'],
};

/** The home page: a greeting, what the role can do, and cards for the sections it may open. */
export function DashboardPage() {
  const t = useT();
  const me = useSignedIn();
  const membership = me.membership;
  const sections = featuresFor(me.navigation);
  // «Фамилия Имя Отчество» is greeted by name and patronymic; other names in full.
  const parts = me.user.fullName.trim().split(/\s+/);
  const firstName = parts.length === 3 ? parts.slice(1).join(' ') : me.user.fullName;

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('web.home.greeting', { name: firstName })}
        documentTitle={t('web.nav.home')}
        lead={
          membership
            ? t('web.home.context', { role: t(`role.${membership.role}`), organization: membership.organizationName })
            : t('web.shell.noMembership')
        }
      />
      {homeWidgetsFor(me.navigation).map((widget) => (
        <div key={widget.id}>{widget.element}</div>
      ))}
      {membership ? (
        <section aria-labelledby="home-abilities">
          <Title order={2} size="h3" id="home-abilities" mb="sm">
            {t('web.home.canDo')}
          </Title>
          <List spacing="xs">
            {ROLE_ABILITIES[membership.role].map((key) => (
              <List.Item key={key}>{t(key)}</List.Item>
            ))}
          </List>
        </section>
      ) : null}
      {sections.length > 0 ? (
        <section aria-labelledby="home-sections">
          <Title order={2} size="h3" id="home-sections" mb="sm">
            {t('web.home.sections')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {sections.map((feature) => (
              <Card key={feature.section} withBorder padding="lg" component={Link} to={`/${feature.path}`} className="home-card">
                <Text fw={700} size="lg" c="opora.7">
                  {t(feature.labelKey)}
                </Text>
                {feature.descriptionKey ? (
                  <Text size="sm" c="dimmed" mt={4}>
                    {t(feature.descriptionKey)}
                  </Text>
                ) : null}
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ) : null}
    </Stack>
  );
}
