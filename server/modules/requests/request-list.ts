import { type ExpressionBuilder, sql } from 'kysely';
import { OPEN_STATUSES } from '../../../common/requests.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentRequest, type RequestRow, withNames } from './request-present.ts';
import { visibleRequests } from './requests.repository.ts';
import type { TListQuery } from './requests.schemas.ts';
import { searchMatches, searchSnippets } from './search-bridge.ts';

type Q = ReturnType<typeof visibleRequests>;
type Sort = Exclude<NonNullable<TListQuery['sort']>, 'relevance'>;
type Page = { items: (ReturnType<typeof presentRequest> & { snippet: string | null })[]; nextCursor: string | null };

/** Sort key of each sort: column, direction; ties broken by id in the same direction. */
const SORTS: Record<Sort, { column: 'resolution_due_at' | 'created_at' | 'updated_at' | 'priority'; desc: boolean }> = {
  due: { column: 'resolution_due_at', desc: false },
  created: { column: 'created_at', desc: false },
  '-created': { column: 'created_at', desc: true },
  updated: { column: 'updated_at', desc: true },
  priority: { column: 'priority', desc: false },
};

const encode = (value: unknown, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');
function decode(cursor: string): [string | null, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' && (v[0] === null || typeof v[0] === 'string'))
      return [v[0], v[1]];
  } catch {}
  throw invalidCursor();
}
const invalidCursor = () =>
  new AppError('validation_failed', 'validation_failed', {
    fields: [{ path: 'cursor', code: 'invalid', message: 'invalid_cursor' }],
  });

/**
 * Open statuses as literals, not parameters: SQLite serves the open queue from the partial index
 * `requests_open_due` (migration 0008, same list in the same order) only when the query repeats its predicate.
 */
const isOpen = sql<boolean>`requests.status in (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`;

/** The filters of a queue (list query or saved view) applied to the visible requests. */
export function applyFilters(q: Q, f: Partial<TListQuery>, actor: Actor, now = new Date()): Q {
  const me = (id: string) => (id === 'me' ? actor.userId : id);
  if (f.status?.length) q = q.where('requests.status', 'in', f.status);
  else if (f.open === 'true') q = q.where(isOpen);
  if (f.assigneeId)
    q =
      f.assigneeId === 'none'
        ? q.where('requests.assignee_id', 'is', null)
        : q.where('requests.assignee_id', '=', me(f.assigneeId));
  if (f.requesterId) q = q.where('requests.requester_id', '=', me(f.requesterId));
  if (f.watching) q = q.where(watchedBy(actor.userId));
  if (f.approving)
    q = q.where('requests.status', '=', 'pending_approval').where('requests.approval_role', 'in', [...actorRoles(actor), '-']);
  if (f.teamId) q = q.where('requests.team_id', '=', f.teamId);
  if (f.siteId) q = q.where('requests.site_id', '=', f.siteId);
  if (f.functionId) q = q.where('requests.function_id', '=', f.functionId);
  if (f.serviceId) q = q.where('requests.service_id', '=', f.serviceId);
  if (f.priority?.length) q = q.where('requests.priority', 'in', f.priority);
  if (f.tag) q = q.where(tagFilter(f.tag));
  if (f.sla) q = slaFilter(q, f.sla, now);
  return q;
}

function watchedBy(userId: string) {
  return (eb: ExpressionBuilder<DB, 'requests'>) =>
    eb.exists(
      eb
        .selectFrom('request_access')
        .select('request_access.id')
        .whereRef('request_access.request_id', '=', 'requests.id')
        .where('request_access.user_id', '=', userId)
        .where('request_access.role', '=', 'watcher'),
    );
}

function tagFilter(tag: string) {
  // Tags are a JSON array of strings: match the quoted value (tags cannot contain a double quote once JSON-encoded).
  return (eb: ExpressionBuilder<DB, 'requests'>) =>
    eb(sql`cast(requests.tags as text)`, 'like', `%${JSON.stringify(tag).replace(/[%_]/g, '')}%`);
}

function slaFilter(q: Q, sla: NonNullable<TListQuery['sla']>, now: Date): Q {
  const at = now.toISOString();
  const open = q.where(isOpen);
  if (sla === 'paused') return open.where('requests.sla_paused_at', 'is not', null);
  const running = open.where('requests.sla_paused_at', 'is', null);
  if (sla === 'breached') return running.where('requests.resolution_due_at', '<', at);
  if (sla === 'at_risk')
    return running.where('requests.resolution_at_risk_at', '<=', at).where('requests.resolution_due_at', '>=', at);
  const hour = new Date(now.getTime() + 3600_000).toISOString();
  return running.where('requests.resolution_due_at', '>=', at).where('requests.resolution_due_at', '<=', hour);
}

function keyset(q: Q, sort: Sort, cursor: string | undefined): Q {
  const { column, desc } = SORTS[sort];
  const col = `requests.${column}` as const;
  const ordered = q
    .orderBy(sql`${sql.ref(col)} ${sql.raw(desc ? 'desc nulls last' : 'asc nulls last')}`)
    .orderBy('requests.id', desc ? 'desc' : 'asc');
  if (!cursor) return ordered;
  const [value, id] = decode(cursor);
  const cmp = desc ? '<' : '>';
  return ordered.where((eb) =>
    value === null
      ? eb.and([eb(col, 'is', null), eb('requests.id', cmp, id)])
      : eb.or([eb(col, cmp, value), eb.and([eb(col, '=', value), eb('requests.id', cmp, id)]), eb(col, 'is', null)]),
  );
}

/**
 * A page of the requests the actor may see: filters, sort (SLA due date first by default), keyset cursor,
 * `q` full-text (best match first unless another sort is asked for, with highlighted snippets).
 */
export async function listRequests(ctx: Ctx, scope: Scope, query: TListQuery): Promise<Page> {
  const actor = ctx.actor as Actor;
  const q = applyFilters(visibleRequests(ctx.database.db, scope, actor), query, actor);
  const text = query.q?.trim();
  if (text) return searchPage(ctx, scope, q, text, query);
  return keysetPage(actor, q, query.sort && query.sort !== 'relevance' ? query.sort : 'due', query);
}

async function keysetPage(actor: Actor, q: Q, sort: Sort, query: TListQuery): Promise<Page> {
  const rows = (await withNames(keyset(q, sort, query.cursor))
    .limit(query.limit + 1)
    .execute()) as RequestRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const { column } = SORTS[sort];
  return {
    items: page.map((r) => ({ ...presentRequest(actor, r, listSubject(r)), snippet: null })),
    nextCursor: rows.length > query.limit && last ? encode(last[column] ?? null, last.id) : null,
  };
}

/**
 * Full-text results: the search ranks the visible, filtered requests (capped, see the search module);
 * by relevance the cursor is a position in that ranking, otherwise the usual keyset over the matches.
 */
async function searchPage(ctx: Ctx, scope: Scope, q: Q, text: string, query: TListQuery): Promise<Page> {
  const actor = ctx.actor as Actor;
  const found = await searchMatches(ctx, scope, text, q);
  if (!found.length) return { items: [], nextCursor: null };
  const ids = found.map((m) => m.id);
  const sort = query.sort ?? 'relevance';
  const page =
    sort === 'relevance'
      ? await rankedPage(actor, q, ids, query)
      : await keysetPage(actor, q.where('requests.id', 'in', ids), sort, query);
  const snippets = await searchSnippets(ctx, scope, text, page.items.map(itemId));
  return { ...page, items: page.items.map((i) => ({ ...i, snippet: snippets.get(i.id) ?? null })) };
}

const RANKED = 'relevance';
const itemId = (i: { id: string }) => i.id;

/** A page of the ranking: the cursor is the position of the next result (within the search's cap). */
async function rankedPage(actor: Actor, q: Q, ranked: string[], query: TListQuery): Promise<Page> {
  let offset = 0;
  if (query.cursor) {
    const [value, tag] = decode(query.cursor);
    offset = tag === RANKED ? Number(value) : Number.NaN;
    if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
  }
  const ids = ranked.slice(offset, offset + query.limit);
  if (!ids.length) return { items: [], nextCursor: null };
  const rows = (await withNames(q.where('requests.id', 'in', ids)).execute()) as RequestRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...presentRequest(actor, r, listSubject(r)), snippet: null }] : [];
  });
  const next = offset + query.limit;
  return { items, nextCursor: next < ranked.length ? encode(String(next), RANKED) : null };
}

/** A cheap subject for list rows (watchers and cleared staff are checked again on each action). */
function listSubject(r: RequestRow) {
  return {
    id: r.id,
    siteId: r.site_id,
    userId: r.requester_id,
    parties: [r.requester_id],
    restricted: r.confidentiality !== 'normal',
    cleared: r.assignee_id ? [r.assignee_id] : [],
    approvalRole: r.status === 'pending_approval' ? r.approval_role : null,
  };
}
