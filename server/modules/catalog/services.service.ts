import type { Selectable } from 'kysely';
import { STAFF_ROLES } from '../../../common/roles.ts';
import type { ServicesTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { rethrowInUse, uniqueOn } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { SERVICE_ACTIONS } from './catalog.policy.ts';
import type { TServiceInput, TServicePatch } from './catalog.schemas.ts';

type Row = Selectable<ServicesTable>;

/** The service as the API shows it: the process map entry with its form. */
export function presentService(ctx: Ctx, row: Row) {
  return {
    id: row.id,
    categoryId: row.category_id,
    name: row.name,
    description: row.description,
    teamId: row.team_id,
    functionId: row.function_id,
    autonomyLevel: row.autonomy_level,
    requiredSkills: row.required_skills,
    confidentiality: row.confidentiality,
    defaultPriority: row.default_priority,
    slaPolicyId: row.sla_policy_id,
    approvalRole: row.approval_role,
    form: row.form,
    checklist: row.checklist ?? [],
    active: row.active,
    csatEnabled: row.csat_enabled,
    position: row.position,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, SERVICE_ACTIONS) : [],
  };
}

const COLUMNS = {
  categoryId: 'category_id',
  name: 'name',
  description: 'description',
  teamId: 'team_id',
  functionId: 'function_id',
  autonomyLevel: 'autonomy_level',
  requiredSkills: 'required_skills',
  confidentiality: 'confidentiality',
  defaultPriority: 'default_priority',
  slaPolicyId: 'sla_policy_id',
  approvalRole: 'approval_role',
  form: 'form',
  checklist: 'checklist',
  active: 'active',
  csatEnabled: 'csat_enabled',
  position: 'position',
} as const;
const JSON_FIELDS = new Set(['requiredSkills', 'form', 'checklist']);

/** Input fields as columns; `forDb` serialises the JSON ones (the audit diff compares them parsed). */
function columns(input: Partial<TServiceInput>, forDb = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = input[key as keyof TServiceInput];
    if (value !== undefined) out[column] = forDb && JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
  }
  return out;
}

function references(input: Partial<TServiceInput>) {
  return {
    categoryId: ['service_categories', input.categoryId],
    teamId: ['teams', input.teamId],
    functionId: ['functions', input.functionId],
    slaPolicyId: ['sla_policies', input.slaPolicyId],
  } as const;
}

/** Requesters see the active services they can submit; staff also see inactive ones. */
export async function listServices(ctx: Ctx, scope: Scope) {
  let q = tenant.selectFrom(ctx.database.db, scope, 'services').selectAll();
  if (!STAFF_ROLES.includes(ctx.actor?.role as never) && ctx.actor?.role !== 'operator') q = q.where('active', '=', true);
  const rows = await q.orderBy('position').orderBy('name').execute();
  return rows.map((r) => presentService(ctx, r));
}

export async function getService(ctx: Ctx, scope: Scope, id: string) {
  return presentService(ctx, (await findOrThrow(ctx.database.db, scope, 'services', id)) as unknown as Row);
}

export async function createService(ctx: Ctx, scope: Scope, input: TServiceInput) {
  const id = newId();
  const now = nowIso();
  await uniqueOn(
    'name',
    withTransaction(ctx, async (trx, record) => {
      await assertReferences(trx, scope, references(input) as never);
      const values = { id, ...columns(input), created_at: now, updated_at: now } as never;
      await trx
        .insertInto('services')
        .values(tenant.values(scope, [values]))
        .execute();
      await record({ action: 'service.created', targetType: 'service', targetId: id, summary: { after: { name: input.name } } });
    }),
  );
  return getService(ctx, scope, id);
}

export async function updateService(ctx: Ctx, scope: Scope, id: string, patch: TServicePatch) {
  const { version, ...input } = patch;
  await uniqueOn(
    'name',
    withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'services', id);
      await assertReferences(trx, scope, references(input) as never);
      await updateVersioned(trx, scope, 'services', id, version, columns(input), (row) =>
        presentService(ctx, row as unknown as Row),
      );
      await record({
        action: 'service.updated',
        targetType: 'service',
        targetId: id,
        summary: diff(before, { ...before, ...columns(input, false) }),
      });
    }),
  );
  return getService(ctx, scope, id);
}

export async function deleteService(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'services', id);
    await tenant.deleteFrom(trx, scope, 'services').where('id', '=', id).execute();
    await record({ action: 'service.deleted', targetType: 'service', targetId: id, summary: { before: { name: before.name } } });
  }).catch(rethrowInUse);
}
