import { Button, Center, Group, Text } from '@mantine/core';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RequestFilters, RequestPage } from '../../../api/types.ts';
import { Empty, ErrorBox, Loading } from '../../../ui/QueryState.tsx';
import { type FilterPatch, ResetFilters, SortSelect } from './FilterBar.tsx';
import { type ListProps, RequestCards, RequestTable } from './RequestList.tsx';

interface Props {
  list: UseInfiniteQueryResult<InfiniteData<RequestPage>>;
  listProps: ListProps;
  phone: boolean;
  filters: RequestFilters;
  onChange: (patch: FilterPatch) => void;
  onReset: () => void;
}

/** The list part of the workspace: count, « Effacer les filtres », sort, the table (cards on phones), « Charger plus ». */
export function ListArea({ list, listProps, phone, filters, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const { items } = listProps;
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Group gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.isSuccess ? t('requests.list.shown', { count: items.length }) : ''}
          </Text>
          <ResetFilters filters={filters} onReset={onReset} />
        </Group>
        <SortSelect value={filters.sort} onChange={onChange} />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorBox error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('requests.list.empty')}</Empty>
      ) : phone ? (
        <RequestCards {...listProps} />
      ) : (
        <RequestTable {...listProps} />
      )}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('requests.list.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
