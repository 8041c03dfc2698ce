import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingCommunity, IconCalendarEvent, IconClock, IconMapPin, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Overview, Site, Team } from '../../api/types.ts';
import { ModelBadge, OpenBadge } from '../../ui/badges.tsx';
import { useFormat, useSiteTime } from '../../ui/format.ts';
import { Section } from '../../ui/Page.tsx';
import { Empty } from '../../ui/QueryState.tsx';

/** Four key figures of the organisation. */
export function Counts({ counts }: { counts: Overview['counts'] }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const items = [
    { key: 'sites', icon: IconMapPin, value: counts.sites },
    { key: 'functions', icon: IconBuildingCommunity, value: counts.functions },
    { key: 'teams', icon: IconUsersGroup, value: counts.teams },
    { key: 'users', icon: IconUsers, value: counts.users },
  ] as const;
  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      spacing="md"
      component="ul"
      aria-label={t('home.countsLabel')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {items.map(({ key, icon: Icon, value }) => (
        <Card component="li" key={key} padding="md" data-testid={`count-${key}`}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
              <Icon size={20} />
            </ThemeIcon>
            <div>
              <Text size="xl" fw={700} lh={1.1}>
                {number(value)}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`home.counts.${key}`)}
              </Text>
            </div>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function SiteCard({ site, mine }: { site: Site; mine: boolean }) {
  const { t } = useTranslation();
  const { longDate } = useFormat();
  const siteTime = useSiteTime();
  return (
    <Card component="article" data-testid="site-card" aria-label={site.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Text fw={650} size="lg" lh={1.3}>
          {site.name}
        </Text>
        {site.openNow !== undefined && <OpenBadge open={site.openNow} />}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {site.address}
      </Text>
      {mine && (
        <Badge variant="outline" color="indigo" tt="none" mb="sm">
          {t('home.mySite')}
        </Badge>
      )}
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <IconClock size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm">
            {t('home.localTime')} <strong>{siteTime(site.localTime, site.timezone)}</strong>
            <Text span size="xs" c="dimmed">
              {' '}
              ({site.timezone})
            </Text>
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconCalendarEvent size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
          <Text size="sm">
            {site.nextHoliday
              ? t('home.nextHoliday', { name: site.nextHoliday.name, date: longDate(site.nextHoliday.date) })
              : t('home.noHoliday')}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** Sites as cards: local time, open now, next public holiday. */
export function SitesGrid({ sites, mySiteId }: { sites: Site[]; mySiteId?: string | null }) {
  const { t } = useTranslation();
  return (
    <Section title={t('home.sites')}>
      {sites.length === 0 ? (
        <Empty>{t('home.noSites')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {[...sites]
            .sort((a, b) => Number(b.id === mySiteId) - Number(a.id === mySiteId))
            .map((s) => (
              <SiteCard key={s.id} site={s} mine={s.id === mySiteId} />
            ))}
        </SimpleGrid>
      )}
    </Section>
  );
}

function TeamCard({ team, sites }: { team: Team; sites: Site[] }) {
  const { t } = useTranslation();
  const served = sites.filter((s) => team.siteIds.includes(s.id)).map((s) => s.name);
  return (
    <Card component="article" data-testid="team-card" aria-label={team.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Text fw={650} size="lg" lh={1.3}>
          {team.name}
        </Text>
        <ModelBadge model={team.model} />
      </Group>
      <Text size="sm">
        {t('home.members', { count: team.memberIds.length })} · {t('home.servedSites', { count: team.siteIds.length })}
      </Text>
      {served.length > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          {served.join(', ')}
        </Text>
      )}
      {team.model === 'outsourced' && team.providerName && (
        <Text size="sm" mt="xs">
          {t('home.provider', { name: team.providerName })}
        </Text>
      )}
    </Card>
  );
}

/** Teams with their organisation model as a badge. */
export function TeamsGrid({ title, teams, sites, empty }: { title: string; teams: Team[]; sites: Site[]; empty: string }) {
  return (
    <Section title={title}>
      {teams.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {teams.map((team) => (
            <TeamCard key={team.id} team={team} sites={sites} />
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}
