import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, versionConflict, uniqueOn } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { createUser } from '../people/people.service.ts';
import { presentOrganization } from '../org/organization.service.ts';

export async function listOrganizations(ctx: Ctx) {
  const db = ctx.database.db;
  const rows = await db.selectFrom('organizations').selectAll().orderBy('name').execute();
  const counts = await db
    .selectFrom('memberships')
    .select(['organization_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('organization_id')
    .execute();
  return rows.map((r) => ({
    ...presentOrganization(r),
    members: Number(counts.find((c) => c.organization_id === r.id)?.count ?? 0),
  }));
}

export async function getOrganizationById(ctx: Ctx, id: string) {
  const row = await ctx.database.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentOrganization(row);
}

/** Creates a tenant and its first key user (org_admin), invited by e-mail when the account is new. */
export async function createOrganization(
  deps: Deps,
  ctx: Ctx,
  input: { name: string; slug: string; adminEmail: string; adminName: string },
) {
  const id = newId();
  const now = nowIso();
  const write = withTransaction(ctx, async (trx, record) => {
    await trx
      .insertInto('organizations')
      .values({ id, name: input.name, slug: input.slug, require_mfa_staff: false, created_at: now, updated_at: now })
      .execute();
    await record({
      action: 'platform.org_created',
      targetType: 'organization',
      targetId: id,
      summary: { name: input.name, slug: input.slug },
      organizationId: id,
    });
  });
  await uniqueOn('slug', write);
  await createUser(
    deps,
    ctx,
    { organizationId: id },
    { email: input.adminEmail, displayName: input.adminName, role: 'org_admin', siteId: null },
  );
  return getOrganizationById(ctx, id);
}

export async function updateOrganizationById(ctx: Ctx, id: string, patch: { name?: string; version: number }) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await trx.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const res = await trx
      .updateTable('organizations')
      .set({ ...(patch.name ? { name: patch.name } : {}), version: patch.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(presentOrganization(before));
    await record({
      action: 'platform.org_updated',
      targetType: 'organization',
      targetId: id,
      summary: { before: { name: before.name }, after: { name: patch.name } },
      organizationId: id,
    });
  });
  return getOrganizationById(ctx, id);
}
