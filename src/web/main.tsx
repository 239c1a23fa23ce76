import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import 'dayjs/locale/ru';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { ME_KEY } from './api/me.ts';
import './features/index.ts';
import { initialLocale, loadLocale, LocaleProvider, useLocale, useT } from './i18n/locale.tsx';
import { createAppRouter } from './routes.tsx';
import { buildTheme, cssVariablesResolver } from './theme.ts';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expired while the page was open: forget the user, RequireAuth sends to /login.
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== ME_KEY[0]) queryClient.setQueryData(ME_KEY, null);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter();

/** Mantine with texts (button names, calendars) in the interface language. */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const t = useT();
  const theme = useMemo(() => buildTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LocaleProvider>
        <LocalizedMantine>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </LocalizedMantine>
      </LocaleProvider>
    </StrictMode>,
  );
}

// The first page shows the chosen language at once (English is loaded only when chosen); should it
// fail to load, the page comes up in Russian.
loadLocale(initialLocale())
  .catch(() => undefined)
  .then(render);
