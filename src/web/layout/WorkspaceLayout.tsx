import { AppShell, Burger, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageLoader } from '../components/StatusPages.tsx';
import { useT } from '../i18n/locale.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { MainNav } from './MainNav.tsx';
import { OrganizationSwitcher } from './OrganizationSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

/**
 * The signed-in shell: header (app name, organisation, language, user menu), the section menu
 * (a sidebar on wide screens, a drawer behind the burger on phones) and the page.
 */
export function WorkspaceLayout() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After in-app navigation, move focus to the page so screen readers and keyboards start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', sm: 'lg' }}>
      <a className="skip-link" href="#main">
        {t('web.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('web.shell.closeMenu') : t('web.shell.openMenu')}
              aria-expanded={opened}
              aria-controls="workspace-navbar"
            />
            <Text component={Link} to="/" fw={700} size="xl" c="opora.8" style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
            <Divider orientation="vertical" visibleFrom="sm" />
            <div style={{ minWidth: 0 }} className="header-organization">
              <Group visibleFrom="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <OrganizationSwitcher />
              </Group>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group visibleFrom="sm">
              <LanguageSwitch />
            </Group>
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="workspace-navbar" component="div">
        <Stack gap="sm" hiddenFrom="sm" mb="sm">
          <OrganizationSwitcher fullWidth />
          <LanguageSwitch fullWidth />
          <Divider />
        </Stack>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
