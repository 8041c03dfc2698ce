import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './App.tsx';
import { isApiError } from './api/client.ts';
import { keys } from './api/keys.ts';
import './i18n/index.ts';
import { cssVariablesResolver, withCloseLabel } from './theme.ts';

/** A 401 anywhere means the session ended: forget the user so the guard sends them to the login page. */
function onError(error: unknown): void {
  if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') queryClient.setQueryData(keys.me, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      staleTime: 15_000,
    },
  },
});

/** Providers; the theme and the calendars' locale follow the UI language (names of close buttons, month names). */
function Root() {
  const { t, i18n } = useTranslation();
  const themed = useMemo(() => withCloseLabel(t('common.close')), [t]);
  const dates = useMemo(() => ({ locale: i18n.language, firstDayOfWeek: 1 as const }), [i18n.language]);
  return (
    <MantineProvider
      theme={themed}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      forceColorScheme="light"
    >
      <DatesProvider settings={dates}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
