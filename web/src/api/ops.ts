import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type JobState = 'pending' | 'running' | 'done' | 'failed';
export type NodeState = 'active' | 'stopped' | 'silent';

export interface OpsJob {
  id: string;
  name: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  lockedBy: string | null;
  requestId: string | null;
  createdAt: string;
  finishedAt: string | null;
}
export interface OpsNode {
  id: string;
  hostname: string;
  pid: number;
  port: number | null;
  version: string;
  startedAt: string;
  seenAt: string;
  stoppedAt: string | null;
  state: NodeState;
}
export interface OpsSchedule {
  name: string;
  everyMs: number;
  nextRunAt: string;
  lastRunAt: string | null;
  lastNode: string | null;
  lastNodeHostname: string | null;
}
export interface OpsOverview {
  now: string;
  nodes: OpsNode[];
  queue: { name: string; state: JobState; count: number }[];
  schedules: OpsSchedule[];
  failedJobs: OpsJob[];
  quarantine: { organizationId: string; organizationName: string; count: number }[];
  imapErrors: {
    id: string;
    organizationId: string;
    organizationName: string;
    host: string;
    username: string;
    lastError: string;
    lastErrorCode: string | null;
    lastPolledAt: string | null;
  }[];
  lastBackup: {
    file: string;
    dialect: string;
    bytes: number;
    tables: number;
    files: number;
    startedAt: string;
    finishedAt: string;
  } | null;
}
export interface JobFilters {
  state?: JobState;
  name?: string;
}

const KEYS = {
  overview: ['platform', 'ops'] as const,
  jobs: (filters: JobFilters) => ['platform', 'jobs', filters] as const,
};
/** The ops page refreshes itself: nodes beat every 10 s. */
const REFRESH_MS = 10_000;

/** `GET /api/platform/ops`, every 10 s while the page is open. */
export function useOpsOverview() {
  return useQuery({
    queryKey: KEYS.overview,
    queryFn: () => api<OpsOverview>('/platform/ops'),
    refetchInterval: REFRESH_MS,
  });
}

/** `GET /api/platform/jobs` page by page (« Charger plus » passes the cursor). */
export function useJobs(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: KEYS.jobs(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api<{ items: OpsJob[]; nextCursor: string | null }>('/platform/jobs', { query: { ...filters, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
}

function useRefreshAfter<T>(mutationFn: (arg: string) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['platform'] }),
  });
}

/** `POST /api/platform/jobs/:id/retry`. */
export function useRetryJob() {
  return useRefreshAfter((id) => api<OpsJob>(`/platform/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {} }));
}

/** `POST /api/platform/schedules/:name/run`. */
export function useRunSchedule() {
  return useRefreshAfter((name) =>
    api<OpsJob>(`/platform/schedules/${encodeURIComponent(name)}/run`, { method: 'POST', body: {} }),
  );
}
