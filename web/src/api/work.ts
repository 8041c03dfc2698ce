import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import {
  type Collection,
  type Patch,
  useCollectionCreate,
  useCollectionDelete,
  useCollectionList,
  useCollectionUpdate,
} from './crud.ts';
import { keys } from './keys.ts';
import type { CannedInput, CannedItem, Planning, PlanningQuery, RecurringSchedule, ScheduleInput } from './work-types.ts';

const CANNED: Collection = { path: '/canned-responses', key: keys.cannedAll };
/** `GET /api/canned-responses`: every response of the organisation (the workspace's per-team lists share the key prefix). */
export const useCannedList = (enabled = true) => useCollectionList<CannedItem>(CANNED, enabled);
/** `POST /api/canned-responses {title, body, teamId}`. */
export const useCreateCanned = () => useCollectionCreate<CannedItem, CannedInput>(CANNED);
/** `PATCH /api/canned-responses/:id` (with `version`). */
export const useUpdateCanned = () => useCollectionUpdate<CannedItem, CannedInput>(CANNED);
/** `DELETE /api/canned-responses/:id`. */
export const useDeleteCanned = () => useCollectionDelete(CANNED);

const SCHEDULES = '/recurring-schedules';
const schedulePath = (id: string) => `${SCHEDULES}/${encodeURIComponent(id)}`;

/** A schedule change moves its projected occurrences: the planning is refreshed with the list. */
function useRefreshSchedules() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: keys.recurring }), qc.invalidateQueries({ queryKey: ['planning'] })]);
}

/** `GET /api/recurring-schedules`: each schedule with its next three occurrences and the last one created. */
export const useSchedules = () => useCollectionList<RecurringSchedule>({ path: SCHEDULES, key: keys.recurring });

/** `POST /api/recurring-schedules`. */
export function useCreateSchedule() {
  const onSuccess = useRefreshSchedules();
  return useMutation({
    mutationFn: (body: ScheduleInput) => api<RecurringSchedule>(SCHEDULES, { method: 'POST', body }),
    onSuccess,
  });
}

/** `PATCH /api/recurring-schedules/:id` (with `version`; a stale one answers 409). */
export function useUpdateSchedule() {
  const onSuccess = useRefreshSchedules();
  return useMutation({
    mutationFn: ({ id, ...body }: Patch<ScheduleInput>) => api<RecurringSchedule>(schedulePath(id), { method: 'PATCH', body }),
    onSuccess,
  });
}

/** `DELETE /api/recurring-schedules/:id` (the requests already created stay). */
export function useDeleteSchedule() {
  const onSuccess = useRefreshSchedules();
  return useMutation({ mutationFn: (id: string) => api<void>(schedulePath(id), { method: 'DELETE' }), onSuccess });
}

/** `GET /api/planning?from&to&teamId&siteId` (62 days at most); the previous period stays shown while the next loads. */
export function usePlanning(query: PlanningQuery) {
  return useQuery({
    queryKey: keys.planning(query),
    queryFn: () => api<Planning>('/planning', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
