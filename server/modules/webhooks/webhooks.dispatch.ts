/**
 * Webhook delivery: after a commit, each domain event that a subscription listens to becomes one
 * `webhook_deliveries` row per active subscription of that organisation (an outbox), sent right away and
 * retried by a 15-second task with exponential backoff. A sender claims a row (lease) before posting, so
 * the after-commit kick and the task never send the same delivery twice at the same time.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_MAX_ATTEMPTS, type WebhookEventType } from '../../../common/webhooks.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DomainEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { postJson, resolveTarget } from './webhooks.net.ts';
import { insertDelivery } from './webhooks.service.ts';
import { snapshotOf } from './webhooks.snapshot.ts';

export const WEBHOOK_TIMEOUT_MS = 5_000;
/** A claim expires after this (well above the timeout): a crashed sender's delivery goes to the next tick. */
const LEASE_MS = 60_000;
const BATCH = 100;

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min… capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: what the receiver recomputes to trust the body. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The webhook type of a domain event, or null when no subscription can listen to it. */
export async function eventTypeOf(db: Kdb, e: DomainEvent): Promise<WebhookEventType | null> {
  if (e.action === 'csat.changed') return 'csat.rated';
  if (e.action === 'kb.article.transitioned' && e.targetId) {
    const a = await tenant
      .selectFrom(db, { organizationId: e.organizationId }, 'kb_articles')
      .select('status')
      .where('id', '=', e.targetId)
      .executeTakeFirst();
    return a?.status === 'published' ? 'kb.article.published' : null;
  }
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e.action) ? (e.action as WebhookEventType) : null;
}

/** Turns one committed event into deliveries for the organisation's matching active subscriptions. */
export async function enqueueEvent(deps: Deps, e: DomainEvent): Promise<string[]> {
  const db = deps.database.db;
  const scope = { organizationId: e.organizationId };
  const type = await eventTypeOf(db, e);
  if (!type) return [];
  const hooks = (
    await tenant.selectFrom(db, scope, 'webhooks').select(['id', 'event_types']).where('active', '=', true).execute()
  ).filter((h) => h.event_types.includes(type));
  if (!hooks.length) return [];
  const snapshot = await snapshotOf(db, scope, e);
  const eventId = newId();
  const data = { targetType: e.targetType, targetId: e.targetId, actorId: e.actorId, ...snapshot };
  const body = JSON.stringify({ id: eventId, type, occurredAt: e.at, organizationId: e.organizationId, data });
  const ids: string[] = [];
  for (const h of hooks) ids.push(await insertDelivery(db, scope, { webhookId: h.id, eventId, eventType: type, body, at: e.at }));
  return ids;
}

/** Takes a due delivery for this sender; false when another sender holds it or it is no longer pending. */
async function claim(db: Kdb, scope: Scope, id: string, now: Date): Promise<boolean> {
  const leaseStart = new Date(now.getTime() - LEASE_MS).toISOString();
  const res = await tenant
    .updateTable(db, scope, 'webhook_deliveries')
    .set({ claimed_at: now.toISOString(), attempts: sql`attempts + 1` as never })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', leaseStart)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

const inflight = new Set<AbortController>();

/** Aborts the posts in flight (app shutdown): their deliveries stay pending for the next start. */
export function abortDeliveries(): void {
  for (const c of inflight) c.abort();
}

/** One attempt: the guard again (DNS may have changed), the signed POST, then the outcome or the next retry. */
async function attempt(deps: Deps, d: { id: string; body: string; event_type: string; url: string; secret: string }, now: Date) {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers = {
    'user-agent': 'Relais-Webhooks/1',
    'x-relais-event': d.event_type,
    'x-relais-delivery': d.id,
    'x-relais-timestamp': timestamp,
    'x-relais-signature': signature(d.secret, timestamp, d.body),
  };
  let target: Awaited<ReturnType<typeof resolveTarget>>;
  try {
    target = await resolveTarget(d.url, deps.config.webhookAllowedHosts);
  } catch (err) {
    const reason = (err as { details?: { reason?: string } }).details?.reason ?? 'invalid';
    return { statusCode: null, error: `destination refusée (${reason})`, durationMs: 0 };
  }
  const controller = new AbortController();
  inflight.add(controller);
  try {
    return await postJson(target, d.body, headers, WEBHOOK_TIMEOUT_MS, controller.signal);
  } finally {
    inflight.delete(controller);
  }
}

/** Sends one delivery if it is due and this sender wins the claim; returns its status afterwards. */
export async function sendDelivery(deps: Deps, organizationId: string, id: string, now = new Date()): Promise<string | null> {
  const db = deps.database.db;
  const scope = { organizationId };
  if (!(await claim(db, scope, id, now))) return null;
  const d = await tenant
    .selectFrom(db, scope, 'webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(['webhook_deliveries.id', 'body', 'event_type', 'attempts', 'webhooks.url', 'webhooks.secret_encrypted'])
    .where('webhook_deliveries.id', '=', id)
    .executeTakeFirstOrThrow();
  const result = await attempt(deps, { ...d, secret: deps.cipher.decrypt(d.secret_encrypted) }, now);
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const status = ok ? 'delivered' : d.attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
  await tenant
    .updateTable(db, scope, 'webhook_deliveries')
    .set({
      status,
      claimed_at: null,
      last_attempt_at: now.toISOString(),
      last_status_code: result.statusCode,
      last_error: ok ? null : (result.error ?? `réponse HTTP ${result.statusCode}`),
      last_duration_ms: result.durationMs,
      delivered_at: ok ? now.toISOString() : null,
      next_attempt_at: status === 'pending' ? new Date(now.getTime() + backoffMs(d.attempts)).toISOString() : null,
    })
    .where('id', '=', id)
    .execute();
  return status;
}

/** Every due delivery of every organisation (the system's own read; each claim goes through its tenant). */
export async function sendDueDeliveries(deps: Deps, now = new Date()): Promise<number> {
  const rows = await deps.database.db
    .selectFrom('webhook_deliveries')
    .select(['id', 'organization_id'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(BATCH)
    .execute();
  const results = await Promise.all(rows.map((r) => sendDelivery(deps, r.organization_id, r.id, now)));
  return results.filter((s) => s !== null).length;
}

registerTask({
  name: 'webhook-deliveries',
  everyMs: 15_000,
  async run(deps, now) {
    await sendDueDeliveries(deps, now);
  },
});

/** After each commit: queue the deliveries of the event, then send them at once (the task retries). */
export function listenForWebhooks(deps: Deps, log: (err: unknown) => void): () => void {
  return deps.events.subscribe((e) => {
    enqueueEvent(deps, e)
      .then((ids) => Promise.all(ids.map((id) => sendDelivery(deps, e.organizationId, id))))
      .catch(log);
  });
}
