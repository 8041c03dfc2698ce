import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { DB, RecurringSchedulesTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import type { WorkCalendar } from '../../platform/business-time.ts';
import type { Ctx } from '../../platform/context.ts';
import { tenant } from '../../platform/tenancy.ts';
import { workCalendarOf } from '../sla/sla.service.ts';
import { RECURRING_ACTIONS } from './recurring.policy.ts';
import { nextOccurrences, renderTemplate, ZRule } from './rules.ts';

export type ScheduleRow = Selectable<RecurringSchedulesTable> & {
  service_name: string | null;
  service_team_id: string | null;
  site_name: string;
  site_timezone: string;
  team_name: string | null;
  service_team_name: string | null;
  requester_name: string | null;
  assignee_name: string | null;
};

/** The schedules with the names shown next to their ids; the team is the schedule's own, else the service's. */
export function schedulesWithNames(db: Kdb, scope: Scope) {
  return (tenant.selectFrom(db, scope, 'recurring_schedules') as SelectQueryBuilder<DB, 'recurring_schedules', object>)
    .leftJoin('services', 'services.id', 'recurring_schedules.service_id')
    .innerJoin('sites', 'sites.id', 'recurring_schedules.site_id')
    .leftJoin('teams as own_team', 'own_team.id', 'recurring_schedules.team_id')
    .leftJoin('teams as service_team', 'service_team.id', 'services.team_id')
    .leftJoin('users as requester', 'requester.id', 'recurring_schedules.requester_id')
    .leftJoin('users as assignee', 'assignee.id', 'recurring_schedules.assignee_id')
    .selectAll('recurring_schedules')
    .select([
      'services.name as service_name',
      'services.team_id as service_team_id',
      'sites.name as site_name',
      'sites.timezone as site_timezone',
      'own_team.name as team_name',
      'service_team.name as service_team_name',
      'requester.display_name as requester_name',
      'assignee.display_name as assignee_name',
    ]);
}

/** The team that receives the requests: the schedule's own, else the service's. */
export function teamOf(row: ScheduleRow): { id: string; name: string } | null {
  if (row.team_id) return { id: row.team_id, name: row.team_name ?? '' };
  return row.service_team_id ? { id: row.service_team_id, name: row.service_team_name ?? '' } : null;
}

/** Site calendars loaded once per call (a list shows many schedules on few sites). */
export function calendarCache(db: Kdb, scope: Scope) {
  const cache = new Map<string, Promise<WorkCalendar>>();
  return (siteId: string) => {
    const cal = cache.get(siteId) ?? workCalendarOf(db, scope, siteId);
    cache.set(siteId, cal);
    return cal;
  };
}

export interface LastOccurrence {
  occurrence: string;
  requestId: string | null;
  reference: string | null;
  createdAt: string;
}

/** A schedule as the API shows it, with its next three occurrences (titles rendered) and the last one created. */
export function presentSchedule(ctx: Ctx, row: ScheduleRow, cal: WorkCalendar, last: LastOccurrence | null, now = new Date()) {
  const rule = ZRule.safeParse(row.rule);
  const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  return {
    id: row.id,
    name: row.name,
    serviceId: row.service_id,
    siteId: row.site_id,
    teamId: row.team_id,
    requesterId: row.requester_id,
    assigneeId: row.assignee_id,
    service: ref(row.service_id, row.service_name),
    site: { id: row.site_id, name: row.site_name, timezone: row.site_timezone },
    team: teamOf(row),
    requester: ref(row.requester_id, row.requester_name),
    assignee: ref(row.assignee_id, row.assignee_name),
    title: row.title,
    description: row.description,
    priority: row.priority,
    rule: row.rule,
    checklist: row.checklist ?? [],
    active: row.active,
    nextOccurrences: rule.success
      ? nextOccurrences(rule.data, cal, now).map((o) => ({ ...o, title: renderTemplate(row.title, o.occurrence, o.date) }))
      : [],
    lastOccurrence: last,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, RECURRING_ACTIONS) : [],
  };
}

/** The latest occurrence created for each schedule (two small queries, whatever the history's length). */
export async function lastOccurrences(db: Kdb, scope: Scope, scheduleIds: string[]): Promise<Map<string, LastOccurrence>> {
  const out = new Map<string, LastOccurrence>();
  if (!scheduleIds.length) return out;
  const latest = await tenant
    .selectFrom(db, scope, 'recurring_occurrences')
    .select((eb) => ['schedule_id', eb.fn.max('occurrence').as('occurrence')])
    .where('schedule_id', 'in', scheduleIds)
    .groupBy('schedule_id')
    .execute();
  if (!latest.length) return out;
  const rows = await tenant
    .selectFrom(db, scope, 'recurring_occurrences')
    .leftJoin('requests', 'requests.id', 'recurring_occurrences.request_id')
    .select([
      'recurring_occurrences.schedule_id',
      'recurring_occurrences.occurrence',
      'recurring_occurrences.request_id',
      'recurring_occurrences.created_at',
      'requests.reference',
    ])
    .where('recurring_occurrences.schedule_id', 'in', scheduleIds)
    .where(
      'recurring_occurrences.occurrence',
      'in',
      latest.map((l) => String(l.occurrence)),
    )
    .execute();
  const wanted = new Map(latest.map((l) => [l.schedule_id, String(l.occurrence)]));
  for (const r of rows) {
    if (wanted.get(r.schedule_id) !== r.occurrence) continue;
    out.set(r.schedule_id, {
      occurrence: r.occurrence,
      requestId: r.request_id,
      reference: r.reference,
      createdAt: r.created_at,
    });
  }
  return out;
}
