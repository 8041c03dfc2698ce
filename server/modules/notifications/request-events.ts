/**
 * Request events → notifications, in the transaction that writes the timeline event (hooked on
 * `insertEvent`): assigned → the new assignee; public reply → requester, watchers and assignee (never
 * internal notes); approval requested → members holding the approving role; SLA at risk / breached →
 * the assignee, else the team's coordinator. The author of the event is never notified.
 */
import type { NotificationType } from '../../../common/notifications.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { onTimelineEvent } from '../requests/requests.hooks.ts';
import { notify } from './notify.ts';

type Row = {
  id: string;
  reference: string;
  title: string;
  requester_id: string;
  assignee_id: string | null;
  team_id: string | null;
};

const loadRequest = (trx: Kdb, scope: Scope, id: string) =>
  tenant
    .selectFrom(trx, scope, 'requests')
    .select(['id', 'reference', 'title', 'requester_id', 'assignee_id', 'team_id'])
    .where('id', '=', id)
    .executeTakeFirst();

async function watchersOf(trx: Kdb, scope: Scope, id: string): Promise<string[]> {
  const rows = await tenant
    .selectFrom(trx, scope, 'request_access')
    .select('user_id')
    .where('request_id', '=', id)
    .where('role', '=', 'watcher')
    .execute();
  return rows.map((r) => r.user_id);
}

async function approvers(trx: Kdb, scope: Scope, role: string): Promise<string[]> {
  const rows = await tenant.selectFrom(trx, scope, 'memberships').select('user_id').where('role', '=', role).execute();
  return rows.map((r) => r.user_id);
}

async function coordinatorOf(trx: Kdb, scope: Scope, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const team = await tenant.selectFrom(trx, scope, 'teams').select('coordinator_id').where('id', '=', teamId).executeTakeFirst();
  return team?.coordinator_id ?? null;
}

/** Who hears of one timeline event, and as which type; null when the event notifies no one. */
async function audience(
  trx: Kdb,
  scope: Scope,
  r: Row,
  kind: string,
  data: Record<string, unknown>,
): Promise<{ type: NotificationType; userIds: (string | null)[] } | null> {
  switch (kind) {
    case 'assigned':
      return typeof data.to === 'string' ? { type: 'assigned', userIds: [data.to] } : null;
    case 'reply':
      return { type: 'request_reply', userIds: [r.requester_id, r.assignee_id, ...(await watchersOf(trx, scope, r.id))] };
    case 'approval_requested':
      return typeof data.role === 'string'
        ? { type: 'approval_requested', userIds: await approvers(trx, scope, data.role) }
        : null;
    case 'sla_at_risk':
    case 'sla_breached':
      return { type: kind, userIds: [r.assignee_id ?? (await coordinatorOf(trx, scope, r.team_id))] };
    default:
      return null;
  }
}

const NOTIFYING = new Set(['assigned', 'reply', 'approval_requested', 'sla_at_risk', 'sla_breached']);

onTimelineEvent(async (trx, scope, requestId, e) => {
  if (!NOTIFYING.has(e.kind) || (e.kind === 'reply' && !e.public)) return;
  const r = await loadRequest(trx, scope, requestId);
  if (!r) return;
  const who = await audience(trx, scope, r, e.kind, e.data ?? {});
  if (!who) return;
  const base = { type: who.type, params: { reference: r.reference, title: r.title }, targetType: 'request', targetId: r.id };
  const actorId = e.actorId;
  // The requester follows their request in the portal; staff work it in the request page.
  const requester = who.userIds.filter((u) => u === r.requester_id);
  const others = who.userIds.filter((u) => u !== r.requester_id);
  await notify(trx, scope, { ...base, userIds: requester, url: `/mes-demandes/${r.id}`, actorId });
  await notify(trx, scope, { ...base, userIds: others, url: `/demandes/${r.id}`, actorId });
});
