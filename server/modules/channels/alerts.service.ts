import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import type { Kdb } from '../../db/database.ts';
import { type Change, type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { requestNow } from '../requests/request-sla.ts';
import { alertDelays } from './alerts.hooks.ts';
import { readableChannel } from './channels.service.ts';
import { canSeeChannel } from './channels.visibility.ts';
import { enrichMessages } from './messages.enrich.ts';
import { presentMessage, presentOne } from './messages.service.ts';

/**
 * Takes charge of a message's urgent alert (any reader of the channel but its author): stops repeats and
 * escalation, records who and when, marks the actor's alert notifications read. Idempotent: an alert
 * already acknowledged keeps its first acknowledger.
 */
export async function acknowledgeAlert(ctx: Ctx, scope: Scope, messageId: string) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const message = await tenant
    .selectFrom(db, scope, 'messages')
    .select(['id', 'channel_id', 'author_id'])
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw notFound();
  await readableChannel(db, scope, actor, message.channel_id);
  const alert = await tenant
    .selectFrom(db, scope, 'message_alerts')
    .select(['id', 'acknowledged_at'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (!alert) throw new AppError('unprocessable', 'alert_none');
  if (!alert.acknowledged_at) {
    if (message.author_id === actor.userId) throw new AppError('unprocessable', 'alert_own_message');
    await withTransaction(ctx, (trx, record) => recordAcknowledgement(trx, scope, actor, alert.id, message, record));
  }
  return presentOne(ctx, scope, messageId);
}

/** Closes the alert (unless someone just did), reads the actor's alert notifications, audits it. */
async function recordAcknowledgement(
  trx: Kdb,
  scope: Scope,
  actor: Actor,
  alertId: string,
  message: { id: string; channel_id: string },
  record: (change: Change) => Promise<void>,
) {
  const at = requestNow();
  const res = await tenant
    .updateTable(trx, scope, 'message_alerts')
    .set({ acknowledged_by: actor.userId, acknowledged_at: at, next_repeat_at: null, claim: null, claimed_at: null })
    .where('id', '=', alertId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return;
  await tenant
    .updateTable(trx, scope, 'notifications')
    .set({ read_at: at })
    .where('user_id', '=', actor.userId)
    .where('type', '=', 'urgent_alert')
    .where('target_id', '=', message.id)
    .where('read_at', 'is', null)
    .execute();
  const summary = { channelId: message.channel_id };
  await record({ action: 'message.acknowledged', targetType: 'message', targetId: message.id, summary });
}

const OPEN_CAP = 50;

/** Open alerts of live messages in the channels the actor reads, newest first, each with its channel. */
export async function openAlerts(ctx: Ctx, scope: Scope) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const rows = await tenant
    .selectFrom(db, scope, 'message_alerts')
    .innerJoin('messages', 'messages.id', 'message_alerts.message_id')
    .innerJoin('channels', 'channels.id', 'message_alerts.channel_id')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .selectAll('messages')
    .select(['users.display_name as author_name', 'channels.name as channel_name', 'channels.kind'])
    .select(['channels.site_id', 'channels.private'])
    .where('message_alerts.acknowledged_at', 'is', null)
    .where('messages.deleted_at', 'is', null)
    .orderBy('message_alerts.created_at', 'desc')
    .orderBy('message_alerts.id', 'desc')
    .limit(OPEN_CAP * 4)
    .execute();
  const joined = await tenant
    .selectFrom(db, scope, 'channel_members')
    .select('channel_id')
    .where('user_id', '=', actor.userId)
    .execute();
  const member = new Set(joined.map((m) => m.channel_id));
  const visible = rows
    .filter((r) => canSeeChannel(actor, { kind: r.kind, site_id: r.site_id, private: r.private }, member.has(r.channel_id)))
    .slice(0, OPEN_CAP);
  const views = visible.map((r) => ({
    ...presentMessage(actor, r),
    channel: { id: r.channel_id, name: r.channel_name },
  }));
  return enrichMessages(db, scope, actor, views);
}

const acts = (ctx: Ctx) => (ctx.actor ? allowedActions(ctx.actor, ['alert_settings.update']) : []);

/** The organisation's alert delays: repeat every N minutes, escalate after M minutes. */
export async function getAlertSettings(ctx: Ctx, scope: Scope) {
  return { ...(await alertDelays(ctx.database.db, scope)), allowedActions: acts(ctx) };
}

/** Changes the delays (new alerts use them; open ones keep their planned instants). */
export async function updateAlertSettings(ctx: Ctx, scope: Scope, input: { repeatMinutes: number; escalateMinutes: number }) {
  await withTransaction(ctx, async (trx, record) => {
    await trx
      .updateTable('organizations')
      .set({ alert_repeat_minutes: input.repeatMinutes, alert_escalate_minutes: input.escalateMinutes, updated_at: nowIso() })
      .where('id', '=', scope.organizationId)
      .execute();
    await record({
      action: 'organization.alert_settings_updated',
      targetType: 'organization',
      targetId: scope.organizationId,
      summary: { ...input },
    });
  });
  return getAlertSettings(ctx, scope);
}
