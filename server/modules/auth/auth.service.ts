import { ROLE_HOME } from '../../../common/roles.ts';
import { translate } from '../../../common/messages.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { newSecret, nowIso, sha256 } from '../../platform/ids.ts';
import { firstMembership } from './auth.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { openSession, revokeUserSessions, type NewSession } from './session.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';
import { normalizedHash, totpStep } from './totp.ts';

const RESET_TTL_MS = 3600_000;

export interface LoginResult extends NewSession {
  mfaRequired: boolean;
  home: string;
}

export interface Client {
  ip: string;
  userAgent: string;
}

/** E-mail + password login: throttled, no enumeration, TOTP second step when enabled. */
export async function login(deps: Deps, ctx: Ctx, email: string, password: string, client: Client): Promise<LoginResult> {
  const db = deps.database.db;
  const normalized = email.trim().toLowerCase();
  await assertNotThrottled(db, normalized, client.ip);
  const user = await db.selectFrom('users').selectAll().where('email', '=', normalized).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok || user.disabled) {
    await recordFailure(db, normalized, client.ip);
    throw new AppError('invalid_credentials');
  }
  await clearFailures(db, normalized);
  const m = await firstMembership(db, user);
  const session = await openSession(db, {
    userId: user.id,
    organizationId: m?.organizationId ?? null,
    mfaPending: user.totp_enabled,
    ...client,
  });
  await withTransaction({ ...ctx, actor: actorStub(user, m?.organizationId ?? null) }, (_trx, record) =>
    record({ action: 'auth.login', targetType: 'user', targetId: user.id, summary: { mfa: user.totp_enabled } }),
  );
  const home = user.is_operator && !m ? ROLE_HOME.operator : ROLE_HOME[m?.role ?? 'requester'];
  return { ...session, mfaRequired: user.totp_enabled, home };
}

function actorStub(user: { id: string; email: string; display_name: string }, organizationId: string | null): Actor {
  return { userId: user.id, email: user.email, displayName: user.display_name, organizationId } as Actor;
}

/** Second factor: a TOTP code or one of the recovery codes (consumed). */
export async function completeMfa(deps: Deps, ctx: Ctx, actor: Actor, code: string): Promise<void> {
  const db = deps.database.db;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  await assertNotThrottled(db, user.email, ctx.ip);
  const secret = user.totp_secret ? deps.cipher.decrypt(user.totp_secret) : '';
  const codes = user.recovery_codes ?? [];
  const recoveryIndex = codes.indexOf(normalizedHash(code));
  const step = totpStep(code.trim(), secret);
  const freshStep = step !== null && step > Number(user.totp_last_step ?? -1);
  if (!freshStep && recoveryIndex < 0) {
    await recordFailure(db, user.email, ctx.ip);
    throw new AppError('invalid_credentials', 'invalid_mfa_code');
  }
  await withTransaction(ctx, async (trx, record) => {
    if (freshStep) await consumeStep(trx, user.id, step);
    else if (recoveryIndex >= 0) {
      const rest = codes.filter((_, i) => i !== recoveryIndex);
      await trx
        .updateTable('users')
        .set({ recovery_codes: JSON.stringify(rest) })
        .where('id', '=', user.id)
        .execute();
    }
    await trx
      .updateTable('sessions')
      .set({ mfa_pending: false })
      .where('id', '=', actor.sessionId ?? '')
      .execute();
    await record({
      action: 'auth.mfa_verified',
      targetType: 'user',
      targetId: user.id,
      summary: { recoveryCode: recoveryIndex >= 0 },
    });
  });
}

/** Records the accepted step; a concurrent use of the same code loses the race and is refused. */
export async function consumeStep(trx: Kdb, userId: string, step: number): Promise<void> {
  const res = await trx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('invalid_credentials', 'invalid_mfa_code');
}

export async function logout(ctx: Ctx, actor: Actor): Promise<void> {
  await withTransaction(ctx, async (trx, record) => {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso() })
      .where('id', '=', actor.sessionId ?? '')
      .execute();
    await record({ action: 'auth.logout', targetType: 'user', targetId: actor.userId, summary: {} });
  });
}

/** Sends a single-use reset link (1 h). The link is built from BASE_URL, never from the Host header. */
export async function requestPasswordReset(deps: Deps, ctx: Ctx, email: string): Promise<void> {
  const db = deps.database.db;
  const user = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!user || user.disabled) return;
  const token = newSecret();
  await db
    .insertInto('password_resets')
    .values({
      id: sha256(token),
      user_id: user.id,
      created_at: nowIso(),
      expires_at: new Date(Date.now() + RESET_TTL_MS).toISOString(),
    })
    .execute();
  const locale = user.locale === 'en' ? 'en' : 'fr';
  const link = `${deps.config.baseUrl}/reinitialisation?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: user.email,
    subject: translate(locale, 'mail.reset.subject'),
    text: translate(locale, 'mail.reset.body', { name: user.display_name, link }),
  });
  const m = await firstMembership(db, user);
  // Recorded in the user's organisation; by whoever asked (a key user inviting someone) or else by the user.
  const organizationId = m?.organizationId ?? null;
  const actor = ctx.actor ? { ...ctx.actor, organizationId } : actorStub(user, organizationId);
  await withTransaction({ ...ctx, actor }, (_trx, record) =>
    record({ action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, summary: {} }),
  );
}

/** Consumes the token atomically (a second use fails), sets the password and closes every session. */
export async function confirmPasswordReset(ctx: Ctx, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx, async (trx, record) => {
    const id = sha256(token);
    const row = await trx.selectFrom('password_resets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.used_at || Date.parse(row.expires_at) < Date.now()) throw new AppError('bad_request', 'reset_token_invalid');
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: nowIso() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('bad_request', 'reset_token_invalid');
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso() })
      .where('id', '=', row.user_id)
      .execute();
    await revokeUserSessions(trx, row.user_id);
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where('id', '=', row.user_id)
      .executeTakeFirstOrThrow();
    const m = await trx.selectFrom('memberships').select('organization_id').where('user_id', '=', user.id).executeTakeFirst();
    await record({
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: user.id,
      summary: {},
      organizationId: m?.organization_id ?? null,
    });
  });
}
