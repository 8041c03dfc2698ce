import type { AssignmentNote } from '../../../common/assignment.ts';
import { type AssignmentRule, OPEN_STATUSES } from '../../../common/requests.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { type Candidate, chooseAssignee, PRIORITY_WEIGHTS } from './assignment-rules.ts';
import { grantAccess, insertEvent } from './requests.repository.ts';

/** Membership roles that take work from a team's queue (the operator is never a team member). */
const ASSIGNABLE_ROLES = ['assistant', 'coordinator', 'external_agent', 'org_admin'];

/**
 * Assignment of a new request (at creation, or once approved): an explicit assignee (recurring
 * template) wins; otherwise the team's rule decides (assignment-rules.ts). Writes the assignee, the
 * status, the explanation note, the timeline event and the clearance on confidential requests.
 */
export async function assignOnCreate(trx: Kdb, scope: Scope, requestId: string, assigneeId: string | null): Promise<void> {
  if (assigneeId) return assign(trx, scope, requestId, assigneeId, { rule: 'template' });
  const request = await tenant
    .selectFrom(trx, scope, 'requests')
    .leftJoin('services', 'services.id', 'requests.service_id')
    .select(['requests.team_id', 'services.required_skills'])
    .where('requests.id', '=', requestId)
    .executeTakeFirst();
  if (!request?.team_id) return;
  const team = await lockedTeam(trx, scope, request.team_id);
  if (!team || team.assignment_rule === 'manual') return;
  const choice = chooseAssignee(team.assignment_rule as AssignmentRule, await candidatesOf(trx, scope, team.id), {
    lastAssigneeId: team.last_assignee_id,
    requiredSkills: request.required_skills ?? [],
    now: new Date(),
  });
  if (!choice?.pick) {
    // Nobody available: the request waits in the team's queue, with the reason.
    if (choice) await setRequest(trx, scope, requestId, { assignment_note: JSON.stringify(choice.note) });
    return;
  }
  await tenant.updateTable(trx, scope, 'teams').set({ last_assignee_id: choice.pick.userId }).where('id', '=', team.id).execute();
  await assign(trx, scope, requestId, choice.pick.userId, choice.note);
}

/** The team's rule and last assignee; the no-op write first locks the row on PostgreSQL so concurrent creations take turns. */
async function lockedTeam(trx: Kdb, scope: Scope, teamId: string) {
  await tenant
    .updateTable(trx, scope, 'teams')
    .set((eb) => ({ last_assignee_id: eb.ref('last_assignee_id') }))
    .where('id', '=', teamId)
    .execute();
  return tenant
    .selectFrom(trx, scope, 'teams')
    .select(['id', 'assignment_rule', 'last_assignee_id'])
    .where('id', '=', teamId)
    .executeTakeFirst();
}

function setRequest(trx: Kdb, scope: Scope, requestId: string, set: { assignment_note: string }) {
  return tenant.updateTable(trx, scope, 'requests').set(set).where('id', '=', requestId).execute();
}

async function assign(trx: Kdb, scope: Scope, requestId: string, userId: string, note: AssignmentNote): Promise<void> {
  const row = await tenant
    .updateTable(trx, scope, 'requests')
    .set({ assignee_id: userId, status: 'assigned', assignment_note: JSON.stringify(note), updated_at: nowIso() })
    .where('id', '=', requestId)
    .returning('confidentiality')
    .executeTakeFirst();
  await insertEvent(trx, scope, requestId, {
    kind: 'assigned',
    public: false,
    actorId: null,
    data: { to: userId, rule: note.rule, note },
  });
  if (row && row.confidentiality !== 'normal') await grantAccess(trx, scope, requestId, userId, 'cleared');
}

/** The team's members who take work, with skills, availability and current weighted open load. */
export async function candidatesOf(trx: Kdb, scope: Scope, teamId: string): Promise<Candidate[]> {
  const people = await tenant
    .selectFrom(trx, scope, 'team_members')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.user_id', '=', 'team_members.user_id')
        .onRef('memberships.organization_id', '=', 'team_members.organization_id'),
    )
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.display_name', 'memberships.skills', 'memberships.unavailable_until'])
    .where('team_members.team_id', '=', teamId)
    .where('memberships.role', 'in', ASSIGNABLE_ROLES)
    .where('users.disabled', '=', false)
    .execute();
  const loads = await loadsOf(
    trx,
    scope,
    people.map((p) => p.id),
  );
  return people.map((p) => ({
    userId: p.id,
    name: p.display_name,
    skills: p.skills ?? [],
    load: loads.get(p.id) ?? 0,
    unavailableUntil: p.unavailable_until,
  }));
}

/** Σ priority weight of the open requests assigned to each person (one grouped, index-friendly query). */
export async function loadsOf(trx: Kdb, scope: Scope, userIds: string[]): Promise<Map<string, number>> {
  const loads = new Map<string, number>();
  if (!userIds.length) return loads;
  const rows = await tenant
    .selectFrom(trx, scope, 'requests')
    .select((eb) => ['requests.assignee_id', 'requests.priority', eb.fn.countAll<number>().as('count')])
    .where('requests.assignee_id', 'in', userIds)
    .where('requests.status', 'in', OPEN_STATUSES as string[])
    .groupBy(['requests.assignee_id', 'requests.priority'])
    .execute();
  for (const r of rows) {
    const id = r.assignee_id as string;
    loads.set(id, (loads.get(id) ?? 0) + Number(r.count) * (PRIORITY_WEIGHTS[r.priority] ?? 1));
  }
  return loads;
}
