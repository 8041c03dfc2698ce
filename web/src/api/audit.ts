import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { AuditFilters, AuditPage, AuditVerify } from './types.ts';

const PAGE_SIZE = 50;

/** `GET /api/audit` page by page ("Charger plus" passes `before`). */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: keys.audit(filters),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api<AuditPage>('/audit', { query: { ...filters, before: pageParam, limit: PAGE_SIZE } }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** `GET /api/audit/verify`, run on demand only. */
export function useAuditVerify() {
  return useQuery({
    queryKey: keys.auditVerify,
    queryFn: () => api<AuditVerify>('/audit/verify'),
    enabled: false,
    gcTime: 0,
  });
}
