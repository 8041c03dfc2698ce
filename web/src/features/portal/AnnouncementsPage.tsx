import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPin, IconPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { type Announcement, useAnnouncements, useAnnouncementWrites } from '../../api/portal.ts';
import { useSites } from '../../api/sites.ts';
import type { Me, Site } from '../../api/types.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { type Editing, EditModal } from '../../ui/EditModal.tsx';
import { Markdown } from '../../ui/Markdown.tsx';
import { Page } from '../../ui/Page.tsx';
import { can } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { useZoned } from '../requests/shared/format.ts';
import { AnnouncementForm } from './AnnouncementForm.tsx';
import { DeflectionCard } from './DeflectionCard.tsx';

const STATUS_COLOR = { current: 'green', scheduled: 'blue', expired: 'gray' } as const;
type Filter = 'current' | 'scheduled' | 'expired' | 'all';

function Row({ item, sites, zone, onEdit }: { item: Announcement; sites: Site[]; zone: string; onEdit: () => void }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const { remove } = useAnnouncementWrites();
  const audience = item.siteIds.length
    ? item.siteIds.map((id) => sites.find((s) => s.id === id)?.name ?? '—').join(', ')
    : t('portal.manage.allSites');
  const window = item.endsAt
    ? t('portal.manage.window', { from: zoned.dateTime(item.startsAt, zone), to: zoned.dateTime(item.endsAt, zone) })
    : t('portal.manage.windowOpen', { from: zoned.dateTime(item.startsAt, zone) });
  return (
    <Card padding="md" component="article" aria-labelledby={`a-${item.id}`} data-testid="announcement-row">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          {item.pinned && <IconPin size={16} aria-label={t('portal.announcements.pinned')} style={{ flex: 'none' }} />}
          <Title order={2} size="h5" id={`a-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Title>
        </Group>
        <Badge variant="light" color={STATUS_COLOR[item.status]} tt="none">
          {t(`portal.manage.status.${item.status}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {audience} · {window}
      </Text>
      <Markdown html={item.html} shift={2} />
      {item.allowedActions.length > 0 && (
        <Group gap="xs" justify="flex-end">
          {item.allowedActions.includes('announcement.update') && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
              aria-label={t('portal.manage.editLabel', { title: item.title })}
            >
              {t('common.edit')}
            </Button>
          )}
          {item.allowedActions.includes('announcement.delete') && (
            <ConfirmButton
              size="xs"
              message={t('portal.manage.deleteConfirm', { title: item.title })}
              confirmLabel={t('common.delete')}
              onConfirm={() => remove.mutateAsync(item.id)}
              aria-label={t('portal.manage.deleteLabel', { title: item.title })}
            >
              {t('common.delete')}
            </ConfirmButton>
          )}
        </Group>
      )}
    </Card>
  );
}

/** `/annonces`: the coordinator's announcements (every window and site) and the self-help figure. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const [filter, setFilter] = useState<Filter>('current');
  const list = useAnnouncements({ status: filter, audience: 'all' });
  const sites = useSites().data?.items ?? [];
  const zone = sites.find((s) => s.id === me.siteId)?.timezone ?? 'Europe/Paris';
  const [editing, setEditing] = useState<Editing<Announcement>>(null);
  // Four choices do not fit a phone's width side by side.
  const narrow = useMediaQuery('(max-width: 30em)');
  const action = can(me, 'announcement.create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('portal.manage.new')}
    </Button>
  );
  return (
    <Page title={t('portal.manage.title')} testId="page-announcements" description={t('portal.manage.intro')} actions={action}>
      {can(me, 'deflection.read') && <DeflectionCard />}
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('portal.manage.filter')}
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={(['current', 'scheduled', 'expired', 'all'] as const).map((f) => ({
            value: f,
            label: t(`portal.manage.filters.${f}`),
          }))}
          orientation={narrow ? 'vertical' : 'horizontal'}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('portal.manage.empty')}</Empty>
            ) : (
              <Stack gap="sm">
                {data.items.map((a) => (
                  <Row key={a.id} item={a} sites={sites} zone={zone} onEdit={() => setEditing(a)} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('portal.manage.new'), edit: t('portal.manage.edit') }}
        size="lg"
      >
        {(item) => <AnnouncementForm item={item} sites={sites} zone={zone} onDone={() => setEditing(null)} />}
      </EditModal>
    </Page>
  );
}
