import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, duplicate } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { hashPassword } from '../auth/password.ts';
import { requestPasswordReset } from '../auth/auth.service.ts';
import { USER_ACTIONS } from '../org/org.policy.ts';
import type { TUserCreate, TUserPatch } from './people.schemas.ts';

function members(db: Kdb, scope: Scope) {
  return tenant
    .selectFrom(db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.totp_enabled',
      'memberships.role',
      'memberships.site_id',
      'memberships.skills',
      'memberships.unavailable_until',
      'memberships.version',
      'memberships.id as membership_id',
    ]);
}
type MemberRow = Awaited<ReturnType<ReturnType<typeof members>['executeTakeFirstOrThrow']>>;

export function presentUser(ctx: Ctx, m: MemberRow) {
  return {
    id: m.id,
    email: m.email,
    displayName: m.display_name,
    role: m.role,
    siteId: m.site_id,
    skills: m.skills ?? [],
    unavailableUntil: m.unavailable_until,
    totpEnabled: m.totp_enabled,
    version: m.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, USER_ACTIONS, { userId: m.id, siteId: m.site_id }) : [],
  };
}

export async function listUsers(ctx: Ctx, scope: Scope) {
  const rows = await members(ctx.database.db, scope).orderBy('users.display_name').execute();
  return rows.map((m) => presentUser(ctx, m));
}

async function memberOrThrow(db: Kdb, scope: Scope, userId: string) {
  const m = await members(db, scope).where('users.id', '=', userId).executeTakeFirst();
  if (!m) throw new AppError('not_found');
  return m;
}

export async function getUser(ctx: Ctx, scope: Scope, id: string) {
  return presentUser(ctx, await memberOrThrow(ctx.database.db, scope, id));
}

async function assertSiteInOrg(db: Kdb, scope: Scope, siteId: string | null | undefined) {
  if (!siteId) return;
  const site = await tenant.selectFrom(db, scope, 'sites').select('id').where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new AppError('unprocessable', 'unknown_reference', { ids: [siteId] }, { ids: siteId });
}

/**
 * Adds a person to the organisation: an existing account (provider staff serving several
 * organisations) gets a membership; a new one is created and, without a password, invited by e-mail.
 */
export async function createUser(deps: Deps, ctx: Ctx, scope: Scope, input: TUserCreate, opts: { passwordHash?: string } = {}) {
  const passwordHash = opts.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
  const { userId, invite } = await withTransaction(ctx, async (trx, record) => {
    await assertSiteInOrg(trx, scope, input.siteId);
    const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    const id = existing?.id ?? newId();
    const now = nowIso();
    if (!existing) {
      await trx
        .insertInto('users')
        .values({
          id,
          email: input.email,
          display_name: input.displayName,
          password_hash: passwordHash,
          locale: 'fr',
          is_operator: false,
          totp_enabled: false,
          disabled: false,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const already = await tenant.selectFrom(trx, scope, 'memberships').select('id').where('user_id', '=', id).executeTakeFirst();
    if (already) throw duplicate('email');
    await trx
      .insertInto('memberships')
      .values(
        tenant.values(scope, [
          {
            id: newId(),
            user_id: id,
            role: input.role,
            site_id: input.siteId,
            ...assignmentColumns(input),
            created_at: now,
            updated_at: now,
          },
        ]),
      )
      .execute();
    await record({
      action: 'user.added',
      targetType: 'user',
      targetId: id,
      summary: { email: input.email, role: input.role, siteId: input.siteId, newAccount: !existing },
    });
    return { userId: id, invite: !existing && !passwordHash };
  });
  if (invite) await requestPasswordReset(deps, ctx, input.email);
  return getUser(ctx, scope, userId);
}

/** Skills (deduplicated, JSON) and the out-of-office end (UTC ISO) as membership columns, when given. */
function assignmentColumns(input: { skills?: string[]; unavailableUntil?: string | null }) {
  const out: { skills?: string; unavailable_until?: string | null } = {};
  if (input.skills !== undefined) out.skills = JSON.stringify([...new Set(input.skills)]);
  if (input.unavailableUntil !== undefined)
    out.unavailable_until = input.unavailableUntil ? new Date(input.unavailableUntil).toISOString() : null;
  return out;
}

async function assertKeepsAnAdmin(trx: Kdb, scope: Scope, userId: string) {
  const admins = await tenant.selectFrom(trx, scope, 'memberships').select('user_id').where('role', '=', 'org_admin').execute();
  if (admins.length === 1 && admins[0].user_id === userId) throw new AppError('conflict', 'last_admin');
}

export async function updateUser(ctx: Ctx, scope: Scope, id: string, patch: TUserPatch) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await memberOrThrow(trx, scope, id);
    await assertSiteInOrg(trx, scope, patch.siteId);
    if (patch.role && patch.role !== 'org_admin' && before.role === 'org_admin') await assertKeepsAnAdmin(trx, scope, id);
    if (before.version !== patch.version)
      throw new AppError('version_conflict', 'version_conflict', { current: presentUser(ctx, before) });
    const set = {
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.siteId !== undefined ? { site_id: patch.siteId } : {}),
      ...assignmentColumns(patch),
    };
    await tenant
      .updateTable(trx, scope, 'memberships')
      .set({ ...set, version: before.version + 1, updated_at: nowIso() })
      .where('user_id', '=', id)
      .where('version', '=', patch.version)
      .execute();
    if (patch.displayName)
      await trx
        .updateTable('users')
        .set({ display_name: patch.displayName, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
    await record({
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      summary: {
        before: { role: before.role, siteId: before.site_id, displayName: before.display_name, skills: before.skills },
        after: { ...set, skills: patch.skills, displayName: patch.displayName },
      },
    });
  });
  return getUser(ctx, scope, id);
}

/** Removes the membership (the account stays for the person's other organisations). */
export async function removeUser(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await memberOrThrow(trx, scope, id);
    if (before.role === 'org_admin') await assertKeepsAnAdmin(trx, scope, id);
    await tenant.deleteFrom(trx, scope, 'team_members').where('user_id', '=', id).execute();
    await tenant.deleteFrom(trx, scope, 'memberships').where('user_id', '=', id).execute();
    await record({
      action: 'user.removed',
      targetType: 'user',
      targetId: id,
      summary: { email: before.email, role: before.role },
    });
  });
}
