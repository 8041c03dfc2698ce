import type { Selectable } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { ChecklistItemsTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { runRequestHooks } from './requests.hooks.ts';
import { insertEvent } from './requests.repository.ts';
import { assertMutable } from './requests.service.ts';

/** Appends checklist items to a request (from its service or its recurring template), in order. */
export async function addChecklistItems(trx: Kdb, scope: Scope, requestId: string, labels: string[]): Promise<void> {
  if (!labels.length) return;
  const now = nowIso();
  await trx
    .insertInto('checklist_items')
    .values(
      labels.map((label, position) => ({
        id: newId(),
        organization_id: scope.organizationId,
        request_id: requestId,
        label,
        position,
        created_at: now,
      })),
    )
    .execute();
}

/** At most this many items on one request (service + template + added by hand). */
export const MAX_CHECKLIST_ITEMS = 100;

type ItemRow = Selectable<ChecklistItemsTable>;

/** A checklist item as the API shows it (the same shape as in GET /api/requests/:id). */
export function presentChecklistItem(c: ItemRow) {
  return { id: c.id, label: c.label, position: c.position, done: c.done, doneById: c.done_by_id, doneAt: c.done_at };
}

type Change = (
  trx: Kdb,
  request: { id: string; reference: string },
  at: string,
) => Promise<{ kind: string; label: string } | null>;

/**
 * One checklist change on an open request, in a transaction: the change, its staff-only timeline event,
 * the request's last activity, the hooks and the audit row. A change that changes nothing writes nothing.
 */
async function changeChecklist(ctx: Ctx, scope: Scope, requestId: string, change: Change): Promise<void> {
  await withTransaction(ctx, async (trx, record) => {
    const request = await tenant
      .selectFrom(trx, scope, 'requests')
      .select(['id', 'reference', 'status'])
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!request) throw notFound();
    assertMutable(request);
    const at = nowIso();
    const done = await change(trx, request, at);
    if (!done) return;
    const actorId = (ctx.actor as Actor).userId;
    await insertEvent(trx, scope, requestId, { kind: done.kind, public: false, actorId, data: { label: done.label }, at });
    await tenant.updateTable(trx, scope, 'requests').set({ last_activity_at: at }).where('id', '=', requestId).execute();
    await runRequestHooks(trx, ctx.database, scope, requestId);
    await record({
      action: 'request.checklist_changed',
      targetType: 'request',
      targetId: requestId,
      summary: { reference: request.reference, change: done.kind, label: done.label },
    });
  });
}

/** The item of this request (404 for an item of another request or organisation). */
async function itemOf(trx: Kdb, scope: Scope, requestId: string, itemId: string): Promise<ItemRow> {
  const item = await tenant
    .selectFrom(trx, scope, 'checklist_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (!item) throw notFound();
  return item;
}

async function reload(ctx: Ctx, scope: Scope, itemId: string) {
  const row = await tenant
    .selectFrom(ctx.database.db, scope, 'checklist_items')
    .selectAll()
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return presentChecklistItem(row);
}

/** Adds an item at the end of a request's checklist. */
export async function addChecklistItem(ctx: Ctx, scope: Scope, requestId: string, label: string) {
  const id = newId();
  await changeChecklist(ctx, scope, requestId, async (trx, request, at) => {
    const items = await tenant
      .selectFrom(trx, scope, 'checklist_items')
      .select('position')
      .where('request_id', '=', request.id)
      .execute();
    if (items.length >= MAX_CHECKLIST_ITEMS)
      throw new AppError('unprocessable', 'checklist_full', undefined, { max: MAX_CHECKLIST_ITEMS });
    const position = Math.max(-1, ...items.map((i) => i.position)) + 1;
    await trx
      .insertInto('checklist_items')
      .values(tenant.values(scope, [{ id, request_id: request.id, label, position, created_at: at }]))
      .execute();
    return { kind: 'checklist_added', label };
  });
  return reload(ctx, scope, id);
}

/** Ticks or unticks an item (who and when are kept while it stays ticked). */
export async function setChecklistItemDone(ctx: Ctx, scope: Scope, requestId: string, itemId: string, done: boolean) {
  await changeChecklist(ctx, scope, requestId, async (trx, request, at) => {
    const item = await itemOf(trx, scope, request.id, itemId);
    if (item.done === done) return null;
    await tenant
      .updateTable(trx, scope, 'checklist_items')
      .set({ done, done_by_id: done ? (ctx.actor as Actor).userId || null : null, done_at: done ? at : null })
      .where('id', '=', itemId)
      .execute();
    return { kind: done ? 'checklist_checked' : 'checklist_unchecked', label: item.label };
  });
  return reload(ctx, scope, itemId);
}

/** Removes an item from a request's checklist. */
export async function removeChecklistItem(ctx: Ctx, scope: Scope, requestId: string, itemId: string): Promise<void> {
  await changeChecklist(ctx, scope, requestId, async (trx, request) => {
    const item = await itemOf(trx, scope, request.id, itemId);
    await tenant.deleteFrom(trx, scope, 'checklist_items').where('id', '=', itemId).execute();
    return { kind: 'checklist_removed', label: item.label };
  });
}
