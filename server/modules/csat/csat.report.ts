import type { SelectQueryBuilder } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import type { TCommentsQuery, TPeriod, TSummaryQuery } from './csat.schemas.ts';

type Q = SelectQueryBuilder<DB, 'csat_surveys', object>;

const GROUP_COLUMN = {
  team: 'csat_surveys.team_id',
  site: 'csat_surveys.site_id',
  service: 'csat_surveys.service_id',
  assistant: 'csat_surveys.assignee_id',
} as const;

/** Surveys opened (resolutions) within the period: days in UTC, both ends included. */
function inPeriod(q: Q, period: TPeriod): Q {
  if (period.from && period.to && period.from > period.to) {
    throw new AppError('unprocessable', 'csat_range', { fields: [{ path: 'to', code: 'range', message: 'csat_range' }] });
  }
  let out = q;
  if (period.from) out = out.where('csat_surveys.created_at', '>=', `${period.from}T00:00:00.000Z`);
  if (period.to) {
    const next = new Date(Date.parse(`${period.to}T00:00:00.000Z`) + 86_400_000).toISOString();
    out = out.where('csat_surveys.created_at', '<', next);
  }
  return out;
}

interface Cell {
  score: number | null;
  count: number;
}

/** The figures of a set of surveys: ratings, average, share of 4–5, distribution of 1..5, response rate. */
export function figures(cells: Cell[]) {
  const distribution = [0, 0, 0, 0, 0];
  let surveys = 0;
  for (const c of cells) {
    surveys += c.count;
    if (c.score && c.score >= 1 && c.score <= 5) distribution[c.score - 1] += c.count;
  }
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    count,
    surveys,
    average: count ? round(sum / count, 2) : null,
    satisfied: count ? round((distribution[3] + distribution[4]) / count, 4) : null,
    distribution,
    responseRate: surveys ? round(count / surveys, 4) : null,
  };
}

/** Names of the grouped ids, read in the organisation (people through their membership). */
async function labels(db: Kdb, scope: Scope, groupBy: TSummaryQuery['groupBy'], ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  if (groupBy === 'assistant') {
    const rows = await tenant
      .selectFrom(db, scope, 'memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.display_name as name'])
      .where('users.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  const table = groupBy === 'team' ? 'teams' : groupBy === 'site' ? 'sites' : 'services';
  const rows = await tenant.selectFrom(db, scope, table).select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}

/**
 * Satisfaction overall and by team, site, service or assistant (the snapshot taken at resolution). Counted
 * in SQL per group and score, so the work stays proportional to the number of groups, not of surveys.
 */
export async function summary(ctx: Ctx, scope: Scope, query: TSummaryQuery) {
  const db = ctx.database.db;
  const column = GROUP_COLUMN[query.groupBy];
  const rows = await inPeriod(tenant.selectFrom(db, scope, 'csat_surveys') as Q, query)
    .select((eb) => [eb.ref(column).as('group_id'), 'csat_surveys.score', eb.fn.countAll<number>().as('count')])
    .groupBy([column, 'csat_surveys.score'])
    .execute();
  const byGroup = new Map<string | null, Cell[]>();
  for (const r of rows) {
    const key = (r.group_id as string | null) ?? null;
    byGroup.set(key, [...(byGroup.get(key) ?? []), { score: r.score, count: Number(r.count) }]);
  }
  const ids = [...byGroup.keys()].filter((k): k is string => !!k);
  const names = await labels(db, scope, query.groupBy, ids);
  const groups = [...byGroup.entries()]
    .map(([id, cells]) => ({ id, label: id ? (names.get(id) ?? null) : null, ...figures(cells) }))
    .sort((a, b) => (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'fr'));
  return {
    groupBy: query.groupBy,
    from: query.from ?? null,
    to: query.to ?? null,
    overall: figures(rows.map((r) => ({ score: r.score, count: Number(r.count) }))),
    groups,
  };
}

/** The free-text comments, newest first, for the steering roles only (the policy keeps everyone else out). */
export async function comments(ctx: Ctx, scope: Scope, query: TCommentsQuery) {
  const db = ctx.database.db;
  let q = inPeriod(tenant.selectFrom(db, scope, 'csat_surveys') as Q, query).where('csat_surveys.comment', 'is not', null);
  if (query.teamId) q = q.where('csat_surveys.team_id', '=', query.teamId);
  if (query.siteId) q = q.where('csat_surveys.site_id', '=', query.siteId);
  if (query.serviceId) q = q.where('csat_surveys.service_id', '=', query.serviceId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
  const rows = await q
    .innerJoin('requests', 'requests.id', 'csat_surveys.request_id')
    .leftJoin('sites', 'sites.id', 'csat_surveys.site_id')
    .leftJoin('services', 'services.id', 'csat_surveys.service_id')
    .leftJoin('teams', 'teams.id', 'csat_surveys.team_id')
    .select(['csat_surveys.id', 'csat_surveys.request_id', 'requests.reference', 'csat_surveys.score', 'csat_surveys.comment'])
    .select(['csat_surveys.rated_at', 'sites.name as site_name', 'services.name as service_name', 'teams.name as team_name'])
    .orderBy('csat_surveys.rated_at', 'desc')
    .orderBy('csat_surveys.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    reference: r.reference,
    score: r.score,
    comment: r.comment,
    ratedAt: r.rated_at,
    siteName: r.site_name,
    serviceName: r.service_name,
    teamName: r.team_name,
  }));
  return { items, total: Number(total?.count ?? 0), limit: query.limit, offset: query.offset };
}
