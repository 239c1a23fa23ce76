import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useRouteError } from 'react-router';
import { useT } from '../i18n/locale.tsx';
import { errorText } from './ErrorAlert.tsx';

export function PageLoader() {
  const t = useT();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden="true" />
      <Text ml="sm">{t('web.loading')}</Text>
    </Center>
  );
}

function Message({ title, text }: { title: string; text: string }) {
  const t = useT();
  useDocumentTitle(`${title} — ${t('app.name')}`);
  return (
    <Stack align="flex-start" py="xl" maw={560}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text>{text}</Text>
      <Button component={Link} to="/">
        {t('web.notFound.home')}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  const t = useT();
  return <Message title={t('web.notFound.title')} text={t('web.notFound.text')} />;
}

export function ForbiddenPage() {
  const t = useT();
  return <Message title={t('web.forbidden.title')} text={t('web.forbidden.text')} />;
}

/** Shown when a page throws while rendering: better than a blank screen. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  return (
    <main style={{ padding: '2rem' }}>
      <Message title={t('web.error.pageTitle')} text={errorText(error, t)} />
    </main>
  );
}
