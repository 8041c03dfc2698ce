import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import {
  type Collection,
  useCollectionCreate,
  useCollectionDelete,
  useCollectionItem,
  useCollectionList,
  useCollectionUpdate,
} from './crud.ts';
import { keys } from './keys.ts';
import type { Closure, ItemList, Site, SiteCalendar, SiteInput } from './types.ts';

const SITES: Collection = { path: '/sites', key: keys.sites };
/** `GET /api/sites`. */
export const useSites = () => useCollectionList<Site>(SITES);
/** `GET /api/sites/:id`. */
export const useSite = (id: string | undefined) => useCollectionItem<Site>(SITES, id);
/** `POST /api/sites`. */
export const useCreateSite = () => useCollectionCreate<Site, SiteInput>(SITES);
/** `PATCH /api/sites/:id` (with `version`). */
export const useUpdateSite = () => useCollectionUpdate<Site, SiteInput>(SITES);
/** `DELETE /api/sites/:id`. */
export const useDeleteSite = () => useCollectionDelete(SITES);

const path = (siteId: string) => `/sites/${encodeURIComponent(siteId)}`;

/** `GET /api/sites/:id/closures`. */
export function useClosures(siteId: string) {
  return useQuery({ queryKey: keys.closures(siteId), queryFn: () => api<ItemList<Closure>>(`${path(siteId)}/closures`) });
}

function useRefreshSiteDates(siteId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.site(siteId) });
}

/** `POST /api/sites/:id/closures`. */
export function useCreateClosure(siteId: string) {
  const refresh = useRefreshSiteDates(siteId);
  return useMutation({
    mutationFn: (body: Omit<Closure, 'id'>) => api<Closure>(`${path(siteId)}/closures`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** `DELETE /api/sites/:id/closures/:closureId`. */
export function useDeleteClosure(siteId: string) {
  const refresh = useRefreshSiteDates(siteId);
  return useMutation({
    mutationFn: (closureId: string) =>
      api<void>(`${path(siteId)}/closures/${encodeURIComponent(closureId)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

/** `GET /api/sites/:id/calendar?year=`: public holidays and closures of a year. */
export function useSiteCalendar(siteId: string, year: number) {
  return useQuery({
    queryKey: keys.calendar(siteId, year),
    queryFn: () => api<SiteCalendar>(`${path(siteId)}/calendar`, { query: { year } }),
  });
}
