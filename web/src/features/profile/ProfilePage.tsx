import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../../api/me.ts';
import type { Me } from '../../api/types.ts';
import { Page } from '../../ui/Page.tsx';
import { IdentitySection, PasswordSection } from './IdentitySection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TotpSection } from './TotpSection.tsx';
import { NotificationSettingsSection } from '../notifications/NotificationSettingsSection.tsx';

/** `/profil`: identity and language, password, 2FA, sessions and API tokens. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <Page title={t('profile.title')} testId="page-profile">
      <Stack gap="lg" maw={880}>
        <IdentitySection me={me} />
        <TotpSection me={me} />
        <PasswordSection />
        {me.organization && <NotificationSettingsSection />}
        <SessionsSection />
        <TokensSection />
      </Stack>
    </Page>
  );
}
