import { translate } from '../../../common/messages.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { loadRequestSubject } from '../requests/requests.repository.ts';
import { getArticle } from './articles.read.ts';
import { insertArticle } from './articles.service.ts';
import { lastAnswer } from '../requests/requests.repository.ts';

const DONE = ['resolved', 'closed'];

/** The space a new FAQ goes to: the one asked for, else the oldest space, else a new « Questions fréquentes ». */
async function spaceFor(trx: Kdb, ctx: Ctx, scope: Scope, spaceId?: string): Promise<string> {
  let q = tenant.selectFrom(trx, scope, 'kb_spaces').select('id');
  if (spaceId) q = q.where('id', '=', spaceId);
  const row = await q.orderBy('created_at').orderBy('id').executeTakeFirst();
  if (row) return row.id;
  if (spaceId) throw new AppError('unprocessable', 'unknown_reference', undefined, { ids: 'spaceId' });
  const id = newId();
  const name = translate((ctx.actor as Actor).locale, 'kb_default_space');
  await trx
    .insertInto('kb_spaces')
    .values(tenant.values(scope, [{ id, name, description: '', template_of: null, created_at: nowIso(), updated_at: nowIso() }]))
    .execute();
  return id;
}

/**
 * `POST /api/kb/articles/from-request`: a draft FAQ from a resolved or closed request the actor may read
 * (404 otherwise): its title, the question (description) and the last public answer, its service, and
 * `sourceRequestId`. Confidential requests never become articles (422). Staff audience until edited.
 */
export async function articleFromRequest(ctx: Ctx, scope: Scope, requestId: string, spaceId?: string) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const subject = await loadRequestSubject(db, scope, requestId);
  if (!subject || !can(actor, 'request.read', subject)) throw notFound();
  if (subject.restricted) throw new AppError('unprocessable', 'kb_request_confidential');
  const request = await tenant
    .selectFrom(db, scope, 'requests')
    .select(['id', 'reference', 'title', 'description', 'status', 'service_id', 'requester_id'])
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  if (!DONE.includes(request.status)) throw new AppError('unprocessable', 'kb_request_not_done', { status: request.status });
  const t = (key: string, vars?: Record<string, string>) => translate(actor.locale, key, vars);
  const answer = (await lastAnswer(db, scope, requestId, request.requester_id)) ?? t('kb_answer_todo');
  const body = `## ${t('kb_question')}\n\n${request.description || request.title}\n\n## ${t('kb_answer')}\n\n${answer}\n`;
  const id = await withTransaction(ctx, async (trx, record) => {
    const input = {
      spaceId: await spaceFor(trx, ctx, scope, spaceId),
      title: request.title,
      body,
      type: 'faq' as const,
      audience: { kind: 'staff' as const },
      serviceIds: request.service_id ? [request.service_id] : [],
    };
    const note = t('kb_from_request', { reference: request.reference });
    const id = await insertArticle(trx, ctx, scope, input, { sourceRequestId: request.id, note });
    const summary = { title: request.title, request: request.reference };
    await record({ action: 'kb.article.created', targetType: 'kb_article', targetId: id, summary });
    return id;
  });
  return getArticle(ctx, scope, id);
}
