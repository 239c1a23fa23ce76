import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useSignedIn, useSwitchMembership } from '../api/me.ts';
import { errorText } from '../components/ErrorAlert.tsx';
import { useT } from '../i18n/locale.tsx';

/**
 * The current organisation and role; with several memberships, a menu to switch between them
 * (PUT /api/me/membership). Without any membership it says so.
 */
export function OrganizationSwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
  const t = useT();
  const me = useSignedIn();
  const navigate = useNavigate();
  const switchTo = useSwitchMembership();
  const current = me.membership;

  if (!current) {
    return (
      <Text size="sm" c="dimmed">
        {t('web.shell.noMembership')}
      </Text>
    );
  }

  const summary = (
    <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, lineHeight: 1.25 }}>
      <Text component="span" size="sm" fw={600} truncate="end" maw="100%">
        {current.organizationShortName}
      </Text>
      <Text component="span" size="xs" c="dimmed" truncate="end" maw="100%">
        {t(`role.${current.role}`)}
      </Text>
    </span>
  );

  if (me.memberships.length < 2) {
    return (
      <div style={{ minWidth: 0 }} data-testid="current-organization" aria-label={t('web.shell.organization')}>
        {summary}
      </div>
    );
  }

  return (
    <Menu position="bottom-start" withinPortal shadow="md" width={320}>
      <Menu.Target>
        <Button
          variant="default"
          h="auto"
          py={4}
          fullWidth={fullWidth}
          justify="space-between"
          aria-label={t('web.shell.switchOrg', { current: `${current.organizationShortName}, ${t(`role.${current.role}`)}` })}
          data-testid="current-organization"
          loading={switchTo.isPending}
          styles={{ inner: { justifyContent: 'flex-start' }, label: { minWidth: 0 } }}
        >
          {summary}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('web.shell.switchOrgTitle')}</Menu.Label>
        {me.memberships.map((membership) => {
          const isCurrent = membership.id === current.id;
          return (
            <Menu.Item
              key={membership.id}
              aria-current={isCurrent ? 'true' : undefined}
              leftSection={
                <Text component="span" aria-hidden="true" w="1em" c="opora.7" fw={700}>
                  {isCurrent ? '✓' : ''}
                </Text>
              }
              onClick={() => {
                if (isCurrent) return;
                switchTo.mutate(membership.id, {
                  onSuccess: () => void navigate('/'),
                  onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
                });
              }}
            >
              <Text size="sm" fw={600}>
                {membership.organizationShortName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`role.${membership.role}`)}
              </Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
