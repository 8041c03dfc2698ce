import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { rethrowInUse, uniqueOn } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { FUNCTION_ACTIONS } from './org.policy.ts';

type FunctionRow = { id: string; name: string; code: string; version: number; created_at: string; updated_at: string };

export function presentFunction(ctx: Ctx, row: FunctionRow) {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, FUNCTION_ACTIONS) : [],
  };
}

export async function listFunctions(ctx: Ctx, scope: Scope) {
  const rows = await tenant.selectFrom(ctx.database.db, scope, 'functions').selectAll().orderBy('name').execute();
  return rows.map((r) => presentFunction(ctx, r));
}

export async function getFunction(ctx: Ctx, scope: Scope, id: string) {
  return presentFunction(ctx, (await findOrThrow(ctx.database.db, scope, 'functions', id)) as unknown as FunctionRow);
}

export async function createFunction(ctx: Ctx, scope: Scope, input: { name: string; code: string }) {
  const id = newId();
  const now = nowIso();
  await uniqueOn(
    'code',
    withTransaction(ctx, async (trx, record) => {
      await trx
        .insertInto('functions')
        .values(tenant.values(scope, [{ id, ...input, created_at: now, updated_at: now }]))
        .execute();
      await record({ action: 'function.created', targetType: 'function', targetId: id, summary: { after: input } });
    }),
  );
  return getFunction(ctx, scope, id);
}

export async function updateFunction(
  ctx: Ctx,
  scope: Scope,
  id: string,
  patch: { name?: string; code?: string; version: number },
) {
  const { version, ...set } = patch;
  await uniqueOn(
    'code',
    withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'functions', id);
      await updateVersioned(trx, scope, 'functions', id, version, set, (row) =>
        presentFunction(ctx, row as unknown as FunctionRow),
      );
      await record({
        action: 'function.updated',
        targetType: 'function',
        targetId: id,
        summary: diff(before, { ...before, ...set }),
      });
    }),
  );
  return getFunction(ctx, scope, id);
}

export async function deleteFunction(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'functions', id);
    await tenant.deleteFrom(trx, scope, 'functions').where('id', '=', id).execute();
    await record({
      action: 'function.deleted',
      targetType: 'function',
      targetId: id,
      summary: { before: { name: before.name, code: before.code } },
    });
  }).catch(rethrowInUse);
}
