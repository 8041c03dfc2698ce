import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useServices } from '../../../api/catalog.ts';
import { keys } from '../../../api/keys.ts';
import { optional } from '../../../api/requests.ts';
import { useSites } from '../../../api/sites.ts';
import { useTeams } from '../../../api/organization.ts';
import type { ItemList, OrgUser } from '../../../api/types.ts';

/** Roles that work requests (may be assigned one), as in the server's requests policy. */
export const WORKER_ROLES = ['assistant', 'coordinator', 'org_admin', 'external_agent', 'operator'];

/** `GET /api/users`, or null when the role may not list people (requesters: 403). */
export function usePeople(enabled = true) {
  return useQuery({
    queryKey: [...keys.users, 'optional'],
    queryFn: async () => {
      try {
        return (await optional(api<ItemList<OrgUser>>('/users')))?.items ?? null;
      } catch {
        return null;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

const byId = <T extends { id: string }>(items: T[] | undefined | null) => new Map((items ?? []).map((i) => [i.id, i]));

/** Names of people, sites, teams and services by id, for filters, pickers and the timeline. */
export function useLookups(withPeople: boolean) {
  const peopleQuery = usePeople(withPeople);
  const people = peopleQuery.data ?? null;
  const sites = useSites().data?.items ?? [];
  const teams = useTeams().data?.items ?? [];
  const services = useServices().data?.items ?? [];
  const users = byId(people);
  return {
    people,
    /** The people list was asked and answered (null then means « not allowed »). */
    peopleKnown: peopleQuery.isSuccess,
    staff: (people ?? []).filter((p) => WORKER_ROLES.includes(p.role)),
    sites,
    teams,
    services,
    userName: (id: unknown) => (typeof id === 'string' ? users.get(id)?.displayName : undefined),
    siteName: (id: unknown) => sites.find((s) => s.id === id)?.name,
    teamName: (id: unknown) => teams.find((s) => s.id === id)?.name,
    serviceName: (id: unknown) => services.find((s) => s.id === id)?.name,
  };
}
export type Lookups = ReturnType<typeof useLookups>;
