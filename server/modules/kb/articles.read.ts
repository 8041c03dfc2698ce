import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { kbSnippets, searchArticles } from '../search/kb-index.ts';
import { type KbSummary, presentArticle, presentSummary } from './kb.present.ts';
import { type ArticleRow, kbToday, servicesOf, visibleArticles, withSummary } from './kb.repository.ts';
import type { TArticleQuery } from './kb.schemas.ts';

const actorOf = (ctx: Ctx) => ctx.actor as Actor;

/** One article the actor may see (summary columns), or 404 — also when it exists outside their audience. */
export async function loadVisible(db: Kdb, scope: Scope, actor: Actor, id: string): Promise<ArticleRow> {
  const row = await withSummary(visibleArticles(db, scope, actor))
    .where('kb_articles.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as ArticleRow;
}

/** An article as `GET /api/kb/articles/:id` sends it (the view is counted by a separate POST). */
export async function getArticle(ctx: Ctx, scope: Scope, id: string, db: Kdb = ctx.database.db) {
  const actor = actorOf(ctx);
  const row = await loadVisible(db, scope, actor, id);
  const vote = await tenant
    .selectFrom(db, scope, 'kb_votes')
    .select('helpful')
    .where('article_id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  const services = await servicesOf(db, scope, [id]);
  return presentArticle(actor, row, services.get(id) ?? [], kbToday(), vote ? vote.helpful : null);
}
export type KbArticleView = Awaited<ReturnType<typeof getArticle>>;

/** Summaries of some rows in the given order, with their services (and snippets when searched). */
export async function summaries(ctx: Ctx, scope: Scope, rows: ArticleRow[], snippets?: Map<string, string>) {
  const services = await servicesOf(
    ctx.database.db,
    scope,
    rows.map((r) => r.id),
  );
  const today = kbToday();
  return rows.map((r) => presentSummary(r, services.get(r.id) ?? [], today, snippets?.get(r.id)));
}

/** The actor's visible articles narrowed by the list filters (no search yet). */
function filtered(ctx: Ctx, scope: Scope, f: Omit<TArticleQuery, 'limit' | 'offset' | 'q'>) {
  let q = visibleArticles(ctx.database.db, scope, actorOf(ctx));
  if (f.spaceId) q = q.where('kb_articles.space_id', '=', f.spaceId);
  if (f.type) q = q.where('kb_articles.type', '=', f.type);
  if (f.status) q = q.where('kb_articles.status', '=', f.status);
  if (f.serviceId) {
    const serviceId = f.serviceId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('kb_article_services as ks')
          .select('ks.article_id')
          .whereRef('ks.article_id', '=', 'kb_articles.id')
          .where('ks.service_id', '=', serviceId),
      ),
    );
  }
  if (f.reviewDue) q = q.where('kb_articles.status', '=', 'published').where('kb_articles.review_on', '<=', kbToday());
  return q;
}

/** Rows of the given ids, in that order. */
async function rowsInOrder(ctx: Ctx, scope: Scope, ids: string[]): Promise<ArticleRow[]> {
  if (!ids.length) return [];
  const rows = (await withSummary(visibleArticles(ctx.database.db, scope, actorOf(ctx)))
    .where('kb_articles.id', 'in', ids)
    .execute()) as ArticleRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * `GET /api/kb/articles`: the visible articles with the filters, most recently updated first; with `q`,
 * ranked full-text matches (title over body) with highlighted snippets instead of excerpts.
 */
export async function listArticles(ctx: Ctx, scope: Scope, query: TArticleQuery): Promise<{ items: KbSummary[]; total: number }> {
  const { q, limit, offset, ...filters } = query;
  const base = filtered(ctx, scope, filters);
  if (q?.trim()) {
    const matches = await searchArticles(ctx.database.db, ctx.database.dialect, scope, q, base);
    const ids = matches.slice(offset, offset + limit).map((m) => m.id);
    const rows = await rowsInOrder(ctx, scope, ids);
    return { items: await summaries(ctx, scope, rows, await kbSnippets(ctx.database.db, scope, q, ids)), total: matches.length };
  }
  const count = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
  const rows = (await withSummary(base)
    .orderBy('kb_articles.updated_at', 'desc')
    .orderBy('kb_articles.id')
    .limit(limit)
    .offset(offset)
    .execute()) as ArticleRow[];
  return { items: await summaries(ctx, scope, rows), total: Number(count?.count ?? 0) };
}

/** Suggestions while a requester types (portal): ≤ 5 published visible articles, any term, best first. */
export async function suggestArticles(ctx: Ctx, scope: Scope, q: string, serviceId?: string) {
  if ((q.match(/\p{L}/gu) ?? []).length < 3) return { items: [] };
  const base = filtered(ctx, scope, { status: 'published' });
  const matches = await searchArticles(ctx.database.db, ctx.database.dialect, scope, q, base, false);
  let ids = matches.map((m) => m.id);
  if (serviceId) {
    // Articles of the chosen service come first, the ranking kept within each group.
    const linked = new Set((await servicesOfMany(ctx, scope, ids, serviceId)).map((r) => r.article_id));
    ids = [...ids.filter((id) => linked.has(id)), ...ids.filter((id) => !linked.has(id))];
  }
  const rows = await rowsInOrder(ctx, scope, ids.slice(0, 5));
  return { items: await summaries(ctx, scope, rows) };
}

function servicesOfMany(ctx: Ctx, scope: Scope, ids: string[], serviceId: string) {
  if (!ids.length) return Promise.resolve([]);
  return tenant
    .selectFrom(ctx.database.db, scope, 'kb_article_services')
    .select('article_id')
    .where('article_id', 'in', ids)
    .where('service_id', '=', serviceId)
    .execute();
}

/** `GET /api/kb/services/:id/process`: published process and how-to articles of a service the actor may see. */
export async function processArticles(ctx: Ctx, scope: Scope, serviceId: string) {
  const rows = (await withSummary(filtered(ctx, scope, { status: 'published', serviceId }))
    .where('kb_articles.type', 'in', ['process', 'howto'])
    .orderBy('kb_articles.type', 'desc')
    .orderBy('kb_articles.title')
    .execute()) as ArticleRow[];
  return { items: await summaries(ctx, scope, rows) };
}

/** `GET /api/kb/review-due`: published articles past their review date that the actor owns (all for the coordination). */
export async function reviewDue(ctx: Ctx, scope: Scope, all: boolean) {
  let q = filtered(ctx, scope, { reviewDue: true });
  if (!all) q = q.where('kb_articles.owner_id', '=', actorOf(ctx).userId);
  const rows = (await withSummary(q).orderBy('kb_articles.review_on').orderBy('kb_articles.id').execute()) as ArticleRow[];
  return { items: await summaries(ctx, scope, rows) };
}
