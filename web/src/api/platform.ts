import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { ItemList, NewOrganization, PlatformOrganization } from './types.ts';

/** `GET /api/platform/organizations` (operator). */
export function usePlatformOrganizations() {
  return useQuery({
    queryKey: keys.platformOrgs,
    queryFn: () => api<ItemList<PlatformOrganization>>('/platform/organizations'),
  });
}

/** `POST /api/platform/organizations`. */
export function useCreatePlatformOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrganization) => api<PlatformOrganization>('/platform/organizations', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: keys.platformOrgs }), qc.invalidateQueries({ queryKey: keys.me })]),
  });
}
