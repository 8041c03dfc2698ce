/**
 * The urgent alerts' clock (every 30 s, `now` given): an alert nobody acknowledged is repeated to its
 * targets every N minutes and, after M minutes, escalated to the organisation's coordinators (who join
 * its targets). A tick claims each due alert with a lease (`claim`, `claimed_at`) before acting, and
 * moves its next instant in the same transaction, so two ticks or two nodes never repeat it twice; a
 * crashed tick's lease expires and the next one catches up.
 */
import type { ExpressionBuilder, Updateable } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { DB, MessageAlertsTable } from '../../db/schema.ts';
import { type Scope, systemActor } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { mailDue, pushPending } from '../notifications/notifications.delivery.ts';
import { notify } from '../notifications/notify.ts';
import { requestNow } from '../requests/request-sla.ts';
import { alertDelays, messageParams, messageUrl } from './alerts.hooks.ts';
import { channelReaders } from './mentions.ts';

const LEASE_MS = 2 * 60_000;
const MINUTE = 60_000;
const BATCH = 100;

/** Due (a repeat or the escalation has come) and not held by another tick's live lease. */
function dueAndFree(at: string, leaseStart: string) {
  return (eb: ExpressionBuilder<DB, 'message_alerts'>) =>
    eb.and([
      eb('message_alerts.acknowledged_at', 'is', null),
      eb.or([
        eb('message_alerts.next_repeat_at', '<=', at),
        eb.and([eb('message_alerts.escalated_at', 'is', null), eb('message_alerts.escalate_at', '<=', at)]),
      ]),
      eb.or([eb('message_alerts.claimed_at', 'is', null), eb('message_alerts.claimed_at', '<', leaseStart)]),
    ]);
}

/** Takes the lease on one alert; returns the claim token, or null when another tick has it or it is no longer due. */
async function claimAlert(db: Kdb, scope: Scope, id: string, now: Date): Promise<string | null> {
  const token = newId();
  const leaseStart = new Date(now.getTime() - LEASE_MS).toISOString();
  const res = await tenant
    .updateTable(db, scope, 'message_alerts')
    .set({ claim: token, claimed_at: now.toISOString() })
    .where('id', '=', id)
    .where(dueAndFree(now.toISOString(), leaseStart))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? token : null;
}

const systemCtx = (deps: Deps, organizationId: string): Ctx => ({
  database: deps.database,
  events: deps.events,
  actor: systemActor(organizationId),
  ip: '127.0.0.1',
});

/** The claimed alert with its message and channel (null when the claim was lost meanwhile). */
async function loadClaimed(trx: Kdb, scope: Scope, token: string) {
  return tenant
    .selectFrom(trx, scope, 'message_alerts')
    .innerJoin('messages', 'messages.id', 'message_alerts.message_id')
    .innerJoin('channels', 'channels.id', 'message_alerts.channel_id')
    .selectAll('message_alerts')
    .select(['messages.body', 'messages.deleted_at', 'channels.name', 'channels.kind', 'channels.site_id', 'channels.private'])
    .where('message_alerts.claim', '=', token)
    .where('message_alerts.acknowledged_at', 'is', null)
    .executeTakeFirst();
}

type Claimed = NonNullable<Awaited<ReturnType<typeof loadClaimed>>>;
const channelOf = (a: Claimed) => ({ id: a.channel_id, kind: a.kind, site_id: a.site_id, private: a.private });

/** The coordinators who may read the alert's channel (never its author). */
async function coordinatorsFor(trx: Kdb, scope: Scope, alert: Claimed): Promise<string[]> {
  const rows = await tenant
    .selectFrom(trx, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.role', '=', 'coordinator')
    .where('users.disabled', '=', false)
    .execute();
  const readers = await channelReaders(
    trx,
    scope,
    channelOf(alert),
    rows.map((r) => r.user_id),
  );
  return [...readers].filter((id) => id !== alert.author_id);
}

type Send = (userIds: string[], variant: 'message' | 'escalated') => Promise<number>;

/** Notifications of one alert's message (the author is never notified: `actorId`). */
async function sender(trx: Kdb, scope: Scope, alert: Claimed, escalateMinutes: number): Promise<Send> {
  const base = await messageParams(trx, alert.author_id, alert.name, alert.body);
  return (userIds, variant) =>
    notify(trx, scope, {
      userIds,
      type: 'urgent_alert',
      params: { ...base, variant, minutes: String(escalateMinutes) },
      targetType: 'message',
      targetId: alert.message_id,
      url: messageUrl(alert.channel_id, alert.message_id),
      urgent: true,
      actorId: alert.author_id,
    });
}

/** Repeats and/or escalates one claimed alert, then releases the claim (one transaction). */
async function processAlert(deps: Deps, scope: Scope, token: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await withTransaction(systemCtx(deps, scope.organizationId), async (trx, record) => {
    const alert = await loadClaimed(trx, scope, token);
    if (!alert) return;
    const patch: Updateable<MessageAlertsTable> = { claim: null, claimed_at: null };
    const save = (set = patch) => tenant.updateTable(trx, scope, 'message_alerts').set(set).where('id', '=', alert.id).execute();
    // A deleted message's alert stops: nothing left to repeat nor to escalate.
    if (alert.deleted_at) return void (await save(Object.assign(patch, { next_repeat_at: null, escalate_at: null })));
    const delays = await alertDelays(trx, scope);
    const send = await sender(trx, scope, alert, delays.escalateMinutes);
    let targets = alert.targets;
    const escalating = !alert.escalated_at && !!alert.escalate_at && alert.escalate_at <= at;
    const coordinators = escalating ? await coordinatorsFor(trx, scope, alert) : [];
    if (escalating) {
      await send(coordinators, 'escalated');
      targets = [...new Set([...targets, ...coordinators])];
      Object.assign(patch, { escalated_at: at, targets: JSON.stringify(targets) });
      const summary = { channelId: alert.channel_id, coordinators: coordinators.length, minutes: delays.escalateMinutes };
      await record({ action: 'message.alert_escalated', targetType: 'message', targetId: alert.message_id, summary });
    }
    if (alert.next_repeat_at && alert.next_repeat_at <= at) {
      const readers = await channelReaders(trx, scope, channelOf(alert), targets);
      await send(
        targets.filter((id) => readers.has(id) && !coordinators.includes(id)),
        'message',
      );
      const next = new Date(now.getTime() + delays.repeatMinutes * MINUTE).toISOString();
      Object.assign(patch, { repeats: alert.repeats + 1, next_repeat_at: next });
    }
    await save();
  });
}

/** One tick: every due alert of every organisation; then the new notifications are pushed and mailed at once. */
export async function runAlerts(deps: Deps, now: Date): Promise<number> {
  const db = deps.database.db;
  const leaseStart = new Date(now.getTime() - LEASE_MS).toISOString();
  const due = await db
    .selectFrom('message_alerts')
    .select(['message_alerts.id', 'message_alerts.organization_id'])
    .where(dueAndFree(now.toISOString(), leaseStart))
    .orderBy('message_alerts.created_at')
    .limit(BATCH)
    .execute();
  const touched = new Set<string>();
  let done = 0;
  let failure: unknown = null;
  for (const row of due) {
    const scope = { organizationId: row.organization_id };
    const token = await claimAlert(db, scope, row.id, now);
    if (!token) continue;
    try {
      await processAlert(deps, scope, token, now);
      touched.add(row.organization_id);
      done++;
    } catch (err) {
      // The lease expires by itself: the next tick after it retries.
      failure ??= err;
    }
  }
  for (const organizationId of touched) {
    await pushPending(deps, { organizationId });
    await mailDue(deps, new Date(Math.max(now.getTime(), Date.parse(requestNow()))), organizationId);
  }
  if (failure) throw failure;
  return done;
}

registerTask({ name: 'urgent-alerts', everyMs: 30_000, run: async (deps, now) => void (await runAlerts(deps, now)) });
