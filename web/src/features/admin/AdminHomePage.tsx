import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconBuilding,
  IconBuildingCommunity,
  IconChevronRight,
  IconMapPin,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/me.ts';
import { useOverview } from '../../api/organization.ts';
import { Page, Section } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Counts, SitesGrid, TeamsGrid } from '../home/OverviewParts.tsx';

const CARDS = [
  { key: 'organization', to: '/admin/organisation', icon: IconBuilding },
  { key: 'sites', to: '/admin/sites', icon: IconMapPin },
  { key: 'functions', to: '/admin/fonctions', icon: IconBuildingCommunity },
  { key: 'teams', to: '/admin/equipes', icon: IconUsersGroup },
  { key: 'users', to: '/admin/utilisateurs', icon: IconUsers },
] as const;

function AdminCards() {
  const { t } = useTranslation();
  return (
    <Section title={t('home.manage')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {CARDS.map(({ key, to, icon: Icon }) => (
          <UnstyledButton key={key} component={Link} to={to} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Card h="100%">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden>
                  <Icon size={20} />
                </ThemeIcon>
                <Stack gap={2} style={{ flex: 1 }}>
                  <Text fw={650}>{t(`nav.${key}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`admin.cards.${key}`)}
                  </Text>
                </Stack>
                <IconChevronRight size={18} aria-hidden />
              </Group>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Section>
  );
}

/** `/admin`: the key user's home, overview plus the configuration screens. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const overview = useOverview(!!me?.organization);
  const org = me?.organization?.name ?? '';
  return (
    <Page title={t('home.spaces.org_admin')} testId="page-admin" description={t('home.intros.admin', { org })}>
      <QueryState query={overview}>
        {(data) => (
          <Stack gap="xl">
            <Counts counts={data.counts} />
            <AdminCards />
            <SitesGrid sites={data.sites} mySiteId={me?.siteId} />
            <TeamsGrid title={t('home.teams')} teams={data.teams} sites={data.sites} empty={t('home.noTeams')} />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
