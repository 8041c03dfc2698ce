import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSetupStatus } from '../api/auth.ts';
import { useMe } from '../api/me.ts';
import type { Me } from '../api/types.ts';
import { isLocale } from '../i18n/index.ts';
import { ErrorBox } from './QueryState.tsx';

/** Full-screen spinner while the session is being checked. */
export function Splash() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status" aria-label={t('common.loading')}>
      <Loader aria-hidden />
    </Center>
  );
}

/** Applies the signed-in user's saved language once per user. */
function useUserLocale(me: Me | null | undefined) {
  const { i18n } = useTranslation();
  const userId = me?.user.id;
  const locale = me?.user.locale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the signed-in user changes
  useEffect(() => {
    if (isLocale(locale) && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [userId]);
}

/** Routes below need a session; otherwise go to the login page and come back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  useUserLocale(me.data);
  if (me.isPending) return <Splash />;
  if (me.isError)
    return (
      <Center component="main" h="100vh" p="md">
        <ErrorBox error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/connexion?suite=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** `/`: the user's home, the first-run screen, or the login page. */
export function RootRedirect() {
  const me = useMe();
  const setup = useSetupStatus();
  if (me.isPending || (me.data === null && setup.isPending)) return <Splash />;
  if (me.data) return <Navigate to={me.data.home} replace />;
  if (setup.data?.needsSetup) return <Navigate to="/installation" replace />;
  return <Navigate to="/connexion" replace />;
}

/** The page to open after login: the `suite` parameter if it is a local path, else the role home. */
export function nextPath(search: URLSearchParams, home: string): string {
  const next = search.get('suite');
  return next?.startsWith('/') && !next.startsWith('//') ? next : home;
}
