import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { type Collection, useCollectionCreate, useCollectionDelete, useCollectionList, useCollectionUpdate } from './crud.ts';
import { keys } from './keys.ts';
import type { OrgFunction, Organization, OrgUser, Overview, Team, TeamInput, UserInput } from './types.ts';

/** `GET /api/overview`: what every role home shows. */
export function useOverview(enabled = true) {
  return useQuery({ queryKey: keys.overview, queryFn: () => api<Overview>('/overview'), enabled });
}

/** `GET /api/organization`. */
export function useOrganization() {
  return useQuery({ queryKey: keys.organization, queryFn: () => api<Organization>('/organization') });
}

/** `PATCH /api/organization {name?, requireMfaStaff?, version}`. */
export function useUpdateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      body: Partial<Pick<Organization, 'name' | 'requireMfaStaff' | 'requestPrefix' | 'reopenDays' | 'priorityMatrix'>> & {
        version: number;
      },
    ) => api<Organization>('/organization', { method: 'PATCH', body }),
    onSuccess: (org) => {
      qc.setQueryData(keys.organization, org);
      return Promise.all([qc.invalidateQueries({ queryKey: keys.me }), qc.invalidateQueries({ queryKey: keys.overview })]);
    },
  });
}

const FUNCTIONS: Collection = { path: '/functions', key: keys.functions };
type FunctionInput = { name: string; code: string };
/** `GET /api/functions`. */
export const useFunctions = () => useCollectionList<OrgFunction>(FUNCTIONS);
/** `POST /api/functions`. */
export const useCreateFunction = () => useCollectionCreate<OrgFunction, FunctionInput>(FUNCTIONS);
/** `PATCH /api/functions/:id`. */
export const useUpdateFunction = () => useCollectionUpdate<OrgFunction, FunctionInput>(FUNCTIONS);
/** `DELETE /api/functions/:id`. */
export const useDeleteFunction = () => useCollectionDelete(FUNCTIONS);

const TEAMS: Collection = { path: '/teams', key: keys.teams };
/** `GET /api/teams`. */
export const useTeams = () => useCollectionList<Team>(TEAMS);
/** `POST /api/teams`. */
export const useCreateTeam = () => useCollectionCreate<Team, TeamInput>(TEAMS);
/** `PATCH /api/teams/:id`. */
export const useUpdateTeam = () => useCollectionUpdate<Team, TeamInput>(TEAMS);
/** `DELETE /api/teams/:id`. */
export const useDeleteTeam = () => useCollectionDelete(TEAMS);

const USERS: Collection = { path: '/users', key: keys.users };
/** `GET /api/users` (members of the current organisation). */
export const useUsers = () => useCollectionList<OrgUser>(USERS);
/** `POST /api/users`: adds a membership, creating the account if needed. */
export const useCreateUser = () => useCollectionCreate<OrgUser, UserInput>(USERS);
/** `PATCH /api/users/:id`. */
export const useUpdateUser = () => useCollectionUpdate<OrgUser, UserInput>(USERS);
/** `DELETE /api/users/:id`: removes the membership. */
export const useRemoveUser = () => useCollectionDelete(USERS);
