import type { Selectable } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { KbSpacesTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, notFound, rethrowInUse } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { insertArticle } from './articles.service.ts';
import { KB_SPACE_ACTIONS } from './kb.policy.ts';
import { visibilityOf, visibleArticles } from './kb.repository.ts';
import type { TAudience } from './kb.schemas.ts';

type SpaceRow = Selectable<KbSpacesTable>;
const actorOf = (ctx: Ctx) => ctx.actor as Actor;

function presentSpace(ctx: Ctx, row: SpaceRow, articleCount: number) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    templateOf: row.template_of,
    articleCount,
    version: row.version,
    allowedActions: allowedActions(actorOf(ctx), KB_SPACE_ACTIONS),
  };
}

/** Articles per space that the actor may see (a requester counts published articles of their audience). */
async function counts(db: Kdb, scope: Scope, actor: Actor): Promise<Map<string, number>> {
  const rows = await visibleArticles(db, scope, actor)
    .select(['kb_articles.space_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('kb_articles.space_id')
    .execute();
  return new Map(rows.map((r) => [r.space_id, Number(r.count)]));
}

/** `GET /api/kb/spaces`: the organisation's spaces by name with the actor's visible article count (requesters: non-empty ones). */
export async function listSpaces(ctx: Ctx, scope: Scope, db: Kdb = ctx.database.db) {
  const rows = await tenant.selectFrom(db, scope, 'kb_spaces').selectAll().orderBy('name').orderBy('id').execute();
  const n = await counts(db, scope, actorOf(ctx));
  // Requesters see the spaces that hold something for them: a staff space is not even named.
  const shown = visibilityOf(actorOf(ctx)) === 'requester' ? rows.filter((r) => n.has(r.id)) : rows;
  return { items: shown.map((r) => presentSpace(ctx, r, n.get(r.id) ?? 0)) };
}

export async function getSpace(ctx: Ctx, scope: Scope, id: string, db: Kdb = ctx.database.db) {
  const row = (await findOrThrow(db, scope, 'kb_spaces', id)) as unknown as SpaceRow;
  return presentSpace(ctx, row, (await counts(db, scope, actorOf(ctx))).get(id) ?? 0);
}

async function insertSpace(trx: Kdb, scope: Scope, input: { name: string; description: string; templateOf?: string }) {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('kb_spaces')
    .values(
      tenant.values(scope, [
        {
          id,
          name: input.name,
          description: input.description,
          template_of: input.templateOf ?? null,
          created_at: now,
          updated_at: now,
        },
      ]),
    )
    .execute();
  return id;
}

export async function createSpace(ctx: Ctx, scope: Scope, input: { name: string; description: string }) {
  const id = await withTransaction(ctx, async (trx, record) => {
    const id = await insertSpace(trx, scope, input);
    await record({ action: 'kb.space.created', targetType: 'kb_space', targetId: id, summary: { after: input } });
    return id;
  });
  return getSpace(ctx, scope, id);
}

export async function updateSpace(
  ctx: Ctx,
  scope: Scope,
  id: string,
  patch: { name?: string; description?: string; version: number },
) {
  const { version, ...set } = patch;
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'kb_spaces', id);
    await updateVersioned(trx, scope, 'kb_spaces', id, version, set, () => getSpace(ctx, scope, id, trx));
    await record({
      action: 'kb.space.updated',
      targetType: 'kb_space',
      targetId: id,
      summary: diff(before, { ...before, ...set }),
    });
  });
  return getSpace(ctx, scope, id);
}

/** A space that still holds articles (of any status) is refused with 409 in_use. */
export async function deleteSpace(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'kb_spaces', id);
    const used = await tenant
      .selectFrom(trx, scope, 'kb_articles')
      .select('id')
      .where('space_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('conflict', 'in_use');
    await tenant.deleteFrom(trx, scope, 'kb_spaces').where('id', '=', id).execute().catch(rethrowInUse);
    await record({ action: 'kb.space.deleted', targetType: 'kb_space', targetId: id, summary: { name: before.name } });
  });
}

/** `GET /api/kb/templates`: the provider-wide template spaces (no organisation: every one reads them). */
export async function listTemplates(db: Kdb) {
  const rows = await db
    .selectFrom('kb_templates')
    .leftJoin('kb_template_articles as a', 'a.template_id', 'kb_templates.id')
    .select([
      'kb_templates.id',
      'kb_templates.name',
      'kb_templates.description',
      (eb) => eb.fn.count<number>('a.id').as('article_count'),
    ])
    .groupBy(['kb_templates.id', 'kb_templates.name', 'kb_templates.description'])
    .orderBy('kb_templates.name')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, description: r.description, articleCount: Number(r.article_count) })),
  };
}

/** Staff-only audience for copied articles: a template is a starting point, published after adaptation. */
const COPY_AUDIENCE: TAudience = { kind: 'staff' };

/**
 * `POST /api/kb/templates/:id/copy`: a new space of the organisation named after the template, each
 * template article copied as a draft (revision 1, indexed) owned by the actor, in one transaction.
 */
export async function copyTemplate(ctx: Ctx, scope: Scope, templateId: string) {
  const db = ctx.database.db;
  const template = await db.selectFrom('kb_templates').selectAll().where('id', '=', templateId).executeTakeFirst();
  if (!template) throw notFound();
  const articles = await db
    .selectFrom('kb_template_articles')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const id = await withTransaction(ctx, async (trx, record) => {
    const spaceId = await insertSpace(trx, scope, {
      name: template.name,
      description: template.description,
      templateOf: template.id,
    });
    for (const a of articles) {
      const input = { spaceId, title: a.title, body: a.body, type: a.type as 'faq', audience: COPY_AUDIENCE, serviceIds: [] };
      await insertArticle(trx, ctx, scope, input, { note: template.name });
    }
    const summary = { template: template.name, articles: articles.length };
    await record({ action: 'kb.template.copied', targetType: 'kb_space', targetId: spaceId, summary });
    return spaceId;
  });
  return getSpace(ctx, scope, id);
}
