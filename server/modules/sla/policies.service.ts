import type { Selectable } from 'kysely';
import type { SlaPoliciesTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { rethrowInUse } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';

type Row = Selectable<SlaPoliciesTable>;
type Targets = Row['targets'];
export interface TPolicyInput {
  name: string;
  targets: Targets;
  isDefault: boolean;
}

const ACTIONS = ['slapolicy.update', 'slapolicy.delete'] as const;

export function presentPolicy(ctx: Ctx, row: Row) {
  return {
    id: row.id,
    name: row.name,
    targets: row.targets,
    isDefault: row.is_default,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, ACTIONS) : [],
  };
}

export async function listPolicies(ctx: Ctx, scope: Scope) {
  const rows = await tenant.selectFrom(ctx.database.db, scope, 'sla_policies').selectAll().orderBy('name').execute();
  return rows.map((r) => presentPolicy(ctx, r));
}

export async function getPolicy(ctx: Ctx, scope: Scope, id: string) {
  return presentPolicy(ctx, (await findOrThrow(ctx.database.db, scope, 'sla_policies', id)) as unknown as Row);
}

/** One default policy per organisation: making one the default clears the flag on the others. */
async function clearDefault(trx: Ctx['database']['db'], scope: Scope, except: string) {
  await tenant.updateTable(trx, scope, 'sla_policies').set({ is_default: false }).where('id', '!=', except).execute();
}

export async function createPolicy(ctx: Ctx, scope: Scope, input: TPolicyInput) {
  const id = newId();
  const now = nowIso();
  await withTransaction(ctx, async (trx, record) => {
    const row = {
      id,
      name: input.name,
      targets: JSON.stringify(input.targets),
      is_default: input.isDefault,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('sla_policies')
      .values(tenant.values(scope, [row]))
      .execute();
    if (input.isDefault) await clearDefault(trx, scope, id);
    await record({ action: 'slapolicy.created', targetType: 'sla_policy', targetId: id, summary: { after: input } });
  });
  return getPolicy(ctx, scope, id);
}

export async function updatePolicy(ctx: Ctx, scope: Scope, id: string, patch: Partial<TPolicyInput> & { version: number }) {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.targets !== undefined ? { targets: JSON.stringify(patch.targets) } : {}),
    ...(patch.isDefault !== undefined ? { is_default: patch.isDefault } : {}),
  };
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'sla_policies', id);
    await updateVersioned(trx, scope, 'sla_policies', id, patch.version, set, (row) => presentPolicy(ctx, row as unknown as Row));
    if (patch.isDefault) await clearDefault(trx, scope, id);
    const after = { ...before, ...set, ...(patch.targets ? { targets: patch.targets } : {}) };
    await record({ action: 'slapolicy.updated', targetType: 'sla_policy', targetId: id, summary: diff(before, after) });
  });
  return getPolicy(ctx, scope, id);
}

export async function deletePolicy(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'sla_policies', id);
    await tenant.deleteFrom(trx, scope, 'sla_policies').where('id', '=', id).execute();
    await record({
      action: 'slapolicy.deleted',
      targetType: 'sla_policy',
      targetId: id,
      summary: { before: { name: before.name } },
    });
  }).catch(rethrowInUse);
}
