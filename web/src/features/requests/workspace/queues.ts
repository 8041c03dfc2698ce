import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { keys } from '../../../api/keys.ts';
import { useViewCounts, useViews } from '../../../api/requests.ts';
import type { RequestFilters, RequestPage } from '../../../api/types.ts';
import { FALLBACK_QUEUES, normalizeFilters } from '../shared/filters.ts';

const COUNT_LIMIT = 100;

/** One queue of the sidebar. */
export interface Queue {
  id: string;
  name: string;
  filters: RequestFilters;
  group: 'builtin' | 'shared' | 'personal';
  /** Undefined while unknown; `more` when the count was capped. */
  count?: number;
  more?: boolean;
  deletable: boolean;
}

/** Counts of the fallback queues: one capped list call each (only while the server has no saved views). */
function useFallbackCounts(enabled: boolean) {
  return useQueries({
    queries: FALLBACK_QUEUES.map((q) => ({
      queryKey: keys.requestList({ ...q.filters, count: true }),
      queryFn: () => api<RequestPage>('/requests', { query: { ...q.filters, limit: COUNT_LIMIT } }),
      enabled,
      staleTime: 30_000,
    })),
  });
}

/**
 * The queues: the server's saved views (built-in, shared, personal) with live counts, or the built-in
 * set computed here while `GET /api/views` does not exist. `available` says whether views can be saved.
 */
export function useQueues(): { queues: Queue[]; available: boolean; loading: boolean } {
  const { t } = useTranslation();
  const views = useViews();
  const serverViews = views.data?.items ?? null;
  const counts = useViewCounts(!!serverViews).data ?? null;
  const fallback = useFallbackCounts(views.isSuccess && serverViews === null);
  if (serverViews) {
    const queues = serverViews.map((v): Queue => {
      const count = counts?.[v.id] ?? v.count ?? undefined;
      return {
        id: v.id,
        name: v.name,
        filters: normalizeFilters(v.filters ?? {}),
        group: v.builtIn || v.builtin ? 'builtin' : v.shared ? 'shared' : 'personal',
        count: count ?? undefined,
        deletable: !(v.builtIn || v.builtin) && (v.allowedActions ? v.allowedActions.includes('view.delete') : !v.shared),
      };
    });
    return { queues, available: true, loading: false };
  }
  const queues = FALLBACK_QUEUES.map((q, i): Queue => {
    const page = fallback[i]?.data;
    return {
      id: q.id,
      name: t(`requests.queues.${q.key}` as 'requests.queues.mine'),
      filters: q.filters,
      group: 'builtin',
      count: page?.items.length,
      more: !!page?.nextCursor,
      deletable: false,
    };
  });
  return { queues, available: false, loading: views.isPending };
}
