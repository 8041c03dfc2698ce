import QRCode from 'qrcode';
import { ROLE_HOME, STAFF_ROLES, type Role } from '../../../common/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import { allowedActions, registeredActions } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { revokeUserSessions } from './session.ts';
import { consumeStep } from './auth.service.ts';
import { generateTotpSecret, newRecoveryCodes, totpStep, totpUri } from './totp.ts';

/** Everything the web app needs to render the shell for this user. */
export async function presentMe(deps: Deps, actor: Actor) {
  const db = deps.database.db;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select([
      'memberships.organization_id as organizationId',
      'organizations.name as organizationName',
      'memberships.role',
      'memberships.site_id as siteId',
    ])
    .where('memberships.user_id', '=', actor.userId)
    .orderBy('organizations.name')
    .execute();
  if (actor.isOperator) {
    const others = await db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute();
    for (const o of others) {
      if (!memberships.some((m) => m.organizationId === o.id))
        memberships.push({ organizationId: o.id, organizationName: o.name, role: 'operator', siteId: null });
    }
  }
  const org = actor.organizationId
    ? await db.selectFrom('organizations').selectAll().where('id', '=', actor.organizationId).executeTakeFirst()
    : undefined;
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      isOperator: user.is_operator,
      totpEnabled: user.totp_enabled,
    },
    organization: org ? { id: org.id, name: org.name, slug: org.slug, requireMfaStaff: org.require_mfa_staff } : null,
    role: actor.role,
    siteId: actor.siteId,
    memberships,
    allowedActions: allowedActions(actor, registeredActions()),
    csrfToken: actor.csrfToken ?? '',
    home: ROLE_HOME[actor.role ?? (actor.isOperator ? 'operator' : 'requester')],
    mfaEnrolmentRequired: !!org?.require_mfa_staff && !user.totp_enabled && STAFF_ROLES.includes(actor.role as Role),
  };
}

export async function updateMe(ctx: Ctx, actor: Actor, input: { displayName?: string; locale?: 'fr' | 'en' }): Promise<void> {
  await withTransaction(ctx, async (trx, record) => {
    const set = {
      ...(input.displayName ? { display_name: input.displayName } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await trx
      .updateTable('users')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    await record({
      action: 'user.profile_updated',
      targetType: 'user',
      targetId: actor.userId,
      summary: { fields: Object.keys(set) },
    });
  });
}

export async function changePassword(ctx: Ctx, actor: Actor, current: string, next: string): Promise<void> {
  const db = ctx.database.db;
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) throw new AppError('unprocessable', 'wrong_password');
  const passwordHash = await hashPassword(next);
  await withTransaction(ctx, async (trx, record) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    await revokeUserSessions(trx, actor.userId, actor.sessionId);
    await record({ action: 'user.password_changed', targetType: 'user', targetId: actor.userId, summary: {} });
  });
}

/** Switches the session's current organisation; only to one the user belongs to (operators: any). */
export async function switchOrganization(ctx: Ctx, actor: Actor, organizationId: string): Promise<void> {
  const db = ctx.database.db;
  const member = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  const exists = await db.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst();
  if (!exists || (!member && !actor.isOperator)) throw new AppError('not_found');
  if (actor.via !== 'session' || !actor.sessionId) throw new AppError('forbidden');
  await db.updateTable('sessions').set({ organization_id: organizationId }).where('id', '=', actor.sessionId).execute();
}

export async function listSessions(ctx: Ctx, actor: Actor) {
  const rows = await ctx.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((s) => ({
    id: s.id.slice(0, 16),
    ip: s.ip,
    userAgent: s.user_agent,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    current: s.id === actor.sessionId,
  }));
}

/** Sessions are addressed by a prefix of their hash: the full hash never leaves the server. */
export async function revokeSession(ctx: Ctx, actor: Actor, publicId: string): Promise<void> {
  await withTransaction(ctx, async (trx, record) => {
    const rows = await trx
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .execute();
    const target = rows.find((r) => r.id.slice(0, 16) === publicId);
    if (!target) throw new AppError('not_found');
    await trx.updateTable('sessions').set({ revoked_at: nowIso() }).where('id', '=', target.id).execute();
    await record({ action: 'auth.session_revoked', targetType: 'session', targetId: publicId, summary: {} });
  });
}

/** Starts enrolment: a fresh secret (stored encrypted, not yet active) and its QR code. */
export async function totpSetup(deps: Deps, actor: Actor) {
  const user = await deps.database.db
    .selectFrom('users')
    .select('totp_enabled')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (user.totp_enabled) throw new AppError('conflict');
  const secret = generateTotpSecret();
  await deps.database.db
    .updateTable('users')
    .set({ totp_secret: deps.cipher.encrypt(secret) })
    .where('id', '=', actor.userId)
    .execute();
  const otpauthUrl = totpUri(actor.email, secret);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

export async function totpEnable(deps: Deps, ctx: Ctx, actor: Actor, code: string): Promise<string[]> {
  const user = await deps.database.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!user.totp_secret || user.totp_enabled) throw new AppError('conflict');
  const step = totpStep(code, deps.cipher.decrypt(user.totp_secret));
  if (step === null) throw new AppError('unprocessable', 'invalid_mfa_code');
  const codes = newRecoveryCodes();
  await withTransaction(ctx, async (trx, record) => {
    await consumeStep(trx, actor.userId, step);
    await trx
      .updateTable('users')
      .set({ totp_enabled: true, recovery_codes: JSON.stringify(codes.hashed), updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    await record({ action: 'auth.totp_enabled', targetType: 'user', targetId: actor.userId, summary: {} });
  });
  return codes.plain;
}

export async function totpDisable(ctx: Ctx, actor: Actor, password: string): Promise<void> {
  const user = await ctx.database.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, password))) throw new AppError('unprocessable', 'wrong_password');
  await withTransaction(ctx, async (trx, record) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret: null, recovery_codes: null, updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    await record({ action: 'auth.totp_disabled', targetType: 'user', targetId: actor.userId, summary: {} });
  });
}
