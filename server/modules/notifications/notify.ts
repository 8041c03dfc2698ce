/**
 * `notify()`: called INSIDE a write transaction, one notification row per recipient, committed or
 * rolled back with the write. The row carries its mail outbox state, decided here from the recipient's
 * preferences: `pending` with the instant the mail may go (now, or the end of their quiet hours unless
 * urgent), `digest` (due at the next 08:00 in their site time zone), or `none`. Delivery (live push,
 * mail) happens after commit (notifications.delivery.ts).
 */
import {
  defaultSettings,
  type NotificationMode,
  type NotificationSettings,
  type NotificationType,
} from '../../../common/notifications.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { requestNow } from '../requests/request-sla.ts';
import { nextDigest, quietRelease } from './notify-time.ts';

export interface NotifyInput {
  userIds: readonly (string | null | undefined)[];
  type: NotificationType;
  params: Record<string, string>;
  targetType: string | null;
  targetId: string | null;
  /** In-app path of the target, e.g. `/demandes/<id>`. */
  url: string;
  urgent?: boolean;
  /** Who acted: never notified about their own action. */
  actorId?: string | null;
}

const FALLBACK_ZONE = 'Europe/Paris';

/** A member's preferences and site time zone; members of another organisation are not found (never notified). */
export async function recipientsOf(db: Kdb, scope: Scope, userIds: string[]) {
  if (!userIds.length) return [];
  const members = await tenant
    .selectFrom(db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('sites', 'sites.id', 'memberships.site_id')
    .select(['memberships.user_id', 'sites.timezone', 'users.disabled'])
    .where('memberships.user_id', 'in', userIds)
    .execute();
  const settings = await tenant
    .selectFrom(db, scope, 'notification_settings')
    .selectAll()
    .where('user_id', 'in', userIds)
    .execute();
  const byUser = new Map<string, { zone: string; settings: NotificationSettings }>();
  for (const m of members) {
    if (m.disabled || (byUser.has(m.user_id) && !m.timezone)) continue;
    const s = settings.find((x) => x.user_id === m.user_id);
    byUser.set(m.user_id, { zone: m.timezone ?? FALLBACK_ZONE, settings: settingsOf(s) });
  }
  return [...byUser].map(([userId, v]) => ({ userId, ...v }));
}

/** Stored preferences merged over the defaults (a type added later is `immediate`). */
export function settingsOf(
  row: { modes: Record<string, string>; quiet_start: string | null; quiet_end: string | null } | undefined,
) {
  const out = defaultSettings();
  if (!row) return out;
  for (const [type, mode] of Object.entries(row.modes)) {
    if (type in out.types) out.types[type as NotificationType] = mode as NotificationMode;
  }
  out.quietHours = row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null;
  return out;
}

/** Mail state and due instant of one notification from the recipient's preferences. */
function mailPlan(now: Date, zone: string, settings: NotificationSettings, type: NotificationType, urgent: boolean) {
  const mode = settings.types[type];
  if (mode === 'off') return { mail_state: 'none', mail_due_at: null };
  if (mode === 'digest') return { mail_state: 'digest', mail_due_at: nextDigest(now, zone).toISOString() };
  const due = urgent ? now : quietRelease(now, zone, settings.quietHours);
  return { mail_state: 'pending', mail_due_at: due.toISOString() };
}

/** Inserts one notification per recipient (deduplicated, without the actor) in the caller's transaction. */
export async function notify(trx: Kdb, scope: Scope, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds.filter((u): u is string => !!u && u !== input.actorId))];
  const recipients = await recipientsOf(trx, scope, ids);
  if (!recipients.length) return 0;
  const at = requestNow();
  const now = new Date(at);
  const rows = recipients.map((r) => ({
    id: newId(),
    user_id: r.userId,
    type: input.type,
    params: JSON.stringify(input.params),
    target_type: input.targetType,
    target_id: input.targetId,
    url: input.url,
    urgent: !!input.urgent,
    actor_id: input.actorId ?? null,
    created_at: at,
    ...mailPlan(now, r.zone, r.settings, input.type, !!input.urgent),
  }));
  await trx.insertInto('notifications').values(tenant.values(scope, rows)).execute();
  return rows.length;
}
