import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles, type Subject } from '../../platform/authz.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { runTimelineHooks } from './requests.hooks.ts';

const READER_ROLES = new Set(['assistant', 'coordinator', 'org_admin', 'external_agent', 'operator', 'dpo', 'executive']);

/** What authorization needs to know about one request: its parties, restriction and cleared staff. */
export async function loadRequestSubject(db: Kdb, scope: Scope, id: string): Promise<(Subject & { id: string }) | undefined> {
  const row = await tenant
    .selectFrom(db, scope, 'requests')
    .select(['id', 'site_id', 'requester_id', 'assignee_id', 'confidentiality', 'status', 'approval_role'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const access = await tenant
    .selectFrom(db, scope, 'request_access')
    .select(['user_id', 'role'])
    .where('request_id', '=', id)
    .execute();
  const watchers = access.filter((a) => a.role === 'watcher').map((a) => a.user_id);
  const cleared = access.filter((a) => a.role === 'cleared').map((a) => a.user_id);
  return {
    id: row.id,
    siteId: row.site_id,
    userId: row.requester_id,
    parties: [row.requester_id, ...watchers],
    restricted: row.confidentiality !== 'normal',
    cleared: row.assignee_id ? [row.assignee_id, ...cleared] : cleared,
    approvalRole: row.status === 'pending_approval' ? row.approval_role : null,
  };
}

type Q = SelectQueryBuilder<DB, 'requests', object>;

/**
 * The requests an actor may see, as a query to refine (list, search, counts): the same rules as
 * `request.read` in requests.policy.ts, written as SQL so the database filters, never the app.
 */
export function visibleRequests(db: Kdb, scope: Scope, actor: Actor): Q {
  const q = tenant.selectFrom(db, scope, 'requests') as Q;
  const me = actor.userId;
  const roles = actorRoles(actor);
  const staff = roles.some((r) => READER_ROLES.has(r));
  return q.where((eb: ExpressionBuilder<DB, 'requests'>) => {
    const access = (role: string) =>
      eb.exists(
        eb
          .selectFrom('request_access')
          .select('request_access.id')
          .whereRef('request_access.request_id', '=', 'requests.id')
          .where('request_access.user_id', '=', me)
          .where('request_access.role', '=', role),
      );
    const ors = [eb('requests.requester_id', '=', me), access('watcher')];
    if (roles.length)
      ors.push(eb.and([eb('requests.status', '=', 'pending_approval'), eb('requests.approval_role', 'in', roles)]));
    if (staff) ors.push(eb('requests.confidentiality', '=', 'normal'), eb('requests.assignee_id', '=', me), access('cleared'));
    return eb.or(ors);
  });
}

/** Next human-readable reference of the organisation for the year (PREFIX-2026-000042), inside the creating transaction. */
export async function nextReference(trx: Kdb, scope: Scope, prefix: string, year: number): Promise<string> {
  const row = await trx
    .insertInto('request_counters')
    .values({ organization_id: scope.organizationId, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'year']).doUpdateSet({ last_number: sql`request_counters.last_number + 1` as never }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last_number).padStart(6, '0')}`;
}

export interface NewEvent {
  kind: string;
  public: boolean;
  actorId: string | null;
  body?: string | null;
  data?: Record<string, unknown>;
  at?: string;
}

/** Appends one event to a request's timeline (in the caller's transaction). */
export async function insertEvent(trx: Kdb, scope: Scope, requestId: string, e: NewEvent): Promise<string> {
  const id = newId();
  await trx
    .insertInto('request_events')
    .values({
      id,
      organization_id: scope.organizationId,
      request_id: requestId,
      created_at: e.at ?? nowIso(),
      actor_id: e.actorId || null,
      kind: e.kind,
      public: e.public,
      body: e.body ?? null,
      data: JSON.stringify(e.data ?? {}),
    })
    .execute();
  await runTimelineHooks(trx, scope, requestId, e);
  return id;
}

/** Adds a person to a request's access list (watcher or cleared), once. */
export async function grantAccess(trx: Kdb, scope: Scope, requestId: string, userId: string, role: 'watcher' | 'cleared') {
  await trx
    .insertInto('request_access')
    .values({
      id: newId(),
      organization_id: scope.organizationId,
      request_id: requestId,
      user_id: userId,
      role,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['request_id', 'user_id', 'role']).doNothing())
    .execute();
}

/**
 * The answer the requester was given: the last public reply written by someone else than the requester
 * (the resolution mail quotes it, a knowledge-base draft starts from it).
 */
export async function lastAnswer(db: Kdb, scope: Scope, requestId: string, requesterId: string): Promise<string | null> {
  const reply = await tenant
    .selectFrom(db, scope, 'request_events')
    .select('body')
    .where('request_id', '=', requestId)
    .where('kind', '=', 'reply')
    .where('public', '=', true)
    .where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', '!=', requesterId)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return reply?.body?.trim() || null;
}
