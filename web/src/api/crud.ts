import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { ItemList } from './types.ts';

/** A PATCH body: the changed fields plus the version the form was loaded with (optimistic concurrency). */
export type Patch<I> = Partial<I> & { id: string; version: number };

/** A plain collection endpoint: `GET|POST /path`, `GET|PATCH|DELETE /path/:id`, cached under `key`. */
export interface Collection {
  path: string;
  key: readonly string[];
}

const itemPath = (c: Collection, id: string) => `${c.path}/${encodeURIComponent(id)}`;

/** Every write refreshes the collection and the home-page overview. */
function useRefresh(c: Collection) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: c.key }), qc.invalidateQueries({ queryKey: keys.overview })]);
}

/** `GET /path`. */
export function useCollectionList<T>(c: Collection, enabled = true) {
  return useQuery({ queryKey: c.key, queryFn: () => api<ItemList<T>>(c.path), enabled });
}

/** `GET /path/:id`. */
export function useCollectionItem<T>(c: Collection, id: string | undefined) {
  return useQuery({ queryKey: [...c.key, id ?? ''], queryFn: () => api<T>(itemPath(c, id ?? '')), enabled: !!id });
}

/** `POST /path`. */
export function useCollectionCreate<T, I>(c: Collection) {
  const refresh = useRefresh(c);
  return useMutation({ mutationFn: (body: I) => api<T>(c.path, { method: 'POST', body }), onSuccess: refresh });
}

/** `PATCH /path/:id` with `version`; a stale version answers 409 `version_conflict`. */
export function useCollectionUpdate<T, I>(c: Collection) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: ({ id, ...body }: Patch<I>) => api<T>(itemPath(c, id), { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

/** `DELETE /path/:id`. */
export function useCollectionDelete(c: Collection) {
  const refresh = useRefresh(c);
  return useMutation({ mutationFn: (id: string) => api<void>(itemPath(c, id), { method: 'DELETE' }), onSuccess: refresh });
}
