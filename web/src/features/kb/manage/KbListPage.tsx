import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconFolders, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKbArticles, useKbReviewDue, useKbSpaces } from '../../../api/kb.ts';
import { KB_STATUSES, KB_TYPES, type KbArticleSummary } from '../../../api/kb-types.ts';
import { useMe } from '../../../api/me.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { StatusBadge, TypeBadge, useKbDate } from '../parts.tsx';
import { useKbFilters } from '../useKbFilters.ts';
import { SpacesModal } from './SpacesModal.tsx';

const PAGE = 25;

function Filters({ filters }: { filters: ReturnType<typeof useKbFilters> }) {
  const { t } = useTranslation();
  const spaces = useKbSpaces().data?.items ?? [];
  const select = (name: 'spaceId' | 'type' | 'status', label: string, all: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      data={[{ value: '', label: all }, ...data]}
      value={filters.get(name)}
      onChange={(v) => filters.set({ [name]: v ?? '', page: '' })}
      allowDeselect={false}
    />
  );
  return (
    <Stack gap="sm" role="search">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={t('kb.manage.search')}
          placeholder={t('kb.manage.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.text}
          onChange={(e) => filters.setText(e.currentTarget.value)}
        />
        {select(
          'spaceId',
          t('kb.manage.space'),
          t('kb.manage.allSpaces'),
          spaces.map((s) => ({ value: s.id, label: s.name })),
        )}
        {select(
          'type',
          t('kb.manage.type'),
          t('kb.manage.allTypes'),
          KB_TYPES.map((k) => ({ value: k, label: t(`kb.types.${k}`) })),
        )}
        {select(
          'status',
          t('kb.manage.status'),
          t('kb.manage.allStatuses'),
          KB_STATUSES.map((k) => ({ value: k, label: t(`kb.statuses.${k}`) })),
        )}
      </SimpleGrid>
      <Checkbox
        label={t('kb.manage.reviewDueOnly')}
        checked={filters.get('reviewDue') === 'true'}
        onChange={(e) => filters.set({ reviewDue: e.currentTarget.checked ? 'true' : '', page: '' })}
      />
    </Stack>
  );
}

function Row({ article }: { article: KbArticleSummary }) {
  const date = useKbDate();
  return (
    <Table.Tr data-testid="kb-row">
      <Table.Td>
        <Anchor component={Link} to={`/base-de-connaissances/${article.id}`} fw={600} size="sm">
          {article.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <TypeBadge type={article.type} />
      </Table.Td>
      <Table.Td>
        <StatusBadge status={article.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{article.spaceName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{article.ownerName ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <ReviewCell article={article} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{date(article.updatedAt)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Review date, or a red « À relire » badge (with an icon and words, not only a colour) once it has passed. */
function ReviewCell({ article }: { article: KbArticleSummary }) {
  const { t } = useTranslation();
  const date = useKbDate();
  if (!article.reviewDue) return <Text size="sm">{date(article.reviewAt)}</Text>;
  return (
    <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      {t('kb.manage.reviewDueBadge', { date: date(article.reviewAt) })}
    </Badge>
  );
}

/** On a phone: one card per article instead of a wide table. */
function ArticleCards({ items }: { items: KbArticleSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('kb.manage.table')}>
      {items.map((a) => (
        <Card key={a.id} component="li" padding="sm" data-testid="kb-row">
          <Anchor component={Link} to={`/base-de-connaissances/${a.id}`} fw={600} size="sm">
            {a.title}
          </Anchor>
          <Group gap={6} mt={6}>
            <TypeBadge type={a.type} />
            <StatusBadge status={a.status} />
            {a.reviewDue && <ReviewCell article={a} />}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {a.spaceName}
            {a.ownerName ? ` · ${a.ownerName}` : ''}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** The articles past their review date that are the actor's to look at, with a shortcut to list them. */
function ReviewDueAlert({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation();
  const due = useKbReviewDue().data?.items ?? [];
  if (due.length === 0) return null;
  return (
    <Alert variant="light" color="orange" icon={<IconAlertTriangle aria-hidden />} data-testid="kb-review-due">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dark.7">
          {t('kb.manage.reviewDueAlert', { count: due.length })}
        </Text>
        <Button size="xs" variant="default" onClick={onShow}>
          {t('kb.manage.showReviewDue')}
        </Button>
      </Group>
    </Alert>
  );
}

const COLUMNS = ['title', 'type', 'status', 'space', 'owner', 'review', 'updated'] as const;

/** The filtered articles, a page at a time: a table on wide screens, cards on a phone. */
function ArticleList({ filters }: { filters: ReturnType<typeof useKbFilters> }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const page = Math.max(1, Number(filters.get('page')) || 1);
  const list = useKbArticles({
    q: filters.get('q'),
    spaceId: filters.get('spaceId'),
    type: filters.get('type'),
    status: filters.get('status'),
    reviewDue: filters.get('reviewDue') === 'true' ? 'true' : undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  return (
    <QueryState query={list}>
      {(data) => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" role="status">
            {t('kb.manage.total', { count: data.total })}
          </Text>
          {data.items.length === 0 ? (
            <Empty>{t('kb.manage.empty')}</Empty>
          ) : !wide ? (
            <ArticleCards items={data.items} />
          ) : (
            <DataTable
              label={t('kb.manage.table')}
              columns={COLUMNS.map((c) => t(`kb.manage.columns.${c}`))}
              minWidth={900}
              testId="kb-table"
            >
              {data.items.map((a) => (
                <Row key={a.id} article={a} />
              ))}
            </DataTable>
          )}
          {data.total > PAGE && (
            <Pagination
              total={Math.ceil(data.total / PAGE)}
              value={page}
              onChange={(p) => filters.set({ page: p > 1 ? String(p) : '' })}
              getControlProps={(control) => ({ 'aria-label': t(`kb.manage.pager.${control}`) })}
              aria-label={t('kb.manage.page')}
            />
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** `/base-de-connaissances`: every article the staff member may see, filtered; create; manage spaces. */
export function KbListPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const filters = useKbFilters();
  const [spacesOpen, spacesModal] = useDisclosure(false);
  const actions = (
    <>
      <Button variant="default" leftSection={<IconFolders size={16} aria-hidden />} onClick={spacesModal.open}>
        {t('kb.manage.spaces')}
      </Button>
      {can(me, 'kb.create') && (
        <Button component={Link} to="/base-de-connaissances/nouveau" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('kb.manage.new')}
        </Button>
      )}
    </>
  );
  return (
    <Page title={t('kb.manage.title')} testId="page-kb" description={t('kb.manage.intro')} actions={actions}>
      <ReviewDueAlert onShow={() => filters.set({ reviewDue: 'true', status: '', page: '' })} />
      <Filters filters={filters} />
      <ArticleList filters={filters} />
      <SpacesModal opened={spacesOpen} onClose={spacesModal.close} />
    </Page>
  );
}
