import { DEFAULT_PRIORITY_MATRIX } from '../../../common/requests.ts';
import { type Role, STAFF_ROLES } from '../../../common/roles.ts';
import type { z } from 'zod';
import type { ZOrgPatch } from './org.schemas.ts';

type TOrgPatch = z.infer<typeof ZOrgPatch>;
import type { Scope } from '../../platform/actor.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { listFunctions } from './functions.service.ts';
import { listSites } from './sites.service.ts';
import { listTeams } from './teams.service.ts';

type OrgRow = {
  id: string;
  name: string;
  slug: string;
  require_mfa_staff: boolean;
  request_prefix: string;
  reopen_days: number;
  priority_matrix: Record<string, Record<string, string>> | null;
  version: number;
  created_at: string;
};

export function presentOrganization(row: OrgRow) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    requireMfaStaff: row.require_mfa_staff,
    requestPrefix: row.request_prefix,
    reopenDays: row.reopen_days,
    priorityMatrix: row.priority_matrix ?? DEFAULT_PRIORITY_MATRIX,
    version: row.version,
    createdAt: row.created_at,
  };
}

export async function getOrganization(ctx: Ctx, scope: Scope) {
  const row = await ctx.database.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', scope.organizationId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentOrganization(row);
}

/**
 * Requiring MFA for staff is refused to a staff member who has not enrolled: the rule would lock them
 * out of the very screen that turns it off (GitHub and Zendesk ask the same).
 */
export async function updateOrganization(ctx: Ctx, scope: Scope, patch: TOrgPatch) {
  const actor = ctx.actor;
  if (patch.requireMfaStaff && actor && !actor.totpEnabled && STAFF_ROLES.includes(actor.role as Role)) {
    throw new AppError('unprocessable', 'mfa_enable_first', {
      fields: [{ path: 'requireMfaStaff', code: 'mfa', message: 'mfa_enable_first' }],
    });
  }
  await withTransaction(ctx, async (trx, record) => {
    const before = await trx
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', scope.organizationId)
      .executeTakeFirstOrThrow();
    const set = {
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.requireMfaStaff !== undefined ? { require_mfa_staff: patch.requireMfaStaff } : {}),
      ...(patch.requestPrefix ? { request_prefix: patch.requestPrefix } : {}),
      ...(patch.reopenDays !== undefined ? { reopen_days: patch.reopenDays } : {}),
      ...(patch.priorityMatrix !== undefined
        ? { priority_matrix: patch.priorityMatrix ? JSON.stringify(patch.priorityMatrix) : null }
        : {}),
    };
    const res = await trx
      .updateTable('organizations')
      .set({ ...set, version: patch.version + 1, updated_at: nowIso() })
      .where('id', '=', scope.organizationId)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(presentOrganization(before));
    await record({
      action: 'org.updated',
      targetType: 'organization',
      targetId: scope.organizationId,
      summary: diff(before, { ...before, ...set }),
    });
  });
  return getOrganization(ctx, scope);
}

/** What every home page shows: the organisation, its sites with their live clock, teams, counts. */
export async function overview(ctx: Ctx, scope: Scope) {
  const [organization, sites, teams, functions] = await Promise.all([
    getOrganization(ctx, scope),
    listSites(ctx, scope),
    listTeams(ctx, scope),
    listFunctions(ctx, scope),
  ]);
  const users = await ctx.database.db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organization_id', '=', scope.organizationId)
    .executeTakeFirstOrThrow();
  const me = ctx.actor?.userId;
  return {
    organization,
    counts: { sites: sites.length, functions: functions.length, teams: teams.length, users: Number(users.count) },
    sites,
    teams,
    functions,
    myTeams: teams.filter((t) => t.memberIds.includes(me ?? '') || t.coordinatorId === me),
  };
}
