import { Anchor, Badge, Button, Card, Center, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveRefresh } from '../../../api/live.ts';
import { useMe } from '../../../api/me.ts';
import { useRequestList } from '../../../api/requests.ts';
import type { Me, RequestItem } from '../../../api/types.ts';
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

/** Requests waiting for this person's approval (the list endpoint returns them to the approving role). */
function ToApprove() {
  const { t } = useTranslation();
  const list = useRequestList({ status: 'pending_approval', sort: 'created' });
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((i) => i.allowedActions.includes('request.approve'));
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="to-approve">
      <Title order={2} id="to-approve">
        {t('requests.mine.toApprove')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('requests.mine.toApproveIntro')}
      </Text>
      {items.map((i) => (
        <RequestCard key={i.id} item={i} approve />
      ))}
    </Stack>
  );
}

/** `/mes-demandes`: my requests in plain French, the approvals I owe, and « Nouvelle demande ». */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const live = useLiveRefresh(me.user.id);
  const [show, setShow] = useState<'open' | 'all'>('open');
  const list = useRequestList(
    { requesterId: 'me', open: show === 'open' ? 'true' : undefined, sort: '-created' },
    { poll: !live },
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const action = can(me, 'request.create') && (
    <Button component={Link} to="/mes-demandes/nouvelle" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('requests.mine.new')}
    </Button>
  );
  return (
    <Page title={t('requests.mine.title')} testId="page-my-requests" description={t('requests.mine.intro')} actions={action}>
      <ToApprove />
      <Stack gap="sm" component="section" aria-label={t('requests.mine.title')}>
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
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorBox error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty>{show === 'open' ? t('requests.mine.empty') : t('requests.mine.emptyAll')}</Empty>
        ) : (
          items.map((i) => <RequestCard key={i.id} item={i} />)
        )}
        {list.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('requests.list.loadMore')}
            </Button>
          </Center>
        )}
      </Stack>
    </Page>
  );
}
