import { Alert, AppShell, Box, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/me.ts';
import type { Me } from '../api/types.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { NavMenu } from './NavMenu.tsx';
import { OrgSwitcher } from './OrgSwitcher.tsx';
import classes from './shell.module.css';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { UrgentAlerts } from '../features/channels/UrgentAlerts.tsx';

/** Shown on every page while the organisation requires 2FA and the user has not enabled it. */
function MfaEnrolmentAlert() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Alert color="orange" variant="light" icon={<IconShieldLock aria-hidden />} title={t('mfaAlert.title')} mb="lg" role="alert">
      <Text size="sm" c="dark.7">
        {t('mfaAlert.body')}
      </Text>
      {pathname !== '/profil' && (
        <Button component={Link} to="/profil#double-authentification" size="xs" mt="sm">
          {t('mfaAlert.action')}
        </Button>
      )}
    </Alert>
  );
}

function Header({ me, opened, toggle }: { me: Me; opened: boolean; toggle: () => void }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={opened}
          onClick={toggle}
          hiddenFrom="sm"
          size="sm"
          aria-label={opened ? t('nav.close') : t('nav.open')}
          aria-expanded={opened}
          aria-controls="app-navbar"
        />
        <Logo to={me.home} />
        {wide && <OrgSwitcher me={me} />}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch />
        {me.organization && <NotificationBell />}
        <UserMenu me={me} />
      </Group>
    </Group>
  );
}

/** The signed-in frame: header, navigation by role, and the `<main>` landmark. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu after each navigation
  useEffect(close, [pathname]);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#contenu" className={classes.skip}>
        {t('nav.skip')}
      </a>
      <AppShell.Header className={classes.header}>
        <Header me={me} opened={opened} toggle={toggle} />
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" aria-label={t('nav.main')} className={classes.navbar}>
        {!wide && me.organization && (
          <Stack p="sm" pb={0}>
            <OrgSwitcher me={me} fullWidth />
          </Stack>
        )}
        <NavMenu me={me} />
      </AppShell.Navbar>
      <AppShell.Main id="contenu" tabIndex={-1} className={classes.main}>
        <Box maw={1200}>
          {me.mfaEnrolmentRequired && <MfaEnrolmentAlert />}
          {me.organization && <UrgentAlerts />}
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
