import type { RequestFilters } from '../../../api/types.ts';

/** The filter keys the list understands, in the order the URL shows them. */
export const FILTER_KEYS = [
  'status',
  'open',
  'assigneeId',
  'requesterId',
  'teamId',
  'siteId',
  'functionId',
  'serviceId',
  'priority',
  'tag',
  'sla',
  'q',
  'sort',
] as const satisfies readonly (keyof RequestFilters)[];

/** Filters read from the address bar (so a queue can be bookmarked, shared and reloaded). */
export function filtersFromParams(params: URLSearchParams): RequestFilters {
  const out: RequestFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** A saved view's filters (arrays, booleans or strings) as list query values. */
export function normalizeFilters(filters: Record<string, unknown>): RequestFilters {
  const out: RequestFilters = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (Array.isArray(value) && value.length) out[key] = value.join(',');
    else if (typeof value === 'boolean') out[key] = String(value);
    else if (typeof value === 'string' && value) out[key] = value;
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out;
}

/** Two filter sets ask for the same requests (sort and empty values ignored). */
export function sameFilters(a: RequestFilters, b: RequestFilters): boolean {
  return FILTER_KEYS.every((k) => k === 'sort' || (a[k] ?? '') === (b[k] ?? ''));
}

/** The default sort: the nearest SLA due date first. */
export const DEFAULT_SORT = 'due';

/** Queues every workspace has, used while the server has no saved views (`GET /api/views` missing). */
export const FALLBACK_QUEUES: { id: string; key: string; filters: RequestFilters }[] = [
  { id: 'builtin:mine', key: 'mine', filters: { assigneeId: 'me', open: 'true' } },
  { id: 'builtin:unassigned', key: 'unassigned', filters: { assigneeId: 'none', open: 'true' } },
  { id: 'builtin:breached', key: 'breached', filters: { sla: 'breached' } },
  { id: 'builtin:at_risk', key: 'atRisk', filters: { sla: 'at_risk' } },
  { id: 'builtin:waiting', key: 'waiting', filters: { status: 'waiting_requester,waiting_third_party' } },
  { id: 'builtin:open', key: 'open', filters: { open: 'true' } },
  { id: 'builtin:resolved', key: 'resolved', filters: { status: 'resolved' } },
];

const QUEUE_KEY = 'relais.queue';

/** Remembers the order of the list the user works from, so j/k on a request page go to the next one. */
export function rememberQueue(ids: string[], href: string): void {
  try {
    sessionStorage.setItem(QUEUE_KEY, JSON.stringify(ids.slice(0, 500)));
    sessionStorage.setItem(`${QUEUE_KEY}.href`, href);
  } catch {
    // storage unavailable: j/k on the request page simply do nothing
  }
}

/** The neighbour of a request in the remembered list (`step` +1 next, -1 previous). */
export function neighbour(id: string, step: 1 | -1): string | null {
  try {
    const ids = JSON.parse(sessionStorage.getItem(QUEUE_KEY) ?? '[]') as string[];
    const at = ids.indexOf(id);
    return at < 0 ? null : (ids[at + step] ?? null);
  } catch {
    return null;
  }
}

/** The list filters as a saved view stores them: status and priority as arrays, no free-text search. */
export function toViewFilters(filters: RequestFilters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (!value || key === 'q') continue;
    out[key] = key === 'status' || key === 'priority' ? value.split(',').filter(Boolean) : value;
  }
  return out;
}
