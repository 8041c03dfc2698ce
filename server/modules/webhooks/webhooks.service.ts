import type { Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId, newSecret, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { resolveTarget } from './webhooks.net.ts';
import { WEBHOOK_ACTIONS } from './webhooks.policy.ts';
import type { TWebhookInput, TWebhookPatch } from './webhooks.schemas.ts';

type Hook = Selectable<WebhooksTable>;
type Delivery = Selectable<WebhookDeliveriesTable>;

/** A subscription as the API shows it: never its secret (shown once, at creation and rotation). */
export function presentWebhook(ctx: Ctx, row: Hook) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, WEBHOOK_ACTIONS) : [],
  };
}

export function presentDelivery(row: Delivery) {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastDurationMs: row.last_duration_ms,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    payload: JSON.parse(row.body) as unknown,
  };
}

/** A signing secret: `whsec_` and 32 random bytes (the prefix tells a leaked string for what it is). */
const generateSecret = () => `whsec_${newSecret(32)}`;

export async function listWebhooks(ctx: Ctx, scope: Scope) {
  const rows = await tenant.selectFrom(ctx.database.db, scope, 'webhooks').selectAll().orderBy('created_at').execute();
  return rows.map((r) => presentWebhook(ctx, r));
}

export async function getWebhook(ctx: Ctx, scope: Scope, id: string) {
  return presentWebhook(ctx, (await findOrThrow(ctx.database.db, scope, 'webhooks', id)) as unknown as Hook);
}

/** Creates a subscription once its URL passes the SSRF guard; the answer carries the secret, this once. */
export async function createWebhook(deps: Deps, ctx: Ctx, scope: Scope, input: TWebhookInput) {
  const target = await resolveTarget(input.url, deps.config.webhookAllowedHosts);
  const id = newId();
  const now = nowIso();
  const secret = generateSecret();
  await withTransaction(ctx, async (trx, record) => {
    const row = {
      id,
      url: target.url.toString(),
      description: input.description,
      event_types: JSON.stringify(input.eventTypes),
      active: input.active,
      secret_encrypted: deps.cipher.encrypt(secret),
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('webhooks')
      .values(tenant.values(scope, [row]))
      .execute();
    const after = { url: row.url, eventTypes: input.eventTypes, active: input.active, description: input.description };
    await record({ action: 'webhook.created', targetType: 'webhook', targetId: id, summary: { after } });
  });
  return { ...(await getWebhook(ctx, scope, id)), secret };
}

export async function updateWebhook(deps: Deps, ctx: Ctx, scope: Scope, id: string, patch: TWebhookPatch) {
  const url = patch.url === undefined ? undefined : (await resolveTarget(patch.url, deps.config.webhookAllowedHosts)).url;
  const set: Record<string, unknown> = {};
  if (url) set.url = url.toString();
  if (patch.eventTypes) set.event_types = JSON.stringify(patch.eventTypes);
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.active !== undefined) set.active = patch.active;
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'webhooks', id);
    await updateVersioned(trx, scope, 'webhooks', id, patch.version, set, (row) => presentWebhook(ctx, row as unknown as Hook));
    const shown = { ...set, ...(patch.eventTypes ? { event_types: patch.eventTypes } : {}) };
    await record({
      action: 'webhook.updated',
      targetType: 'webhook',
      targetId: id,
      summary: diff(before, { ...before, ...shown }),
    });
  });
  return getWebhook(ctx, scope, id);
}

export async function deleteWebhook(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'webhooks', id);
    await tenant.deleteFrom(trx, scope, 'webhook_deliveries').where('webhook_id', '=', id).execute();
    await tenant.deleteFrom(trx, scope, 'webhooks').where('id', '=', id).execute();
    await record({ action: 'webhook.deleted', targetType: 'webhook', targetId: id, summary: { before: { url: before.url } } });
  });
}

/** A new secret replaces the old one at once (deliveries still pending are signed with the new one). */
export async function rotateSecret(deps: Deps, ctx: Ctx, scope: Scope, id: string) {
  const secret = generateSecret();
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'webhooks', id);
    await tenant
      .updateTable(trx, scope, 'webhooks')
      .set({ secret_encrypted: deps.cipher.encrypt(secret), updated_at: nowIso(), version: before.version + 1 })
      .where('id', '=', id)
      .execute();
    await record({ action: 'webhook.secret_rotated', targetType: 'webhook', targetId: id, summary: { url: before.url } });
  });
  return { ...(await getWebhook(ctx, scope, id)), secret };
}

/** The latest deliveries of one subscription, newest first. */
export async function listDeliveries(ctx: Ctx, scope: Scope, webhookId: string, limit: number) {
  await findOrThrow(ctx.database.db, scope, 'webhooks', webhookId);
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentDelivery);
}

type NewDelivery = { webhookId: string; eventId: string; eventType: string; body: string; at: string };

/** Queues one delivery, due now (the caller kicks the sender after its commit). */
export async function insertDelivery(db: Ctx['database']['db'], scope: Scope, d: NewDelivery): Promise<string> {
  const id = newId();
  await db
    .insertInto('webhook_deliveries')
    .values(
      tenant.values(scope, [
        {
          id,
          webhook_id: d.webhookId,
          event_id: d.eventId,
          event_type: d.eventType,
          body: d.body,
          status: 'pending',
          next_attempt_at: d.at,
          created_at: d.at,
        },
      ]),
    )
    .execute();
  return id;
}

/** A « ping » event to check the destination and the signature; returns the queued delivery. */
export async function pingWebhook(ctx: Ctx, scope: Scope, id: string) {
  const at = nowIso();
  const eventId = newId();
  const deliveryId = await withTransaction(ctx, async (trx, record) => {
    await findOrThrow(trx, scope, 'webhooks', id);
    const data = { targetType: 'webhook', targetId: id, actorId: ctx.actor?.userId || null };
    const body = JSON.stringify({ id: eventId, type: 'ping', occurredAt: at, organizationId: scope.organizationId, data });
    const made = await insertDelivery(trx, scope, { webhookId: id, eventId, eventType: 'ping', body, at });
    await record({ action: 'webhook.pinged', targetType: 'webhook', targetId: id, summary: { deliveryId: made } });
    return made;
  });
  return deliveryOf(ctx, scope, deliveryId);
}

/** A new attempt with the same payload (same event id, so receivers can deduplicate), as a new log row. */
export async function redeliver(ctx: Ctx, scope: Scope, deliveryId: string) {
  const at = nowIso();
  const made = await withTransaction(ctx, async (trx, record) => {
    const d = (await findOrThrow(trx, scope, 'webhook_deliveries', deliveryId)) as unknown as Delivery;
    const copy = { webhookId: d.webhook_id, eventId: d.event_id, eventType: d.event_type, body: d.body, at };
    const id = await insertDelivery(trx, scope, copy);
    await record({
      action: 'webhook.redelivered',
      targetType: 'webhook',
      targetId: d.webhook_id,
      summary: { from: deliveryId, id },
    });
    return id;
  });
  return deliveryOf(ctx, scope, made);
}

export async function deliveryOf(ctx: Ctx, scope: Scope, id: string) {
  return presentDelivery((await findOrThrow(ctx.database.db, scope, 'webhook_deliveries', id)) as unknown as Delivery);
}
