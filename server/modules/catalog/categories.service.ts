import type { Selectable } from 'kysely';
import type { ServiceCategoriesTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { rethrowInUse, uniqueOn } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { CATEGORY_ACTIONS } from './catalog.policy.ts';
import type { TCategoryInput, TCategoryPatch } from './catalog.schemas.ts';

type Row = Selectable<ServiceCategoriesTable>;

export function presentCategory(ctx: Ctx, row: Row) {
  return {
    id: row.id,
    name: row.name,
    icon: row.icon,
    position: row.position,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, CATEGORY_ACTIONS) : [],
  };
}

export async function listCategories(ctx: Ctx, scope: Scope) {
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'service_categories')
    .selectAll()
    .orderBy('position')
    .orderBy('name')
    .execute();
  return rows.map((r) => presentCategory(ctx, r));
}

export async function getCategory(ctx: Ctx, scope: Scope, id: string) {
  return presentCategory(ctx, (await findOrThrow(ctx.database.db, scope, 'service_categories', id)) as unknown as Row);
}

export async function createCategory(ctx: Ctx, scope: Scope, input: TCategoryInput) {
  const id = newId();
  const now = nowIso();
  await uniqueOn(
    'name',
    withTransaction(ctx, async (trx, record) => {
      await trx
        .insertInto('service_categories')
        .values(tenant.values(scope, [{ id, ...input, created_at: now, updated_at: now }]))
        .execute();
      await record({ action: 'category.created', targetType: 'category', targetId: id, summary: { after: input } });
    }),
  );
  return getCategory(ctx, scope, id);
}

export async function updateCategory(ctx: Ctx, scope: Scope, id: string, patch: TCategoryPatch) {
  const { version, ...set } = patch;
  await uniqueOn(
    'name',
    withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'service_categories', id);
      await updateVersioned(trx, scope, 'service_categories', id, version, set, (row) =>
        presentCategory(ctx, row as unknown as Row),
      );
      await record({
        action: 'category.updated',
        targetType: 'category',
        targetId: id,
        summary: diff(before, { ...before, ...set }),
      });
    }),
  );
  return getCategory(ctx, scope, id);
}

/** A category that still holds services cannot be deleted (409 in_use). */
export async function deleteCategory(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'service_categories', id);
    await tenant.deleteFrom(trx, scope, 'service_categories').where('id', '=', id).execute();
    await record({
      action: 'category.deleted',
      targetType: 'category',
      targetId: id,
      summary: { before: { name: before.name } },
    });
  }).catch(rethrowInUse);
}
