import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './client.ts';
import { keys } from './keys.ts';
import type {
  BulkResult,
  CannedResponse,
  ItemList,
  RequestDetail,
  RequestFilters,
  RequestItem,
  RequestPage,
  SavedView,
} from './types.ts';

const PAGE = 50;
const path = (id: string) => `/requests/${encodeURIComponent(id)}`;

/** A call to an endpoint that may not exist on this server yet: `null` on 404/405 instead of an error. */
export async function optional<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    if (isApiError(e) && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

/** A random key for `Idempotency-Key` (crypto.randomUUID needs a secure context; plain http falls back). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** After any write: the lists, the queue counts and the request itself are refreshed. */
function useRefresh() {
  const qc = useQueryClient();
  return (detail?: RequestDetail) => {
    if (detail) qc.setQueryData(keys.request(detail.id), detail);
    return Promise.all([
      qc.invalidateQueries({ queryKey: [...keys.requests, 'list'] }),
      qc.invalidateQueries({ queryKey: keys.views }),
    ]);
  };
}

/** `GET /api/requests` page by page (keyset cursor); `poll` refetches every minute when live updates are off. */
export function useRequestList(filters: RequestFilters, { enabled = true, poll = false } = {}) {
  return useInfiniteQuery({
    queryKey: keys.requestList(filters),
    queryFn: ({ pageParam }) => api<RequestPage>('/requests', { query: { ...filters, cursor: pageParam, limit: PAGE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    refetchInterval: poll ? 60_000 : false,
  });
}

/** `GET /api/requests/:id` with its timeline. */
export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: keys.request(id ?? ''),
    queryFn: () => api<RequestDetail>(path(id ?? '')),
    enabled: !!id,
  });
}

export type RequestPatch = Partial<
  Pick<RequestItem, 'title' | 'description' | 'status' | 'priority' | 'tags'> & {
    assigneeId: string | null;
    teamId: string | null;
    siteId: string;
    serviceId: string;
  }
>;

/** `PATCH /api/requests/:id` with `version` (409 `version_conflict` when someone saved first). */
export function useUpdateRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: RequestPatch & { id: string; version: number }) =>
      api<RequestDetail>(path(id), { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

/** `POST /api/requests/:id/comments {body, internal, status?}`: a public reply or an internal note. */
export function useAddComment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { body: string; internal: boolean; status?: string }) =>
      api<RequestDetail>(`${path(id)}/comments`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** `POST /api/requests/:id/cancel|reopen {reason?}`. */
export function useWorkflowAction(id: string, action: 'cancel' | 'reopen') {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (reason?: string) => api<RequestDetail>(`${path(id)}/${action}`, { method: 'POST', body: { reason } }),
    onSuccess: refresh,
  });
}

/** `POST /api/requests/:id/approval {approve, comment?}`. */
export function useDecideApproval(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { approve: boolean; comment?: string }) =>
      api<RequestDetail>(`${path(id)}/approval`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export interface NewRequestInput {
  serviceId: string;
  title: string;
  description: string;
  answers: Record<string, unknown>;
  siteId?: string;
  requesterId?: string;
  source?: string;
}

/** `POST /api/requests` with an `Idempotency-Key`: a double click or a retry never creates twice. */
export function useCreateRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ input, key }: { input: NewRequestInput; key: string }) =>
      api<RequestDetail>('/requests', { method: 'POST', body: input, headers: { 'Idempotency-Key': key } }),
    onSuccess: (detail) => refresh(detail),
  });
}

/** `POST /api/requests/:id/attachments` (multipart, `internal=true` for files of an internal note). */
export function uploadAttachments(id: string, files: File[], internal: boolean) {
  const form = new FormData();
  if (internal) form.append('internal', 'true');
  for (const file of files) form.append('file', file, file.name);
  return api<unknown>(`${path(id)}/attachments`, { method: 'POST', body: form });
}

/** Download address of an attachment (served as `Content-Disposition: attachment`). */
export const attachmentUrl = (id: string, attachmentId: string) =>
  `/api${path(id)}/attachments/${encodeURIComponent(attachmentId)}`;

/** A small write on a request's sub-resource (checklist, watchers, links), then a fresh detail. */
export function useRequestWrite(id: string) {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ method, sub, body }: { method: 'POST' | 'PATCH' | 'DELETE'; sub: string; body?: unknown }) =>
      api<unknown>(`${path(id)}/${sub}`, { method, body }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: keys.request(id) }), refresh()]),
  });
}

/** `GET /api/views`: the queues (null while the server has no saved views). */
export function useViews(enabled = true) {
  return useQuery({
    queryKey: keys.views,
    queryFn: () => optional(api<ItemList<SavedView>>('/views')),
    enabled,
    staleTime: 60_000,
  });
}

/** `GET /api/views/counts`: `{ viewId: count }`, refreshed by live events. */
export function useViewCounts(enabled = true) {
  return useQuery({
    queryKey: keys.viewCounts,
    queryFn: () => optional(api<Record<string, number>>('/views/counts')),
    enabled,
  });
}

/** `POST /api/views {name, filters, shared}`. */
export function useCreateView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; filters: Record<string, unknown>; shared: boolean }) =>
      api<SavedView>('/views', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.views }),
  });
}

/** `DELETE /api/views/:id`. */
export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.views }),
  });
}

/** `GET /api/canned-responses?teamId=` (null while the server has none: the menu hides). */
export function useCannedResponses(teamId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.canned(teamId ?? ''),
    queryFn: () => optional(api<ItemList<CannedResponse>>('/canned-responses', { query: { teamId } })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** `POST /api/canned-responses/:id/render {requestId}` → the body with the request's placeholders filled. */
export function renderCanned(cannedId: string, requestId: string) {
  return api<{ body: string }>(`/canned-responses/${encodeURIComponent(cannedId)}/render`, {
    method: 'POST',
    body: { requestId },
  });
}

export type BulkAction = 'assign' | 'status' | 'priority' | 'add_tag' | 'remove_tag';

/** The PATCH one bulk action means for one request (fallback while the bulk endpoint is missing). */
function patchFor(item: RequestItem, action: BulkAction, value: string | null) {
  if (action === 'assign') return { assigneeId: value };
  if (action === 'status') return { status: value };
  if (action === 'priority') return { priority: value };
  const tags = new Set(item.tags);
  if (action === 'add_tag' && value) tags.add(value);
  if (action === 'remove_tag' && value) tags.delete(value);
  return { tags: [...tags] };
}

async function bulkOneByOne(items: RequestItem[], action: BulkAction, value: string | null): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const item of items) {
    try {
      await api(path(item.id), { method: 'PATCH', body: { version: item.version, ...patchFor(item, action, value) } });
      results.push({ id: item.id, ok: true });
    } catch (e) {
      results.push({ id: item.id, ok: false, code: isApiError(e) ? e.code : 'error', message: isApiError(e) ? e.message : '' });
    }
  }
  return { results };
}

/** `POST /api/requests/bulk {ids, action, value}` → per-request results (one PATCH each when the endpoint is missing). */
export function useBulkAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ items, action, value }: { items: RequestItem[]; action: BulkAction; value: string | null }) => {
      const ids = items.map((i) => i.id);
      const result = await optional(api<BulkResult>('/requests/bulk', { method: 'POST', body: { ids, action, value } }));
      return result ?? bulkOneByOne(items, action, value);
    },
    onSettled: () => refresh(),
  });
}

/** `POST /api/uploads`: files for the form answers of a request still being written (ids go in `answers`). */
export function stageUploads(files: File[]) {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return api<{ items: { id: string; fileName: string }[] }>('/uploads', { method: 'POST', body: form });
}

export interface DirectoryPerson {
  id: string;
  displayName: string;
  siteName: string | null;
}

/** `GET /api/directory?q=`: colleagues by name, for « person » fields (open to every member). */
export function searchDirectory(q: string) {
  return api<{ items: DirectoryPerson[] }>('/directory', { query: { q, limit: 20 } });
}
