import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';

export interface Rating {
  score: number | null;
  comment: string | null;
  ratedAt: string | null;
  createdAt: string;
  closesAt: string;
  changeable: boolean;
}
export interface RatingInput {
  score: number;
  comment?: string | null;
}
/** `GET /api/csat/surveys/:token`: the request the e-mailed link is about (public, read-only). */
export interface PublicSurvey extends Rating {
  reference: string;
  title: string;
  siteName: string | null;
  serviceName: string | null;
}
export interface RequestSatisfaction {
  survey: (Rating & { surveyId: string }) | null;
  allowedActions: string[];
}
export const CSAT_GROUPS = ['team', 'site', 'service', 'assistant'] as const;
export type CsatGroup = (typeof CSAT_GROUPS)[number];
export interface Figures {
  count: number;
  surveys: number;
  average: number | null;
  satisfied: number | null;
  distribution: number[];
  responseRate: number | null;
}
export interface CsatSummary {
  groupBy: CsatGroup;
  overall: Figures;
  groups: (Figures & { id: string | null; label: string | null })[];
}
export interface CsatComment {
  id: string;
  requestId: string;
  reference: string;
  score: number;
  comment: string;
  ratedAt: string;
  siteName: string | null;
  serviceName: string | null;
  teamName: string | null;
}
export interface CsatPeriod {
  from?: string;
  to?: string;
}

const surveyPath = (token: string) => `/csat/surveys/${encodeURIComponent(token)}`;
const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}/satisfaction`;

/** The survey behind a link: reading it never records a rating (the page asks for confirmation). */
export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: keys.csatSurvey(token),
    queryFn: () => api<PublicSurvey>(surveyPath(token)),
    retry: false,
  });
}

/** `POST /api/csat/surveys/:token`: the explicit confirmation. */
export function useConfirmSurvey(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) => api<PublicSurvey>(surveyPath(token), { method: 'POST', body }),
    onSuccess: (data) => qc.setQueryData(keys.csatSurvey(token), data),
  });
}

/** `GET /api/requests/:id/satisfaction` (the requester, or a steering role). */
export function useRequestSatisfaction(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.csatRequest(id),
    queryFn: () => api<RequestSatisfaction>(requestPath(id)),
    enabled,
  });
}

/** `PUT /api/requests/:id/satisfaction`: rate or change the rating (7 days); the timeline shows the score. */
export function useRateRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) => api<RequestSatisfaction>(requestPath(id), { method: 'PUT', body }),
    onSuccess: (data) =>
      Promise.all([qc.setQueryData(keys.csatRequest(id), data), qc.invalidateQueries({ queryKey: keys.request(id) })]),
  });
}

/** `GET /api/csat/summary`: overall figures and one row per group. */
export function useCsatSummary(query: CsatPeriod & { groupBy: CsatGroup }) {
  return useQuery({
    queryKey: keys.csatReport('summary', query),
    queryFn: () => api<CsatSummary>('/csat/summary', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/csat/comments`: the free-text comments, newest first. */
export function useCsatComments(query: CsatPeriod & { limit: number }) {
  return useQuery({
    queryKey: keys.csatReport('comments', query),
    queryFn: () => api<{ items: CsatComment[]; total: number }>('/csat/comments', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
