import { diffLines, diffWords } from 'diff';
import { KB_TRANSITIONS, type KbStatus } from '../../../common/kb.ts';
import { translate } from '../../../common/messages.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { indexArticle } from '../search/kb-index.ts';
import { getArticle, loadVisible } from './articles.read.ts';
import { addRevision } from './articles.service.ts';

const actorOf = (ctx: Ctx) => ctx.actor as Actor;

/** The 409 of a move the lifecycle does not allow, naming the possible targets in the actor's language. */
function refused(actor: Actor, from: KbStatus, to: KbStatus): AppError {
  const allowed = Object.keys(KB_TRANSITIONS[from]) as KbStatus[];
  const label = (s: KbStatus) => translate(actor.locale, `kb.status.${s}`);
  const names = allowed.map(label).join(', ') || translate(actor.locale, 'kb_nothing');
  return new AppError('conflict', 'kb_transition', { from, to, allowed }, { from: label(from), to: label(to), allowed: names });
}

/**
 * `POST /api/kb/articles/:id/transition`: one move of the lifecycle (common/kb.ts), each needing its own
 * action (403 otherwise); a move the lifecycle lacks answers 409 naming the allowed targets.
 */
export async function transitionArticle(ctx: Ctx, scope: Scope, id: string, to: KbStatus, version: number) {
  const actor = actorOf(ctx);
  await withTransaction(ctx, async (trx, record) => {
    const before = await loadVisible(trx, scope, actor, id);
    const from = before.status as KbStatus;
    const action = KB_TRANSITIONS[from][to];
    if (!action) throw refused(actor, from, to);
    authorize(actor, action);
    const set = to === 'published' ? { status: to, published_at: nowIso() } : { status: to };
    await updateVersioned(trx, scope, 'kb_articles', id, version, set, () => getArticle(ctx, scope, id, trx));
    await record({ action: 'kb.article.transitioned', targetType: 'kb_article', targetId: id, summary: { from, to } });
  });
  return getArticle(ctx, scope, id);
}

/** The revisions of a visible article, newest first, with their authors' names. */
export async function listRevisions(ctx: Ctx, scope: Scope, id: string) {
  await loadVisible(ctx.database.db, scope, actorOf(ctx), id);
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'kb_revisions')
    .leftJoin('users', 'users.id', 'kb_revisions.author_id')
    .select(['number', 'title', 'body', 'note', 'kb_revisions.created_at', 'users.display_name as author_name'])
    .where('article_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      number: r.number,
      title: r.title,
      body: r.body,
      authorName: r.author_name,
      createdAt: r.created_at,
      note: r.note,
    })),
  };
}

async function revision(ctx: Ctx, scope: Scope, id: string, number: number) {
  const row = await tenant
    .selectFrom(ctx.database.db, scope, 'kb_revisions')
    .select(['title', 'body'])
    .where('article_id', '=', id)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'kb_unknown_revision', { revision: number });
  return row;
}

type Part = { value: string; added?: boolean; removed?: boolean };
const parts = (changes: { value: string; added: boolean; removed: boolean }[]): Part[] =>
  changes.map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));

/** `GET …/diff?from=N&to=M`: words of the title and lines of the body, as jsdiff parts. */
export async function diffRevisions(ctx: Ctx, scope: Scope, id: string, from: number, to: number) {
  await loadVisible(ctx.database.db, scope, actorOf(ctx), id);
  const [a, b] = [await revision(ctx, scope, id, from), await revision(ctx, scope, id, to)];
  return { from, to, title: parts(diffWords(a.title, b.title)), body: parts(diffLines(a.body, b.body)) };
}

/** `POST …/restore`: the article takes an old revision's title and body again, as a new revision. */
export async function restoreRevision(ctx: Ctx, scope: Scope, id: string, number: number, version: number) {
  const old = await revision(ctx, scope, id, number);
  await withTransaction(ctx, async (trx, record) => {
    const before = await loadVisible(trx, scope, actorOf(ctx), id);
    const next = before.revision + 1;
    const set = { title: old.title, body: old.body, revision: next };
    await updateVersioned(trx, scope, 'kb_articles', id, version, set, () => getArticle(ctx, scope, id, trx));
    const note = translate(actorOf(ctx).locale, 'kb_restored', { revision: number });
    await addRevision(trx, scope, ctx, id, { number: next, title: old.title, body: old.body, note });
    await indexArticle(trx, ctx.database.dialect, scope, id);
    await record({
      action: 'kb.article.restored',
      targetType: 'kb_article',
      targetId: id,
      summary: { revision: number, as: next },
    });
  });
  return getArticle(ctx, scope, id);
}
