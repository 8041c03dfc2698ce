import { DateTime } from 'luxon';
import { OPEN_STATUSES } from '../../../common/requests.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { slaState, withNames } from '../requests/request-present.ts';
import { visibleRequests } from '../requests/requests.repository.ts';
import { PLANNING_MAX_DAYS, type TPlanningQuery } from './recurring.schemas.ts';
import { occurrencesBetween, renderTemplate, ZRule } from './rules.ts';
import { calendarCache, type ScheduleRow, schedulesWithNames, teamOf } from './schedules.present.ts';

/** At most this many due requests in one planning (the rest is flagged `truncated`). */
const MAX_DUE = 2000;

type Ref = { id: string; name: string } | null;
type Site = { id: string; name: string; timezone: string };

function range(q: TPlanningQuery): string[] {
  const from = DateTime.fromISO(q.from, { zone: 'UTC' });
  const to = DateTime.fromISO(q.to, { zone: 'UTC' });
  const days = from.isValid && to.isValid ? Math.round(to.diff(from, 'days').days) + 1 : 0;
  if (days < 1 || days > PLANNING_MAX_DAYS) {
    const fields = [{ path: 'to', code: 'range', message: 'planning_range', vars: { days: PLANNING_MAX_DAYS } }];
    throw new AppError('validation_failed', 'planning_range', { fields }, { days: PLANNING_MAX_DAYS });
  }
  return Array.from({ length: days }, (_, i) => from.plus({ days: i }).toISODate() ?? '');
}

const localDateTime = (at: string, zone: string) => DateTime.fromISO(at).setZone(zone);

/** The projected occurrences of the active schedules in the period, with the request already created for each. */
async function recurringItems(ctx: Ctx, scope: Scope, q: TPlanningQuery, to: string) {
  const db = ctx.database.db;
  let rows = (await schedulesWithNames(db, scope).where('recurring_schedules.active', '=', true).execute()) as ScheduleRow[];
  rows = rows.filter((r) => (!q.siteId || r.site_id === q.siteId) && (!q.teamId || teamOf(r)?.id === q.teamId));
  const calendar = calendarCache(db, scope);
  const items = [];
  for (const row of rows) {
    const rule = ZRule.safeParse(row.rule);
    if (!rule.success) continue;
    const next = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? '';
    for (const o of occurrencesBetween(rule.data, await calendar(row.site_id), q.from, next)) {
      items.push({
        scheduleId: row.id,
        name: row.name,
        title: renderTemplate(row.title, o.occurrence, o.date),
        occurrence: o.occurrence,
        date: o.date,
        time: localDateTime(o.at, row.site_timezone).toFormat('HH:mm'),
        at: o.at,
        moved: o.date !== o.occurrence,
        priority: row.priority,
        site: { id: row.site_id, name: row.site_name, timezone: row.site_timezone } as Site,
        team: teamOf(row) as Ref,
        assignee: (row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null) as Ref,
        request: null as { id: string; reference: string; status: string } | null,
      });
    }
  }
  await attachCreated(ctx, scope, items);
  return items;
}

/** Fills `request` on the occurrences already created (one query over the period's occurrence log). */
async function attachCreated(ctx: Ctx, scope: Scope, items: Awaited<ReturnType<typeof recurringItems>>) {
  if (!items.length) return;
  const created = await tenant
    .selectFrom(ctx.database.db, scope, 'recurring_occurrences')
    .leftJoin('requests', 'requests.id', 'recurring_occurrences.request_id')
    .select([
      'recurring_occurrences.schedule_id',
      'recurring_occurrences.occurrence',
      'requests.id',
      'requests.reference',
      'requests.status',
    ])
    .where('recurring_occurrences.schedule_id', 'in', [...new Set(items.map((i) => i.scheduleId))])
    .where('recurring_occurrences.occurrence', 'in', [...new Set(items.map((i) => i.occurrence))])
    .execute();
  for (const item of items) {
    const c = created.find((r) => r.schedule_id === item.scheduleId && r.occurrence === item.occurrence);
    if (c?.id) item.request = { id: c.id, reference: c.reference ?? '', status: c.status ?? '' };
  }
}

/** Open requests the actor may see whose resolution is due in the period (local date of their site). */
async function dueItems(ctx: Ctx, scope: Scope, q: TPlanningQuery, to: string) {
  const actor = ctx.actor as Actor;
  // A day of margin on each side covers every time zone; the local date then decides.
  const lo = DateTime.fromISO(q.from, { zone: 'UTC' }).minus({ days: 1 }).toISO() ?? '';
  const hi = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 2 }).toISO() ?? '';
  let query = withNames(visibleRequests(ctx.database.db, scope, actor))
    .where('requests.status', 'in', OPEN_STATUSES as string[])
    .where('requests.resolution_due_at', '>=', lo)
    .where('requests.resolution_due_at', '<', hi);
  if (q.siteId) query = query.where('requests.site_id', '=', q.siteId);
  if (q.teamId) query = query.where('requests.team_id', '=', q.teamId);
  const rows = await query
    .orderBy('requests.resolution_due_at')
    .orderBy('requests.id')
    .limit(MAX_DUE + 1)
    .execute();
  const items = rows.slice(0, MAX_DUE).map((r) => {
    const local = localDateTime(r.resolution_due_at ?? '', r.site_timezone ?? 'Europe/Paris');
    return {
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      priority: r.priority,
      dueAt: r.resolution_due_at ?? '',
      date: local.toISODate() ?? '',
      time: local.toFormat('HH:mm'),
      slaState: slaState(r),
      recurringScheduleId: r.recurring_schedule_id,
      site: { id: r.site_id, name: r.site_name ?? '', timezone: r.site_timezone ?? 'Europe/Paris' } as Site,
      team: (r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null) as Ref,
      assignee: (r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null) as Ref,
    };
  });
  return { items: items.filter((i) => i.date >= q.from && i.date <= to), truncated: rows.length > MAX_DUE };
}

const laneKey = (team: Ref, site: Site) => `${team?.id ?? 'none'}:${site.id}`;

/**
 * The shared planning of the coming weeks: per day, the recurring work projected from the schedules and
 * the open requests due; every item names its team and site, and `lanes` lists the team × site rows
 * to draw (items carry the `lane` key).
 */
export async function planning(ctx: Ctx, scope: Scope, q: TPlanningQuery) {
  const dates = range(q);
  const to = dates[dates.length - 1];
  const recurring = await recurringItems(ctx, scope, q, to);
  const due = await dueItems(ctx, scope, q, to);
  const lanes = new Map<string, { key: string; team: Ref; site: Site }>();
  for (const i of [...recurring, ...due.items])
    lanes.set(laneKey(i.team, i.site), { key: laneKey(i.team, i.site), team: i.team, site: i.site });
  const sorted = [...lanes.values()].sort(
    (a, b) => (a.team?.name ?? '~').localeCompare(b.team?.name ?? '~', 'fr') || a.site.name.localeCompare(b.site.name, 'fr'),
  );
  return {
    from: q.from,
    to,
    lanes: sorted,
    days: dates.map((date) => ({
      date,
      recurring: recurring.filter((i) => i.date === date).map((i) => ({ ...i, lane: laneKey(i.team, i.site) })),
      due: due.items.filter((i) => i.date === date).map((i) => ({ ...i, lane: laneKey(i.team, i.site) })),
    })),
    truncated: due.truncated,
  };
}
