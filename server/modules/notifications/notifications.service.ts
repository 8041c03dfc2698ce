/**
 * The actor's own notifications (list, unread count, mark read) and e-mail preferences. Every query
 * is scoped to the actor's organisation AND user: another person's notification answers 404.
 */
import type { NotificationSettings } from '../../../common/notifications.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { scopeOf, tenant } from '../../platform/tenancy.ts';
import { requestNow } from '../requests/request-sla.ts';
import { notificationTitle } from './notifications.mail.ts';
import { pushCount, unreadCount } from './notifications.delivery.ts';
import type { TNotificationSettings } from './notifications.schemas.ts';
import { settingsOf } from './notify.ts';

interface ListQuery {
  unread?: 'true' | 'false';
  limit: number;
  before?: string;
}

/** The actor's notifications, newest first, with their title in the actor's language. */
export async function listNotifications(deps: Deps, actor: Actor, query: ListQuery) {
  const scope = scopeOf(actor);
  let q = tenant
    .selectFrom(deps.database.db, scope, 'notifications')
    .select(['id', 'type', 'params', 'target_type', 'target_id', 'url', 'urgent', 'created_at', 'read_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  if (query.before) q = q.where('created_at', '<', new Date(query.before).toISOString());
  const rows = await q.execute();
  const items = rows.map((r) => ({
    id: r.id,
    type: r.type,
    title: notificationTitle(actor.locale, r),
    params: r.params,
    targetType: r.target_type,
    targetId: r.target_id,
    url: r.url,
    urgent: r.urgent,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
  return { items, unread: await unreadCount(deps, scope, actor.userId) };
}

export async function countUnread(deps: Deps, actor: Actor) {
  return { unread: await unreadCount(deps, scopeOf(actor), actor.userId) };
}

/** Marks one of the actor's notifications read (idempotent); 404 for anyone else's. */
export async function markRead(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor);
  const row = await tenant
    .selectFrom(deps.database.db, scope, 'notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  if (!row.read_at) {
    await tenant
      .updateTable(deps.database.db, scope, 'notifications')
      .set({ read_at: requestNow() })
      .where('id', '=', id)
      .execute();
    await pushCount(deps, scope, actor.userId);
  }
  return countUnread(deps, actor);
}

export async function markAllRead(deps: Deps, actor: Actor) {
  const scope = scopeOf(actor);
  await tenant
    .updateTable(deps.database.db, scope, 'notifications')
    .set({ read_at: requestNow() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .execute();
  await pushCount(deps, scope, actor.userId);
  return { unread: 0 };
}

const getRow = (deps: Deps, actor: Actor) =>
  tenant
    .selectFrom(deps.database.db, scopeOf(actor), 'notification_settings')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();

export async function getSettings(deps: Deps, actor: Actor): Promise<NotificationSettings> {
  return settingsOf(await getRow(deps, actor));
}

/**
 * Saves the actor's preferences (types not sent keep their mode). Applies to notifications raised from
 * now on: those already waiting keep the plan made when they were raised.
 */
export async function putSettings(deps: Deps, actor: Actor, input: TNotificationSettings): Promise<NotificationSettings> {
  const scope = scopeOf(actor);
  const current = await getSettings(deps, actor);
  const next = { types: { ...current.types, ...input.types }, quietHours: input.quietHours };
  if (next.quietHours && next.quietHours.start === next.quietHours.end)
    throw new AppError('validation_failed', 'quiet_hours_empty');
  const values = {
    modes: JSON.stringify(next.types),
    quiet_start: next.quietHours?.start ?? null,
    quiet_end: next.quietHours?.end ?? null,
    updated_at: requestNow(),
  };
  const db = deps.database.db;
  await db
    .insertInto('notification_settings')
    .values(tenant.values(scope, [{ id: newId(), user_id: actor.userId, ...values }]))
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet(values))
    .execute();
  return next;
}
