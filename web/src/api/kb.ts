import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  KbArticle,
  KbArticleInput,
  KbArticlePatch,
  KbArticleSummary,
  KbDiff,
  KbList,
  KbListFilters,
  KbRevision,
  KbSpace,
  KbStatus,
  KbTemplate,
  KbVoteResult,
} from './kb-types.ts';
import type { ItemList } from './types.ts';

/** Query keys of the knowledge base (all under `kb`, so one invalidation refreshes every list). */
export const kbKeys = {
  all: ['kb'] as const,
  spaces: ['kb', 'spaces'] as const,
  templates: ['kb', 'templates'] as const,
  list: (filters: KbListFilters) => ['kb', 'articles', filters] as const,
  article: (id: string) => ['kb', 'article', id] as const,
  revisions: (id: string) => ['kb', 'article', id, 'revisions'] as const,
  diff: (id: string, from: number, to: number) => ['kb', 'article', id, 'diff', from, to] as const,
  process: (serviceId: string) => ['kb', 'process', serviceId] as const,
  reviewDue: ['kb', 'review-due'] as const,
};

const articlePath = (id: string) => `/kb/articles/${encodeURIComponent(id)}`;
const spacePath = (id: string) => `/kb/spaces/${encodeURIComponent(id)}`;

/** After a write on an article: the returned article is cached, every list and its revisions refetch. */
function useArticleWritten() {
  const qc = useQueryClient();
  return (article?: KbArticle) => {
    if (article) qc.setQueryData(kbKeys.article(article.id), article);
    return qc.invalidateQueries({
      queryKey: kbKeys.all,
      predicate: (q) => !(article && q.queryKey[1] === 'article' && q.queryKey[2] === article.id && q.queryKey.length === 3),
    });
  };
}

/** `GET /api/kb/spaces`. */
export function useKbSpaces(enabled = true) {
  return useQuery({ queryKey: kbKeys.spaces, queryFn: () => api<ItemList<KbSpace>>('/kb/spaces'), enabled });
}

/** `GET /api/kb/templates`: the provider-wide template spaces an organisation may copy. */
export function useKbTemplates(enabled = true) {
  return useQuery({ queryKey: kbKeys.templates, queryFn: () => api<ItemList<KbTemplate>>('/kb/templates'), enabled });
}

/** `POST /api/kb/spaces`, `PATCH /api/kb/spaces/:id`, `DELETE /api/kb/spaces/:id`, `POST /api/kb/templates/:id/copy`. */
export function useKbSpaceWrites() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: kbKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; description: string }) => api<KbSpace>('/kb/spaces', { method: 'POST', body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: string; name?: string; description?: string; version: number }) =>
        api<KbSpace>(spacePath(id), { method: 'PATCH', body }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>(spacePath(id), { method: 'DELETE' }), onSuccess }),
    copy: useMutation({
      mutationFn: (templateId: string) =>
        api<KbSpace>(`/kb/templates/${encodeURIComponent(templateId)}/copy`, { method: 'POST', body: {} }),
      onSuccess,
    }),
  };
}

/** `GET /api/kb/articles?…`: the previous page stays shown while a new search or filter loads. */
export function useKbArticles(filters: KbListFilters, enabled = true) {
  return useQuery({
    queryKey: kbKeys.list(filters),
    queryFn: () => api<KbList>('/kb/articles', { query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/kb/articles/:id` (does not count a view). */
export function useKbArticle(id: string | undefined) {
  return useQuery({ queryKey: kbKeys.article(id ?? ''), queryFn: () => api<KbArticle>(articlePath(id ?? '')), enabled: !!id });
}

/** `POST /api/kb/articles/:id/view`: one view (the server counts at most one per user and hour). */
export function recordKbView(id: string): Promise<void> {
  return api<void>(`${articlePath(id)}/view`, { method: 'POST', body: {} });
}

/** `POST /api/kb/articles` → a draft, revision 1. */
export function useCreateKbArticle() {
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (body: KbArticleInput) => api<KbArticle>('/kb/articles', { method: 'POST', body }),
    onSuccess: written,
  });
}

/** `PATCH /api/kb/articles/:id` with `version` (409 `version_conflict` carries the current article). */
export function useUpdateKbArticle(id: string) {
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (body: KbArticlePatch) => api<KbArticle>(articlePath(id), { method: 'PATCH', body }),
    onSuccess: written,
  });
}

/** `POST /api/kb/articles/:id/transition {to, version}`. */
export function useKbTransition(id: string) {
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (body: { to: KbStatus; version: number }) =>
      api<KbArticle>(`${articlePath(id)}/transition`, { method: 'POST', body }),
    onSuccess: written,
  });
}

/** `POST /api/kb/articles/:id/restore {revision, version}`: a new revision equal to the old one. */
export function useRestoreKbRevision(id: string) {
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (body: { revision: number; version: number }) =>
      api<KbArticle>(`${articlePath(id)}/restore`, { method: 'POST', body }),
    onSuccess: written,
  });
}

/** `DELETE /api/kb/articles/:id` (drafts and archived articles only). */
export function useDeleteKbArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(articlePath(id), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: kbKeys.all }),
  });
}

/** `POST /api/kb/articles/:id/vote {helpful}`: one vote per user, changeable; the counts come back. */
export function useKbVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (helpful: boolean) => api<KbVoteResult>(`${articlePath(id)}/vote`, { method: 'POST', body: { helpful } }),
    onSuccess: (result) => qc.setQueryData<KbArticle>(kbKeys.article(id), (old) => (old ? { ...old, ...result } : old)),
  });
}

/** `GET /api/kb/articles/:id/revisions`, newest first. */
export function useKbRevisions(id: string) {
  return useQuery({ queryKey: kbKeys.revisions(id), queryFn: () => api<ItemList<KbRevision>>(`${articlePath(id)}/revisions`) });
}

/** `GET /api/kb/articles/:id/diff?from&to`: words of the title, lines of the body. */
export function useKbDiff(id: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: kbKeys.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: () => api<KbDiff>(`${articlePath(id)}/diff`, { query: { from: range?.from, to: range?.to } }),
    enabled: !!range,
  });
}

/** `POST /api/kb/articles/from-request {requestId}` → a draft FAQ built from a resolved request. */
export function useKbFromRequest() {
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (requestId: string) => api<KbArticle>('/kb/articles/from-request', { method: 'POST', body: { requestId } }),
    onSuccess: written,
  });
}

/** `GET /api/kb/services/:id/process`: how the pool handles a catalogue service (request view). */
export function useKbProcess(serviceId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: kbKeys.process(serviceId ?? ''),
    queryFn: () => api<ItemList<KbArticleSummary>>(`/kb/services/${encodeURIComponent(serviceId ?? '')}/process`),
    enabled: enabled && !!serviceId,
  });
}

/** `GET /api/kb/review-due`: articles past their review date (the actor's, or all for coordinators). */
export function useKbReviewDue(enabled = true) {
  return useQuery({
    queryKey: kbKeys.reviewDue,
    queryFn: () => api<ItemList<KbArticleSummary>>('/kb/review-due'),
    enabled,
  });
}

/** `GET /api/kb/suggest?q&serviceId`: up to 5 published articles while a requester types (portal). */
export function useKbSuggest(q: string, serviceId?: string) {
  return useQuery({
    queryKey: ['kb', 'suggest', q, serviceId ?? ''],
    queryFn: () => api<ItemList<KbArticleSummary>>('/kb/suggest', { query: { q, serviceId } }),
    enabled: q.trim().length >= 3,
    placeholderData: keepPreviousData,
  });
}
