import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { loadVisible } from './articles.read.ts';
import { kbNow } from './kb.repository.ts';

const HOUR_MS = 3600_000;
const actorOf = (ctx: Ctx) => ctx.actor as Actor;

/** Helpful / not helpful counts of an article and the actor's own vote. */
async function tally(ctx: Ctx, scope: Scope, id: string) {
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'kb_votes')
    .select(['user_id', 'helpful'])
    .where('article_id', '=', id)
    .execute();
  const mine = rows.find((r) => r.user_id === actorOf(ctx).userId);
  return {
    helpful: rows.filter((r) => r.helpful).length,
    unhelpful: rows.filter((r) => !r.helpful).length,
    myVote: mine ? mine.helpful : null,
  };
}

/**
 * `POST …/vote`: « Cet article vous a-t-il aidé ? » — one vote per user and article, changeable (upsert).
 * Not audited: a vote is feedback, not a change of the article (the counts are the record).
 */
export async function voteArticle(ctx: Ctx, scope: Scope, id: string, helpful: boolean) {
  const actor = actorOf(ctx);
  await loadVisible(ctx.database.db, scope, actor, id);
  const now = nowIso();
  await ctx.database.db
    .insertInto('kb_votes')
    .values(tenant.values(scope, [{ article_id: id, user_id: actor.userId, helpful, created_at: now, updated_at: now }]))
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ helpful, updated_at: now }))
    .execute();
  return tally(ctx, scope, id);
}

/**
 * `POST …/view`: counts a view at most once per user, article and hour. The per-user row is claimed with
 * a conditional write (insert, or update only when the last counted view is an hour old), so two
 * simultaneous opens count once; the counter is bumped in the same transaction, without touching `version`.
 */
export async function viewArticle(ctx: Ctx, scope: Scope, id: string): Promise<boolean> {
  const actor = actorOf(ctx);
  await loadVisible(ctx.database.db, scope, actor, id);
  const now = kbNow();
  const at = now.toISOString();
  const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
  return withTransaction(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('kb_views')
      .values(tenant.values(scope, [{ article_id: id, user_id: actor.userId, viewed_at: at }]))
      .onConflict((oc) => oc.columns(['article_id', 'user_id']).doNothing())
      .executeTakeFirst();
    let counted = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    if (!counted) {
      const res = await tenant
        .updateTable(trx, scope, 'kb_views')
        .set({ viewed_at: at })
        .where('article_id', '=', id)
        .where('user_id', '=', actor.userId)
        .where('viewed_at', '<=', hourAgo)
        .executeTakeFirst();
      counted = Number(res.numUpdatedRows) === 1;
    }
    if (counted)
      await tenant
        .updateTable(trx, scope, 'kb_articles')
        .set((eb) => ({ views: eb('views', '+', 1) }))
        .where('id', '=', id)
        .execute();
    return counted;
  });
}
