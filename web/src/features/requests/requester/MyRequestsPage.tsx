import { Anchor, Badge, Button, Card, Center, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLiveRefresh } from '../../../api/live.ts';
import { useMe } from '../../../api/me.ts';
import { usePortalHome } from '../../../api/portal.ts';
import { useRequestList } from '../../../api/requests.ts';
import type { Me, RequestFilters, RequestItem } from '../../../api/types.ts';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, ErrorBox, Loading } from '../../../ui/QueryState.tsx';
import { STATUS_COLOR } from '../shared/badges.tsx';
import { useZoned } from '../shared/format.ts';
import { ApprovalButtons } from './ApprovalButtons.tsx';
import { usePlainState } from './plain.ts';

function RequestCard({ item, approve }: { item: RequestItem; approve?: boolean }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const plain = usePlainState();
  return (
    <Card padding="md" data-testid="my-request">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" ff="monospace">
              {item.reference}
            </Text>
            <Anchor component={Link} to={`/mes-demandes/${item.id}`} fw={650}>
              {item.title}
            </Anchor>
          </Stack>
          <Badge variant="light" color={STATUS_COLOR[item.status]} tt="none">
            {t(`requests.status.${item.status}`)}
          </Badge>
        </Group>
        {approve && item.description && (
          <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.description}
          </Text>
        )}
        <Text size="sm">{plain(item)}</Text>
        <Text size="xs" c="dimmed">
          {[
            item.service?.name,
            approve ? item.requester?.name : null,
            t('requests.mine.updated', { date: zoned.dateTime(item.lastActivityAt ?? item.updatedAt, item.site?.timezone) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {approve && <ApprovalButtons request={item} />}
      </Stack>
    </Card>
  );
}

/** One list of the page (watched requests, approvals owed): cards, empty text, « load more ». */
function RequestList({
  filters,
  empty,
  approve,
  poll,
}: {
  filters: RequestFilters;
  empty: string;
  approve?: boolean;
  poll: boolean;
}) {
  const { t } = useTranslation();
  const list = useRequestList(filters, { poll });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorBox error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="sm">
      {items.length === 0 ? <Empty>{empty}</Empty> : items.map((i) => <RequestCard key={i.id} item={i} approve={approve} />)}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('requests.list.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

const TABS = { mine: 'mes-demandes', watching: 'suivies', approve: 'a-approuver' } as const;
type Tab = keyof typeof TABS;

/** « Mes demandes » (open or all), with « load more ». */
function MineList({ poll }: { poll: boolean }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'open' | 'all'>('open');
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('requests.mine.show')}
        value={show}
        onChange={(v) => setShow(v as 'open' | 'all')}
        data={[
          { value: 'open', label: t('requests.mine.inProgress') },
          { value: 'all', label: t('requests.mine.all') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <RequestList
        filters={{ requesterId: 'me', open: show === 'open' ? 'true' : undefined, sort: '-created' }}
        empty={show === 'open' ? t('requests.mine.empty') : t('requests.mine.emptyAll')}
        poll={poll}
      />
    </Stack>
  );
}

/**
 * `/mes-demandes`: three tabs — my requests in plain French, those I follow, and those waiting for my
 * approval (with their content) — and « Nouvelle demande ». `?onglet=suivies|a-approuver` opens a tab.
 */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const live = useLiveRefresh(me.user.id);
  const [params, setParams] = useSearchParams();
  const tab = (Object.entries(TABS).find(([, slug]) => slug === params.get('onglet'))?.[0] ?? 'mine') as Tab;
  const counts = usePortalHome(!!me.organization).data?.counts;
  const label = (key: Tab, count?: number) => (
    <Group gap={6} wrap="nowrap">
      {t(`portal.mine.${key}`)}
      {!!count && (
        <Badge size="sm" variant="filled" color="indigo.8" circle>
          {count}
        </Badge>
      )}
    </Group>
  );
  const action = can(me, 'request.create') && (
    <Button component={Link} to="/mes-demandes/nouvelle" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('requests.mine.new')}
    </Button>
  );
  return (
    <Page title={t('requests.mine.title')} testId="page-my-requests" description={t('requests.mine.intro')} actions={action}>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'mine' ? { onglet: TABS[v as Tab] } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('portal.mine.tabs')} mb="md">
          <Tabs.Tab value="mine">{label('mine')}</Tabs.Tab>
          <Tabs.Tab value="watching">{label('watching', counts?.watching)}</Tabs.Tab>
          <Tabs.Tab value="approve">{label('approve', counts?.toApprove)}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine">
          {!!counts?.toApprove && (
            <Anchor component={Link} to="/mes-demandes?onglet=a-approuver" fw={600} size="sm" mb="sm" display="inline-block">
              {t('portal.open.toApprove', { count: counts.toApprove })}
            </Anchor>
          )}
          <MineList poll={!live} />
        </Tabs.Panel>
        <Tabs.Panel value="watching">
          <Text size="sm" c="dimmed" mb="sm">
            {t('portal.mine.watchingIntro')}
          </Text>
          <RequestList filters={{ watching: 'true', sort: '-created' }} empty={t('portal.mine.watchingEmpty')} poll={!live} />
        </Tabs.Panel>
        <Tabs.Panel value="approve">
          <Text size="sm" c="dimmed" mb="sm">
            {t('requests.mine.toApproveIntro')}
          </Text>
          <RequestList
            filters={{ approving: 'true', sort: 'created' }}
            empty={t('portal.mine.approveEmpty')}
            approve
            poll={!live}
          />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
