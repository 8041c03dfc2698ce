import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { assignOnCreate } from './assignment.ts';
import { isWorker } from './request-create.ts';
import type { RequestRow } from './request-present.ts';
import { requestNow } from './request-sla.ts';
import { assertTransition, statusChanges } from './request-update.ts';
import { runRequestHooks } from './requests.hooks.ts';
import { insertEvent } from './requests.repository.ts';
import type { TComment } from './requests.schemas.ts';
import { assertMutable, getRequest, requestRow } from './requests.service.ts';

type Write = (
  trx: Kdb,
  row: RequestRow,
  at: string,
) => Promise<{ set: Record<string, unknown>; event?: Parameters<typeof insertEvent>[3] }>;

/** Loads the request in a transaction, applies one action's changes, its timeline event, hooks and audit. */
async function act(ctx: Ctx, scope: Scope, id: string, action: string, write: Write) {
  await withTransaction(ctx, async (trx, record) => {
    const row = await requestRow({ ...ctx, database: { ...ctx.database, db: trx } }, scope, id);
    const at = requestNow();
    const { set, event } = await write(trx, row, at);
    if (Object.keys(set).length) {
      await tenant
        .updateTable(trx, scope, 'requests')
        .set({ ...set, last_activity_at: at, updated_at: at, version: row.version + 1 } as never)
        .where('id', '=', id)
        .execute();
    }
    if (event) await insertEvent(trx, scope, id, { ...event, at });
    await runRequestHooks(trx, ctx.database, scope, id);
    await record({
      action,
      targetType: 'request',
      targetId: id,
      summary: { reference: row.reference, status: set.status ?? row.status },
    });
  });
  return getRequest(ctx, scope, id, { recordView: false });
}

const actorId = (ctx: Ctx) => (ctx.actor as Actor).userId;

/** The requester (or staff) cancels an open request. */
export function cancelRequest(ctx: Ctx, scope: Scope, id: string, reason?: string) {
  return act(ctx, scope, id, 'request.cancelled', async (trx, row, at) => {
    assertTransition(row.status, 'cancelled');
    const set = await statusChanges(trx, scope, row, 'cancelled', at);
    return {
      set,
      event: {
        kind: 'status_changed',
        public: true,
        actorId: actorId(ctx),
        body: reason ?? null,
        data: { from: row.status, to: 'cancelled' },
      },
    };
  });
}

/** Reopens a resolved request within the organisation's window (days after resolution). */
export async function assertReopenWindow(db: Kdb, scope: Scope, row: RequestRow, at: string) {
  const org = await db
    .selectFrom('organizations')
    .select('reopen_days')
    .where('id', '=', scope.organizationId)
    .executeTakeFirstOrThrow();
  const limit = new Date(row.resolved_at ?? at).getTime() + org.reopen_days * 86_400_000;
  if (new Date(at).getTime() > limit) throw new AppError('conflict', 'reopen_window_over', undefined, { days: org.reopen_days });
}

export function reopenRequest(ctx: Ctx, scope: Scope, id: string, reason?: string) {
  return act(ctx, scope, id, 'request.reopened', async (trx, row, at) => {
    assertTransition(row.status, 'in_progress');
    if (row.status !== 'resolved')
      throw new AppError('conflict', 'invalid_transition', undefined, { from: row.status, to: 'in_progress', allowed: '—' });
    await assertReopenWindow(trx, scope, row, at);
    const set = await statusChanges(trx, scope, row, 'in_progress', at);
    return {
      set,
      event: {
        kind: 'status_changed',
        public: true,
        actorId: actorId(ctx),
        body: reason ?? null,
        data: { from: row.status, to: 'in_progress', reopened: true },
      },
    };
  });
}

/** The approving role decides: approved requests enter the queue (and are assigned by the team's rule). */
export function decideApproval(ctx: Ctx, scope: Scope, id: string, approve: boolean, comment?: string) {
  return act(ctx, scope, id, approve ? 'request.approved' : 'request.rejected', async (trx, row) => {
    if (row.status !== 'pending_approval') throw new AppError('conflict', 'not_pending_approval');
    // On approval, assignAfter moves the request to 'new' then lets the team's rule assign it (status 'assigned').
    const set: Record<string, unknown> = approve
      ? { approved_by_id: actorId(ctx) }
      : { status: 'rejected', approved_by_id: actorId(ctx) };
    const kind = approve ? 'approved' : 'rejected';
    if (approve) await assignAfter(trx, scope, row.id);
    return { set, event: { kind, public: true, actorId: actorId(ctx), body: comment ?? null, data: {} } };
  });
}

/** Assignment runs once the approval lets the request into the queue (status must already be 'new'). */
async function assignAfter(trx: Kdb, scope: Scope, id: string) {
  await tenant.updateTable(trx, scope, 'requests').set({ status: 'new' }).where('id', '=', id).execute();
  await assignOnCreate(trx, scope, id, null);
}

/**
 * A public reply or an internal note. The first public reply by staff stops the first-response clock;
 * a requester's reply to a request waiting on them puts it back in progress; `status` moves it too.
 */
export function addComment(ctx: Ctx, scope: Scope, id: string, input: TComment) {
  const actor = ctx.actor as Actor;
  const staff = isWorker(actor);
  if (input.internal && !staff) throw new AppError('forbidden', 'note_forbidden');
  return act(ctx, scope, id, input.internal ? 'request.noted' : 'request.replied', async (trx, row, at) => {
    assertMutable(row);
    let set: Record<string, unknown> = {};
    let to = input.status && input.status !== row.status ? input.status : null;
    if (!to && !staff && row.status === 'waiting_requester') to = 'in_progress';
    if (to) {
      assertTransition(row.status, to);
      if (row.status === 'resolved') await assertReopenWindow(trx, scope, row, at);
      set = await statusChanges(trx, scope, row, to, at);
    }
    if (staff && !input.internal && !row.first_responded_at && row.requester_id !== actor.userId) set.first_responded_at = at;
    const kind = input.internal ? 'note' : 'reply';
    const data = to ? { statusFrom: row.status, statusTo: to } : {};
    return { set, event: { kind, public: !input.internal, actorId: actor.userId, body: input.body, data } };
  });
}
