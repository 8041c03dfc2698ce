import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { SlaState } from '../../../common/requests.ts';
import type { DB, RequestsTable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { REQUEST_ACTIONS } from './requests.policy.ts';
import type { loadRequestSubject } from './requests.repository.ts';

export type RequestRow = Selectable<RequestsTable> & {
  requester_name: string | null;
  assignee_name: string | null;
  site_name: string | null;
  site_timezone: string | null;
  service_name: string | null;
  team_name: string | null;
};

/** Adds the names a list or a detail shows next to the ids (requester, assignee, site, service, team). */
export function withNames(q: SelectQueryBuilder<DB, 'requests', object>) {
  return q
    .leftJoin('users as requester', 'requester.id', 'requests.requester_id')
    .leftJoin('users as assignee', 'assignee.id', 'requests.assignee_id')
    .leftJoin('sites', 'sites.id', 'requests.site_id')
    .leftJoin('services', 'services.id', 'requests.service_id')
    .leftJoin('teams', 'teams.id', 'requests.team_id')
    .selectAll('requests')
    .select([
      'requester.display_name as requester_name',
      'assignee.display_name as assignee_name',
      'sites.name as site_name',
      'sites.timezone as site_timezone',
      'services.name as service_name',
      'teams.name as team_name',
    ]);
}

/** State of the resolution clock as badges and queues show it. */
export function slaState(row: Selectable<RequestsTable>, now = new Date()): SlaState {
  if (!row.resolution_due_at) return 'none';
  const due = new Date(row.resolution_due_at);
  if (row.resolved_at) return new Date(row.resolved_at) <= due ? 'met' : 'breached';
  if (['cancelled', 'rejected', 'closed'].includes(row.status)) return 'none';
  if (row.sla_paused_at) return 'paused';
  if (now > due) return 'breached';
  if (row.resolution_at_risk_at && now >= new Date(row.resolution_at_risk_at)) return 'at_risk';
  return 'ok';
}

function firstResponseState(row: Selectable<RequestsTable>, now = new Date()): SlaState {
  if (!row.first_response_due_at) return 'none';
  const due = new Date(row.first_response_due_at);
  if (row.first_responded_at) return new Date(row.first_responded_at) <= due ? 'met' : 'breached';
  if (['resolved', 'closed', 'cancelled', 'rejected'].includes(row.status)) return 'none';
  return now > due ? 'breached' : 'ok';
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A request as the API shows it (DESIGN rule 8): never the raw row. */
export function presentRequest(actor: Actor | null, row: RequestRow, subject?: Awaited<ReturnType<typeof loadRequestSubject>>) {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    service: ref(row.service_id, row.service_name),
    answers: row.answers,
    requester: ref(row.requester_id, row.requester_name),
    createdById: row.created_by_id,
    source: row.source,
    site: row.site_id ? { id: row.site_id, name: row.site_name ?? '', timezone: row.site_timezone ?? 'Europe/Paris' } : null,
    functionId: row.function_id,
    team: ref(row.team_id, row.team_name),
    assignee: ref(row.assignee_id, row.assignee_name),
    assignment: row.assignment_note,
    status: row.status,
    priority: row.priority,
    impact: row.impact,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    tags: row.tags,
    approvalRole: row.approval_role,
    sla: {
      policyId: row.sla_policy_id,
      startedAt: row.sla_started_at,
      firstResponseDueAt: row.first_response_due_at,
      firstRespondedAt: row.first_responded_at,
      resolutionDueAt: row.resolution_due_at,
      atRiskAt: row.resolution_at_risk_at,
      pausedAt: row.sla_paused_at,
      pausedMinutes: row.sla_paused_minutes,
      state: slaState(row),
      firstResponseState: firstResponseState(row),
    },
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    version: row.version,
    allowedActions: actor && subject ? allowedActions(actor, REQUEST_ACTIONS, subject) : [],
  };
}
export type PresentedRequest = ReturnType<typeof presentRequest>;
