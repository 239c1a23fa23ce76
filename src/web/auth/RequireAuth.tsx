import { Button, Center, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/StatusPages.tsx';
import { useT } from '../i18n/locale.tsx';

/** Renders the workspace for a signed-in user; sends everyone else to /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Center component="main" p="xl">
        <Stack>
          <ErrorAlert error={me.error} />
          <Button onClick={() => void me.refetch()}>{t('web.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }
  return children;
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
