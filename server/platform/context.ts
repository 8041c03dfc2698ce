import type { Database, Kdb } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { type AuditEntry, appendAudit, canonical } from './audit.ts';
import type { EventBus } from './events.ts';
import { markCommitted } from './idempotency.ts';
import { nowIso } from './ids.ts';

/** What a service needs to act for one request: the database, the bus, who acts and from where. */
export interface Ctx {
  database: Database;
  events: EventBus;
  actor: Actor | null;
  ip: string;
}

export type Change = Omit<AuditEntry, 'actorId' | 'actorLabel' | 'ip' | 'organizationId'> & {
  organizationId?: string | null;
};

/**
 * Runs a write and its audit rows in one transaction (DESIGN rule 3), then publishes the events.
 * `record(change)` adds to the hash chain of the change's organisation (default: the actor's), written just
 * before the commit.
 */
export async function withTransaction<T>(
  ctx: Ctx,
  fn: (trx: Kdb, record: (change: Change) => Promise<void>) => Promise<T>,
): Promise<T> {
  const recorded: AuditEntry[] = [];
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const record = async (change: Change) => {
      const entry: AuditEntry = {
        ...change,
        organizationId: change.organizationId === undefined ? (ctx.actor?.organizationId ?? null) : change.organizationId,
        actorId: ctx.actor?.userId || null,
        actorLabel: ctx.actor ? `${ctx.actor.displayName} <${ctx.actor.email}>` : 'système',
        ip: ctx.ip,
      };
      recorded.push(entry);
    };
    const result = await fn(trx, record);
    // The audit rows go in at the end, still inside the transaction: the head of the organisation's chain is
    // locked (FOR UPDATE on PostgreSQL) only for the last moment of the write, not for all of it — concurrent
    // writes of one organisation queue on that lock (bench:load, two nodes).
    for (const entry of recorded) await appendAudit(trx, ctx.database.dialect, entry);
    // An Idempotency-Key creation is marked done in its own transaction: a crash after the commit cannot
    // make its retry create it again (platform/idempotency.ts).
    await markCommitted(
      trx,
      recorded.map((e) => ({ targetType: e.targetType, targetId: e.targetId })),
    );
    return result;
  });
  const at = nowIso();
  for (const e of recorded) {
    if (!e.organizationId) continue;
    ctx.events.publish({
      organizationId: e.organizationId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      actorId: e.actorId,
      at,
    });
  }
  return result;
}

/** Before/after summary of the fields that changed, for the audit trail. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updated_at' || key === 'version') continue;
    // Key order does not count: PostgreSQL's jsonb hands objects back with their keys reordered.
    if (canonical(before[key]) !== canonical(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return { changes };
}
