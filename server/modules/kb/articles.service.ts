import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { indexArticle } from '../search/kb-index.ts';
import { getArticle, loadVisible } from './articles.read.ts';
import { deletable } from './kb.present.ts';
import type { TArticleInput, TArticlePatch, TAudience } from './kb.schemas.ts';

const actorOf = (ctx: Ctx) => ctx.actor as Actor;

function targetsOf(audience: TAudience): string[] {
  if (audience.kind === 'requesters') return [...new Set(audience.siteIds)];
  if (audience.kind === 'teams') return [...new Set(audience.teamIds)];
  return [];
}

/** The stored audience: the JSON as sent (ids deduplicated) and its kind, for the SQL filter. */
function audienceColumns(audience: TAudience) {
  const ids = targetsOf(audience);
  const json =
    audience.kind === 'staff'
      ? { kind: 'staff' }
      : { kind: audience.kind, [audience.kind === 'teams' ? 'teamIds' : 'siteIds']: ids };
  return { audience: JSON.stringify(json), audience_kind: audience.kind };
}

async function missing(trx: Kdb, scope: Scope, table: 'sites' | 'teams' | 'services', ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await tenant.selectFrom(trx, scope, table).select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** Sites, teams, services, space and owner named by an input exist in the organisation (422 otherwise). */
async function checkLinks(trx: Kdb, scope: Scope, input: Partial<TArticleInput>) {
  if (input.spaceId) await assertReferences(trx, scope, { spaceId: ['kb_spaces', input.spaceId] });
  const fields: { path: string; code: string; message: string }[] = [];
  const unknown: string[] = [];
  if (input.audience) {
    const table = input.audience.kind === 'teams' ? 'teams' : 'sites';
    const bad = await missing(trx, scope, table, targetsOf(input.audience));
    if (bad.length) fields.push({ path: 'audience', code: 'unknown_reference', message: 'unknown_reference_field' });
    unknown.push(...bad);
  }
  const badServices = await missing(trx, scope, 'services', [...new Set(input.serviceIds ?? [])]);
  if (badServices.length) fields.push({ path: 'serviceIds', code: 'unknown_reference', message: 'unknown_reference_field' });
  unknown.push(...badServices);
  if (input.ownerId) {
    const member = await tenant
      .selectFrom(trx, scope, 'memberships')
      .select('id')
      .where('user_id', '=', input.ownerId)
      .executeTakeFirst();
    if (!member) {
      fields.push({ path: 'ownerId', code: 'unknown_reference', message: 'unknown_reference_field' });
      unknown.push(input.ownerId);
    }
  }
  if (fields.length) throw new AppError('unprocessable', 'kb_unknown_targets', { fields }, { ids: unknown.join(', ') });
}

/** Replaces an article's audience targets and/or services (inside the writing transaction). */
async function writeLinks(trx: Kdb, scope: Scope, id: string, audience?: TAudience, serviceIds?: string[]) {
  if (audience) {
    await tenant.deleteFrom(trx, scope, 'kb_article_targets').where('article_id', '=', id).execute();
    const ids = targetsOf(audience);
    if (ids.length)
      await trx
        .insertInto('kb_article_targets')
        .values(
          tenant.values(
            scope,
            ids.map((target_id) => ({ article_id: id, target_id })),
          ),
        )
        .execute();
  }
  if (serviceIds) {
    await tenant.deleteFrom(trx, scope, 'kb_article_services').where('article_id', '=', id).execute();
    const ids = [...new Set(serviceIds)];
    if (ids.length)
      await trx
        .insertInto('kb_article_services')
        .values(
          tenant.values(
            scope,
            ids.map((service_id) => ({ article_id: id, service_id })),
          ),
        )
        .execute();
  }
}

export interface RevisionInput {
  number: number;
  title: string;
  body: string;
  note: string | null;
}

/** Appends a revision (number, title, body, author, note) to an article's history. */
export async function addRevision(trx: Kdb, scope: Scope, ctx: Ctx, articleId: string, r: RevisionInput) {
  await trx
    .insertInto('kb_revisions')
    .values(
      tenant.values(scope, [
        { id: newId(), article_id: articleId, ...r, author_id: actorOf(ctx).userId || null, created_at: nowIso() },
      ]),
    )
    .execute();
}

export interface NewArticleExtras {
  sourceRequestId?: string | null;
  note?: string | null;
}

/** Inserts a draft (revision 1) with its links, revision and index rows, inside the caller's transaction. */
export async function insertArticle(trx: Kdb, ctx: Ctx, scope: Scope, input: TArticleInput, extras: NewArticleExtras = {}) {
  await checkLinks(trx, scope, input);
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('kb_articles')
    .values(
      tenant.values(scope, [
        {
          id,
          space_id: input.spaceId,
          title: input.title,
          body: input.body,
          type: input.type,
          status: 'draft',
          ...audienceColumns(input.audience),
          owner_id: input.ownerId ?? (actorOf(ctx).userId || null),
          review_on: input.reviewAt ?? null,
          source_request_id: extras.sourceRequestId ?? null,
          revision: 1,
          created_by: actorOf(ctx).userId || null,
          created_at: now,
          updated_at: now,
        },
      ]),
    )
    .execute();
  await writeLinks(trx, scope, id, input.audience, input.serviceIds);
  await addRevision(trx, scope, ctx, id, { number: 1, title: input.title, body: input.body, note: extras.note ?? null });
  await indexArticle(trx, ctx.database.dialect, scope, id);
  return id;
}

/** `POST /api/kb/articles`: a new draft, revision 1, owned by its author unless an owner is named. */
export async function createArticle(ctx: Ctx, scope: Scope, input: TArticleInput) {
  const id = await withTransaction(ctx, async (trx, record) => {
    const id = await insertArticle(trx, ctx, scope, input);
    await record({ action: 'kb.article.created', targetType: 'kb_article', targetId: id, summary: { title: input.title } });
    return id;
  });
  return getArticle(ctx, scope, id);
}

/** The columns a patch changes (review notification re-armed when the review date moves). */
function patchSet(patch: TArticlePatch, before: { review_on: string | null }) {
  const set: Record<string, unknown> = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.body !== undefined) set.body = patch.body;
  if (patch.type !== undefined) set.type = patch.type;
  if (patch.spaceId !== undefined) set.space_id = patch.spaceId;
  if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
  if (patch.audience) Object.assign(set, audienceColumns(patch.audience));
  if (patch.reviewAt !== undefined && patch.reviewAt !== before.review_on) {
    set.review_on = patch.reviewAt;
    set.review_notified_at = null;
  }
  return set;
}

/** The audit summary of an update: changed fields (the body only as « changed »), services as sent. */
function auditOf(before: Record<string, unknown>, set: Record<string, unknown>, patch: TArticlePatch) {
  const { body, audience, ...changes } = set;
  if (audience) changes.audience = JSON.parse(String(audience));
  return {
    ...diff(before, { ...before, ...changes }),
    bodyChanged: body !== undefined && body !== before.body,
    serviceIds: patch.serviceIds,
  };
}

/**
 * `PATCH /api/kb/articles/:id`: optimistic (stale version → 409 with the current article); a change of
 * title or body adds a revision carrying the note.
 */
export async function updateArticle(ctx: Ctx, scope: Scope, id: string, patch: TArticlePatch) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await loadVisible(trx, scope, actorOf(ctx), id);
    await checkLinks(trx, scope, patch);
    const set = patchSet(patch, before);
    const title = patch.title ?? before.title;
    const body = patch.body ?? before.body;
    const revised = title !== before.title || body !== before.body;
    if (revised) set.revision = before.revision + 1;
    const current = async () => getArticle(ctx, scope, id, trx);
    await updateVersioned(trx, scope, 'kb_articles', id, patch.version, set, current);
    await writeLinks(trx, scope, id, patch.audience, patch.serviceIds);
    if (revised) {
      await addRevision(trx, scope, ctx, id, { number: before.revision + 1, title, body, note: patch.note ?? null });
      await indexArticle(trx, ctx.database.dialect, scope, id);
    }
    await record({ action: 'kb.article.updated', targetType: 'kb_article', targetId: id, summary: auditOf(before, set, patch) });
  });
  return getArticle(ctx, scope, id);
}

/** `DELETE /api/kb/articles/:id`: drafts and archived articles only (409 otherwise); history goes with it. */
export async function deleteArticle(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await loadVisible(trx, scope, actorOf(ctx), id);
    if (!deletable(before.status)) throw new AppError('conflict', 'kb_delete_status', { status: before.status });
    await tenant.deleteFrom(trx, scope, 'kb_articles').where('id', '=', id).execute();
    await record({ action: 'kb.article.deleted', targetType: 'kb_article', targetId: id, summary: { title: before.title } });
  });
}
