import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Announcement, PortalCategory, PortalHome } from '../../api/portal.ts';
import { useFormat } from '../../ui/format.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { Empty } from '../../ui/QueryState.tsx';
import { STATUS_COLOR } from '../requests/shared/badges.tsx';
import { categoryIcon } from './icons.ts';
import classes from './portal.module.css';
import { usePortalState } from './plain.ts';

/** One announcement: title, safe Markdown body, since when. */
export function AnnouncementCard({ item, headingLevel = 3 }: { item: Announcement; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <Card padding="md" component="article" aria-labelledby={`ann-${item.id}`} data-testid="announcement">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {item.pinned && (
          <IconPin size={16} aria-label={t('portal.announcements.pinned')} style={{ flex: 'none', marginTop: 4 }} />
        )}
        <Title order={headingLevel} size="h5" id={`ann-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Title>
      </Group>
      <Markdown html={item.html} shift={3} />
      <Text size="xs" c="dimmed">
        {t('portal.announcements.since', { date: date(item.startsAt) })}
        {item.authorName ? ` · ${item.authorName}` : ''}
      </Text>
    </Card>
  );
}

export function AnnouncementsBlock({ items }: { items: Announcement[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-announcements">
      <Title order={2} size="h3" id="portal-announcements">
        {t('portal.announcements.title')}
      </Title>
      {items.map((a) => (
        <AnnouncementCard key={a.id} item={a} />
      ))}
    </Stack>
  );
}

/** « Mes demandes en cours »: each open request with where it stands in plain French. */
export function OpenRequests({ home }: { home: PortalHome }) {
  const { t } = useTranslation();
  const state = usePortalState();
  const { open, waitingOnMe, toApprove } = home.counts;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-open">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h3" id="portal-open">
          {t('portal.open.title')}
        </Title>
        <Anchor component={Link} to="/mes-demandes" size="sm">
          {t('portal.open.all', { count: open })}
        </Anchor>
      </Group>
      {waitingOnMe > 0 && (
        <Text size="sm" fw={700}>
          {t('portal.open.waitingOnMe', { count: waitingOnMe })}
        </Text>
      )}
      {toApprove > 0 && (
        <Anchor component={Link} to="/mes-demandes?onglet=a-approuver" size="sm" fw={600}>
          {t('portal.open.toApprove', { count: toApprove })}
        </Anchor>
      )}
      {home.openRequests.length === 0 ? (
        <Empty>{t('portal.open.empty')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" className={classes.plainList}>
          {home.openRequests.map((r) => (
            <Card component="li" key={r.id} padding="sm" data-testid="portal-request">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/mes-demandes/${r.id}`} fw={650} style={{ overflowWrap: 'anywhere' }}>
                  {r.title}
                </Anchor>
                <Badge variant="light" color={STATUS_COLOR[r.status]} tt="none" style={{ flex: 'none' }}>
                  {t(`requests.status.${r.status}`)}
                </Badge>
              </Group>
              <Text size="sm" data-testid="portal-request-state">
                {state(r)}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {r.reference}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CategoryCard({ category }: { category: PortalCategory }) {
  const Icon = categoryIcon(category.icon);
  return (
    <Card padding="md" component="section" aria-labelledby={`cat-${category.id}`}>
      <Group gap="sm" wrap="nowrap" mb="xs">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <Icon size={20} />
        </ThemeIcon>
        <Title order={3} size="h5" id={`cat-${category.id}`}>
          {category.name}
        </Title>
      </Group>
      <Stack gap={4} component="ul" className={classes.plainList}>
        {category.services.map((s) => (
          <li key={s.id}>
            <Anchor
              component={Link}
              to={`/mes-demandes/nouvelle?service=${encodeURIComponent(s.id)}`}
              size="sm"
              className={classes.serviceLink}
              data-testid="portal-service"
            >
              {s.name}
            </Anchor>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** The catalogue by category, each with its icon; a service opens its form. */
export function Catalogue({ categories, canCreate }: { categories: PortalCategory[]; canCreate: boolean }) {
  const { t } = useTranslation();
  if (!canCreate || categories.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-catalogue">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h3" id="portal-catalogue">
          {t('portal.catalogue.title')}
        </Title>
        <Button
          component={Link}
          to="/mes-demandes/nouvelle"
          variant="subtle"
          size="compact-sm"
          rightSection={<IconArrowRight size={14} aria-hidden />}
        >
          {t('portal.catalogue.all')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {categories.map((c) => (
          <CategoryCard key={c.id} category={c} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
