import { STAFF_ROLES, type Role } from '../../../common/roles.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { isWorker } from './request-create.ts';
import { grantAccess, insertEvent, loadRequestSubject } from './requests.repository.ts';

type AccessRole = 'watcher' | 'cleared';
const KINDS = { watcher: ['watcher_added', 'watcher_removed'], cleared: ['cleared_added', 'cleared_removed'] } as const;

const fieldError = (key: string) =>
  new AppError('unprocessable', key, { fields: [{ path: 'userId', code: 'invalid', message: key }] });

async function memberOf(db: Kdb, scope: Scope, userId: string) {
  return tenant
    .selectFrom(db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'memberships.role', 'users.display_name'])
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}

function accessRow(db: Kdb, scope: Scope, requestId: string, userId: string, role: AccessRole) {
  return tenant
    .selectFrom(db, scope, 'request_access')
    .select('id')
    .where('request_id', '=', requestId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
}

/** The watchers (or cleared staff) of a request, as GET /api/requests/:id lists them. */
export async function listAccess(db: Kdb, scope: Scope, requestId: string, role: AccessRole) {
  const rows = await tenant
    .selectFrom(db, scope, 'request_access')
    .innerJoin('users', 'users.id', 'request_access.user_id')
    .select(['request_access.user_id', 'users.display_name'])
    .where('request_access.request_id', '=', requestId)
    .where('request_access.role', '=', role)
    .orderBy('request_access.created_at')
    .execute();
  return { items: rows.map((r) => ({ id: r.user_id, name: r.display_name })) };
}

async function referenceOf(db: Kdb, scope: Scope, requestId: string): Promise<string> {
  const row = await tenant.selectFrom(db, scope, 'requests').select('reference').where('id', '=', requestId).executeTakeFirst();
  if (!row) throw notFound();
  return row.reference;
}

/** Adds one access row with its staff-only timeline event and audit; 409 when already there. */
async function grant(ctx: Ctx, scope: Scope, requestId: string, user: { id: string; name: string }, role: AccessRole) {
  await withTransaction(ctx, async (trx, record) => {
    const reference = await referenceOf(trx, scope, requestId);
    if (await accessRow(trx, scope, requestId, user.id, role)) {
      throw new AppError('conflict', role === 'watcher' ? 'already_watching' : 'already_cleared');
    }
    await grantAccess(trx, scope, requestId, user.id, role);
    const data = { userId: user.id, name: user.name };
    const actorId = (ctx.actor as Actor).userId;
    await insertEvent(trx, scope, requestId, { kind: KINDS[role][0], public: false, actorId, data });
    await record({
      action: `request.${KINDS[role][0]}`,
      targetType: 'request',
      targetId: requestId,
      summary: { reference, ...data },
    });
  });
}

/** Removes access rows of one person (the role given, plus `also`), with one event and one audit row. */
async function revoke(ctx: Ctx, scope: Scope, requestId: string, userId: string, role: AccessRole, also: AccessRole[] = []) {
  await withTransaction(ctx, async (trx, record) => {
    const reference = await referenceOf(trx, scope, requestId);
    await tenant
      .deleteFrom(trx, scope, 'request_access')
      .where('request_id', '=', requestId)
      .where('user_id', '=', userId)
      .where('role', 'in', [role, ...also])
      .execute();
    const data = { userId, ...(also.length ? { alsoRemoved: also } : {}) };
    const actorId = (ctx.actor as Actor).userId;
    await insertEvent(trx, scope, requestId, { kind: KINDS[role][1], public: false, actorId, data });
    await record({
      action: `request.${KINDS[role][1]}`,
      targetType: 'request',
      targetId: requestId,
      summary: { reference, ...data },
    });
  });
}

/**
 * Adds a watcher: oneself (any party or reader the policy lets watch), or someone else (staff only). The
 * watcher must be a member; a watcher becomes a party who may read the request, so on a confidential
 * request only its requester and cleared staff (named or assigned) may be added.
 */
export async function addWatcher(ctx: Ctx, scope: Scope, id: string, userId: string) {
  const actor = ctx.actor as Actor;
  const self = userId === actor.userId;
  if (!self && !isWorker(actor)) throw new AppError('forbidden', 'watch_others_forbidden');
  const db = ctx.database.db;
  const member = await memberOf(db, scope, userId);
  if (!member && !(self && actor.isOperator)) throw fieldError('watcher_not_member');
  const subject = await loadRequestSubject(db, scope, id);
  if (!subject) throw notFound();
  const allowed = self || userId === subject.userId || !!subject.cleared?.includes(userId);
  if (subject.restricted && !allowed) throw fieldError('watcher_not_cleared');
  await grant(ctx, scope, id, { id: userId, name: member?.display_name ?? actor.displayName }, 'watcher');
  return listAccess(db, scope, id, 'watcher');
}

/** Stops a watch: one's own, or anyone's for staff. 404 when the person does not watch the request. */
export async function removeWatcher(ctx: Ctx, scope: Scope, id: string, userId: string) {
  const actor = ctx.actor as Actor;
  if (!(await accessRow(ctx.database.db, scope, id, userId, 'watcher'))) throw notFound();
  if (userId !== actor.userId && !isWorker(actor)) throw new AppError('forbidden', 'watch_others_forbidden');
  await revoke(ctx, scope, id, userId, 'watcher');
}

/** Names a staff member allowed on a confidential request (the policy's `cleared` rule reads this list). */
export async function addCleared(ctx: Ctx, scope: Scope, id: string, userId: string) {
  const member = await memberOf(ctx.database.db, scope, userId);
  if (!member || !STAFF_ROLES.includes(member.role as Role)) throw fieldError('cleared_not_staff');
  await grant(ctx, scope, id, { id: userId, name: member.display_name }, 'cleared');
  return listAccess(ctx.database.db, scope, id, 'cleared');
}

/**
 * Withdraws a clearance. On a confidential request the person's watch goes too: a watcher is a party and
 * would otherwise keep reading what they are no longer cleared for (unless they are its requester).
 */
export async function removeCleared(ctx: Ctx, scope: Scope, id: string, userId: string) {
  const db = ctx.database.db;
  if (!(await accessRow(db, scope, id, userId, 'cleared'))) throw notFound();
  const subject = await loadRequestSubject(db, scope, id);
  const dropWatch = !!subject?.restricted && subject.userId !== userId && !!(await accessRow(db, scope, id, userId, 'watcher'));
  await revoke(ctx, scope, id, userId, 'cleared', dropWatch ? ['watcher'] : []);
}
