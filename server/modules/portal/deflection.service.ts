import type { DeflectionStats } from '../../../common/deflection.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import type { TDeflectionEvent, TDeflectionStatsQuery } from './portal.schemas.ts';

const missing = (path: string) =>
  new AppError('unprocessable', 'deflection_fields', { fields: [{ path, code: 'required', message: 'deflection_fields' }] });

/** The article ids an event names, checked against its kind (422 when a kind misses what it is about). */
function articlesOf(event: TDeflectionEvent): string[] {
  if (event.kind === 'suggestion_shown') {
    if (!event.articleIds?.length) throw missing('articleIds');
    return [...new Set(event.articleIds)];
  }
  if (event.kind === 'article_opened') {
    if (!event.articleId) throw missing('articleId');
    return [event.articleId];
  }
  if (event.kind === 'submitted' && !event.requestId) throw missing('requestId');
  return [''];
}

/** A session belongs to the person who started it: someone else's session id is refused (409). */
async function assertOwnSession(ctx: Ctx, scope: Scope, sessionId: string, userId: string) {
  const other = await tenant
    .selectFrom(ctx.database.db, scope, 'deflection_events')
    .select('id')
    .where('session_id', '=', sessionId)
    .where((eb) => eb.or([eb('user_id', '!=', userId), eb('user_id', 'is', null)]))
    .executeTakeFirst();
  if (other) throw new AppError('conflict', 'deflection_session');
}

/** The submitted request must be one the actor filed (or had filed for them) in this organisation. */
async function assertOwnRequest(ctx: Ctx, scope: Scope, requestId: string, userId: string) {
  const row = await tenant
    .selectFrom(ctx.database.db, scope, 'requests')
    .select('id')
    .where('id', '=', requestId)
    .where((eb) => eb.or([eb('requester_id', '=', userId), eb('created_by_id', '=', userId)]))
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'unprocessable',
      'unknown_reference',
      { fields: [{ path: 'requestId', code: 'unknown_reference', message: 'unknown_reference_field' }] },
      { ids: 'requestId' },
    );
}

/**
 * Records one self-help step of a request form visit. Idempotent: the same session, kind and article
 * are stored once (a retried or repeated event changes nothing). These are measurements, not changes
 * of anything a person owns, so they are not written to the audit trail.
 */
export async function recordDeflection(ctx: Ctx, scope: Scope, event: TDeflectionEvent): Promise<void> {
  const actor = ctx.actor as Actor;
  const articles = articlesOf(event);
  await assertOwnSession(ctx, scope, event.sessionId, actor.userId);
  if (event.requestId) await assertOwnRequest(ctx, scope, event.requestId, actor.userId);
  await assertReferences(ctx.database.db, scope, { serviceId: ['services', event.serviceId] });
  const at = nowIso();
  const rows = articles.map((articleId) => ({
    id: newId(),
    session_id: event.sessionId,
    user_id: actor.userId,
    site_id: actor.siteId,
    service_id: event.serviceId ?? null,
    kind: event.kind,
    article_id: articleId,
    request_id: event.kind === 'submitted' ? (event.requestId ?? null) : null,
    created_at: at,
  }));
  await ctx.database.db
    .insertInto('deflection_events')
    .values(tenant.values(scope, rows))
    .onConflict((oc) => oc.columns(['organization_id', 'session_id', 'kind', 'article_id']).doNothing())
    .execute();
}

const DAY = 86_400_000;

/** The window of the figures: whole UTC days, `to` included; the last 30 days by default. */
function windowOf(query: TDeflectionStatsQuery) {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
  if (from > to)
    throw new AppError('unprocessable', 'deflection_range', {
      fields: [{ path: 'from', code: 'range', message: 'deflection_range' }],
    });
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString();
  return { from, to, start: `${from}T00:00:00.000Z`, end };
}

/**
 * Self-help figures over the sessions with events in the window (a session = one visit of the request
 * form). A deflection is a session that opened a suggested article and did not submit; the rate is
 * deflections over the sessions that were shown suggestions.
 */
export async function deflectionStats(ctx: Ctx, scope: Scope, query: TDeflectionStatsQuery): Promise<DeflectionStats> {
  const { from, to, start, end } = windowOf(query);
  await assertReferences(ctx.database.db, scope, { siteId: ['sites', query.siteId] });
  let q = tenant
    .selectFrom(ctx.database.db, scope, 'deflection_events')
    .select(['session_id', 'kind'])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy(['session_id', 'kind']);
  if (query.siteId) q = q.where('site_id', '=', query.siteId);
  const kinds = new Map<string, Set<string>>();
  for (const r of await q.execute()) {
    const set = kinds.get(r.session_id) ?? new Set<string>();
    set.add(r.kind);
    kinds.set(r.session_id, set);
  }
  return { from, to, ...figures([...kinds.values()]) };
}

/** The figures from each session's set of kinds. */
export function figures(sessions: Set<string>[]) {
  const count = (test: (s: Set<string>) => boolean) => sessions.filter(test).length;
  const shown = (s: Set<string>) => s.has('suggestion_shown');
  const opened = (s: Set<string>) => s.has('article_opened');
  const submitted = (s: Set<string>) => s.has('submitted');
  const withSuggestions = count(shown);
  const deflected = count((s) => opened(s) && !submitted(s));
  return {
    sessions: sessions.length,
    withSuggestions,
    articleOpened: count(opened),
    submittedAnyway: count((s) => (shown(s) || opened(s)) && submitted(s)),
    abandonedAfterArticle: deflected,
    abandonedWithoutArticle: count((s) => !opened(s) && !submitted(s) && s.has('abandoned')),
    deflected,
    deflectionRate: withSuggestions ? Math.round((deflected / withSuggestions) * 1000) / 1000 : null,
  };
}
