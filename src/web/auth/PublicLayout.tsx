import { Box, Container, Group, Paper, Text, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/locale.tsx';

/** Frame of the sign-in pages: app name and language switch above one centred card. */
export function PublicLayout() {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.0">
      <a className="skip-link" href="#main">
        {t('web.skipToContent')}
      </a>
      <Box component="header" px="md" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" maw={1100} mx="auto">
          <div>
            <Text fw={700} size="xl" c="opora.8" component="p">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={460} py="xl" px="md">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}

/** The h1 of a sign-in card. */
export function CardTitle({ children }: { children: string }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
