import type { AlertView, Mentionable } from '../../../common/alerts.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import { tenant } from '../../platform/tenancy.ts';
import { mentionDirectory, parseMentions, publicMention } from './mentions.ts';

interface Base {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  deletedAt: string | null;
  allowedActions: string[];
}

/** The urgent alert of each message (one query per page) and `message.acknowledge` where the actor may. */
async function alertsOf(db: Kdb, scope: Scope, ids: string[]): Promise<Map<string, AlertView>> {
  if (!ids.length) return new Map();
  const rows = await tenant
    .selectFrom(db, scope, 'message_alerts')
    .leftJoin('users', 'users.id', 'message_alerts.acknowledged_by')
    .selectAll('message_alerts')
    .select('users.display_name as acknowledger_name')
    .where('message_alerts.message_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.message_id,
      {
        id: r.id,
        state: r.acknowledged_at ? 'acknowledged' : 'open',
        targets: r.targets.length,
        repeats: r.repeats,
        escalatedAt: r.escalated_at,
        acknowledgedBy: r.acknowledged_by ? { id: r.acknowledged_by, name: r.acknowledger_name ?? '' } : null,
        acknowledgedAt: r.acknowledged_at,
        nextRepeatAt: r.acknowledged_at ? null : r.next_repeat_at,
      },
    ]),
  );
}

/** The mentions of each body, resolved with one directory load per page (none when nobody is mentioned). */
async function mentionsOf(db: Kdb, scope: Scope, views: Base[]): Promise<Map<string, Mentionable[]>> {
  const parsed = views.map((v) => [v.id, v.deletedAt ? [] : parseMentions(v.body)] as const);
  if (!parsed.some(([, handles]) => handles.length)) return new Map();
  const directory = await mentionDirectory(db, scope, false);
  return new Map(parsed.map(([id, handles]) => [id, handles.flatMap((h) => directory.get(h) ?? []).map(publicMention)]));
}

/** Adds `mentions` and `alert` to message views (messages.enrich.ts). */
export async function withAlertsAndMentions<T extends Base>(db: Kdb, scope: Scope, actor: Actor, views: T[]) {
  if (!views.length) return views as (T & { mentions: Mentionable[]; alert: AlertView | null })[];
  const alerts = await alertsOf(
    db,
    scope,
    views.map((v) => v.id),
  );
  const mentions = await mentionsOf(db, scope, views);
  return views.map((v) => {
    const alert = alerts.get(v.id) ?? null;
    const acknowledge =
      alert?.state === 'open' && !v.deletedAt && v.author?.id !== actor.userId && can(actor, 'message.acknowledge');
    return {
      ...v,
      allowedActions: acknowledge ? [...v.allowedActions, 'message.acknowledge'] : v.allowedActions,
      mentions: mentions.get(v.id) ?? [],
      alert,
    };
  });
}
