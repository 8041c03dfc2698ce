import type { DeflectionStats } from '../../../common/deflection.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ItemList, RequestItem } from './types.ts';

export type AnnouncementStatus = 'current' | 'scheduled' | 'expired';

/** A coordinator's announcement (`html` is the safe rendering of the Markdown `body`). */
export interface Announcement {
  id: string;
  title: string;
  body: string;
  html: string;
  /** [] = every site. */
  siteIds: string[];
  startsAt: string;
  endsAt: string | null;
  pinned: boolean;
  authorName: string | null;
  status: AnnouncementStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: string[];
}

export interface AnnouncementInput {
  title: string;
  body: string;
  siteIds: string[];
  startsAt?: string;
  endsAt: string | null;
  pinned: boolean;
}

export interface PortalCategory {
  id: string;
  name: string;
  icon: string;
  services: { id: string; name: string; description: string; approvalRole: string | null }[];
}

/** `GET /api/portal/home`: everything the portal home shows, in one call. */
export interface PortalHome {
  announcements: Announcement[];
  categories: PortalCategory[];
  openRequests: RequestItem[];
  counts: { open: number; waitingOnMe: number; watching: number; toApprove: number };
}

export type DeflectionEvent =
  | { kind: 'suggestion_shown'; articleIds: string[] }
  | { kind: 'article_opened'; articleId: string }
  | { kind: 'submitted'; requestId: string }
  | { kind: 'abandoned' };

export const portalKeys = {
  home: ['portal', 'home'] as const,
  announcements: (query: object) => ['portal', 'announcements', query] as const,
  stats: (query: object) => ['portal', 'deflection', query] as const,
};

/** `GET /api/portal/home`. */
export function usePortalHome(enabled = true) {
  return useQuery({ queryKey: portalKeys.home, queryFn: () => api<PortalHome>('/portal/home'), enabled });
}

/** `GET /api/announcements?status&audience` (staff may ask for every window and site). */
export function useAnnouncements(query: { status?: string; audience?: 'mine' | 'all' }) {
  return useQuery({
    queryKey: portalKeys.announcements(query),
    queryFn: () => api<ItemList<Announcement>>('/announcements', { query }),
  });
}

/** Create, update (with `version`) and delete an announcement; the lists and the portal home refresh. */
export function useAnnouncementWrites() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['portal'] });
  const one = (id: string) => `/announcements/${encodeURIComponent(id)}`;
  return {
    create: useMutation({
      mutationFn: (body: AnnouncementInput) => api<Announcement>('/announcements', { method: 'POST', body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<AnnouncementInput> & { id: string; version: number }) =>
        api<Announcement>(one(id), { method: 'PATCH', body }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>(one(id), { method: 'DELETE' }), onSuccess }),
  };
}

/** `GET /api/portal/deflection/stats?from&to&siteId`. */
export function useDeflectionStats(query: { from?: string; to?: string; siteId?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: portalKeys.stats(query),
    queryFn: () => api<DeflectionStats>('/portal/deflection/stats', { query }),
    enabled,
  });
}

/**
 * `POST /api/portal/deflection`: one self-help step of a form visit. Measurements must never disturb
 * the requester, so failures are ignored; `keepalive` lets the last one outlive the page.
 */
export function sendDeflection(
  sessionId: string,
  event: DeflectionEvent & { serviceId?: string },
  keepalive = false,
): Promise<void> {
  return api<void>('/portal/deflection', { method: 'POST', body: { sessionId, ...event }, keepalive }).catch(() => undefined);
}
