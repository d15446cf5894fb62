import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { belongsToSession, meQueryKey, useMe } from '../features/auth/api/session';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from './api-client';
import { i18n, rememberLocale } from './i18n/i18n';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  // Keyboard users always see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
});

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // A refusal will not change by asking again; a flaky network might.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}

/** The user's saved language wins over the one guessed before sign-in. */
function SavedLocale() {
  const { data: me } = useMe();
  useEffect(() => {
    if (me?.locale && me.locale !== i18n.language) {
      rememberLocale(me.locale);
      void i18n.changeLanguage(me.locale);
    }
  }, [me?.locale]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // The session ended (expired, revoked, signed out in another tab): forget it; the router shows sign-in.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: belongsToSession });
      queryClient.setQueryData(meQueryKey, null);
      // What the node opens to visitors may have changed too (a workstation promoted to hub stops showing its
      // directory without sign-in); asking again sends them to sign-in instead of asking for the page again.
      void queryClient.invalidateQueries({ queryKey: ['node'] });
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <SavedLocale />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
