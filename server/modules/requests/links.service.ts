import type { LinkKind } from '../../../common/requests.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { authorize, can } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { insertEvent, loadRequestSubject } from './requests.repository.ts';

/** The kind stored on the other request, so that each side reads its own link the right way round. */
export const INVERSE: Record<LinkKind, LinkKind> = {
  parent_of: 'child_of',
  child_of: 'parent_of',
  duplicate_of: 'duplicated_by',
  duplicated_by: 'duplicate_of',
  related: 'related',
};

async function brief(db: Kdb, scope: Scope, id: string) {
  const row = await tenant
    .selectFrom(db, scope, 'requests')
    .select(['id', 'reference', 'title', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Rows of the link between two requests, whichever side they were created from. */
function between(db: Kdb, scope: Scope, a: string, b: string) {
  return tenant
    .selectFrom(db, scope, 'request_links')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('request_id', '=', a), eb('other_id', '=', b)]),
        eb.and([eb('request_id', '=', b), eb('other_id', '=', a)]),
      ]),
    );
}

/**
 * Links two requests of the organisation (staff who may work both). Stored in both directions with
 * inverse kinds, so either request lists it; one link per pair. A request the actor cannot see answers
 * 404, as if it did not exist.
 */
export async function addLink(ctx: Ctx, scope: Scope, id: string, input: { otherId: string; kind: LinkKind }) {
  const actor = ctx.actor as Actor;
  if (input.otherId === id) {
    throw new AppError('unprocessable', 'link_self', { fields: [{ path: 'otherId', code: 'self', message: 'link_self' }] });
  }
  const other = await loadRequestSubject(ctx.database.db, scope, input.otherId);
  if (!other || !can(actor, 'request.read', other)) throw notFound();
  authorize(actor, 'request.update', other);
  const linkId = newId();
  const write = withTransaction(ctx, async (trx, record) => {
    const [self, that] = [await brief(trx, scope, id), await brief(trx, scope, input.otherId)];
    if (await between(trx, scope, id, that.id).executeTakeFirst()) throw new AppError('conflict', 'link_exists');
    const at = nowIso();
    const rows = [
      { id: linkId, request_id: id, other_id: that.id, kind: input.kind, created_at: at },
      { id: newId(), request_id: that.id, other_id: id, kind: INVERSE[input.kind], created_at: at },
    ];
    await trx.insertInto('request_links').values(tenant.values(scope, rows)).execute();
    for (const [row, to] of [
      [rows[0], that],
      [rows[1], self],
    ] as const) {
      const data = { linkId: row.id, kind: row.kind, otherId: to.id, otherReference: to.reference };
      await insertEvent(trx, scope, row.request_id, { kind: 'link_added', public: false, actorId: actor.userId, data, at });
    }
    const summary = { reference: self.reference, kind: input.kind, other: that.reference };
    await record({ action: 'request.linked', targetType: 'request', targetId: id, summary });
    return { id: linkId, kind: input.kind, request: that };
  });
  return write.catch((err) => {
    throw isUniqueViolation(err) ? new AppError('conflict', 'link_exists') : err;
  });
}

/** Removes a link (given by its id on this request) in both directions, with an event on each request. */
export async function removeLink(ctx: Ctx, scope: Scope, id: string, linkId: string) {
  const actor = ctx.actor as Actor;
  const link = await tenant
    .selectFrom(ctx.database.db, scope, 'request_links')
    .selectAll()
    .where('id', '=', linkId)
    .where('request_id', '=', id)
    .executeTakeFirst();
  if (!link) throw notFound();
  await withTransaction(ctx, async (trx, record) => {
    const [self, that] = [await brief(trx, scope, id), await brief(trx, scope, link.other_id)];
    const rows = await between(trx, scope, id, that.id).execute();
    await tenant
      .deleteFrom(trx, scope, 'request_links')
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const at = nowIso();
    for (const row of rows) {
      const to = row.request_id === id ? that : self;
      const data = { linkId: row.id, kind: row.kind, otherId: to.id, otherReference: to.reference };
      await insertEvent(trx, scope, row.request_id, { kind: 'link_removed', public: false, actorId: actor.userId, data, at });
    }
    const summary = { reference: self.reference, kind: link.kind, other: that.reference };
    await record({ action: 'request.unlinked', targetType: 'request', targetId: id, summary });
  });
}
