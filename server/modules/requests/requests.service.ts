import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { presentRequest, type RequestRow, withNames } from './request-present.ts';
import { isWorker } from './request-create.ts';
import { insertEvent, loadRequestSubject, visibleRequests } from './requests.repository.ts';
import { sourceMessageOf } from '../channels/message-source.ts';

/** One request with its names, as a row (404 when absent from the organisation). */
export async function requestRow(ctx: Ctx, scope: Scope, id: string): Promise<RequestRow> {
  const row = await withNames(tenant.selectFrom(ctx.database.db, scope, 'requests'))
    .where('requests.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as RequestRow;
}

/**
 * A request with its timeline, checklist, attachments, links and watchers. Requesters see the public
 * timeline only. Every read of a confidential request is recorded on its timeline (and the audit trail).
 */
export async function getRequest(ctx: Ctx, scope: Scope, id: string, opts: { recordView?: boolean } = {}) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const subject = await loadRequestSubject(db, scope, id);
  if (!subject) throw notFound();
  const row = await requestRow(ctx, scope, id);
  if (row.confidentiality !== 'normal' && opts.recordView !== false) await recordView(ctx, scope, row);
  const staff = isWorker(actor) || ['dpo', 'executive'].includes(actor.role ?? '');
  let events = tenant
    .selectFrom(db, scope, 'request_events')
    .leftJoin('users', 'users.id', 'request_events.actor_id')
    .select([
      'request_events.id',
      'request_events.kind',
      'request_events.public',
      'request_events.body',
      'request_events.data',
      'request_events.created_at',
      'request_events.actor_id',
      'users.display_name as actor_name',
    ])
    .where('request_events.request_id', '=', id);
  if (!staff) events = events.where('request_events.public', '=', true);
  const [timeline, checklist, attachments, links, access] = await Promise.all([
    events.orderBy('request_events.created_at').orderBy('request_events.id').execute(),
    tenant.selectFrom(db, scope, 'checklist_items').selectAll().where('request_id', '=', id).orderBy('position').execute(),
    tenant.selectFrom(db, scope, 'attachments').selectAll().where('request_id', '=', id).orderBy('created_at').execute(),
    tenant
      .selectFrom(db, scope, 'request_links')
      .innerJoin('requests as other', 'other.id', 'request_links.other_id')
      .select([
        'request_links.id',
        'request_links.kind',
        'other.id as other_id',
        'other.reference',
        'other.title',
        'other.status',
      ])
      .where('request_links.request_id', '=', id)
      .execute(),
    tenant
      .selectFrom(db, scope, 'request_access')
      .innerJoin('users', 'users.id', 'request_access.user_id')
      .select(['request_access.user_id', 'request_access.role', 'users.display_name'])
      .where('request_access.request_id', '=', id)
      .execute(),
  ]);
  // A link shows the other request's reference and title only to someone who may read that request.
  const linked = links.map((l) => l.other_id);
  const readable = new Set(
    linked.length
      ? (await visibleRequests(db, scope, actor).select('requests.id').where('requests.id', 'in', linked).execute()).map(
          (r) => r.id,
        )
      : [],
  );
  return {
    ...presentRequest(actor, row, subject),
    timeline: timeline.map((e) => ({
      id: e.id,
      kind: e.kind,
      public: e.public,
      body: e.body,
      data: e.data,
      at: e.created_at,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
    })),
    checklist: checklist.map((c) => ({
      id: c.id,
      label: c.label,
      position: c.position,
      done: c.done,
      doneById: c.done_by_id,
      doneAt: c.done_at,
    })),
    attachments: attachments
      .filter((a) => staff || !a.internal)
      .map((a) => ({
        id: a.id,
        fileName: a.file_name,
        contentType: a.content_type,
        size: a.size,
        internal: a.internal,
        createdAt: a.created_at,
        uploadedById: a.uploaded_by_id,
      })),
    links: links
      .filter((l) => readable.has(l.other_id))
      .map((l) => ({
        id: l.id,
        kind: l.kind,
        request: { id: l.other_id, reference: l.reference, title: l.title, status: l.status },
      })),
    watchers: access.filter((a) => a.role === 'watcher').map((a) => ({ id: a.user_id, name: a.display_name })),
    cleared: staff ? access.filter((a) => a.role === 'cleared').map((a) => ({ id: a.user_id, name: a.display_name })) : [],
    /** The chat message it was created from, when the viewer may read that channel (issue 5). */
    sourceMessage: await sourceMessageOf(db, scope, actor, id),
  };
}

/** A read of a confidential request: on its timeline (staff only) and in the audit trail. */
async function recordView(ctx: Ctx, scope: Scope, row: RequestRow) {
  const actor = ctx.actor as Actor;
  await withTransaction(ctx, async (trx, record) => {
    await insertEvent(trx, scope, row.id, { kind: 'viewed', public: false, actorId: actor.userId, data: {} });
    await record({ action: 'request.viewed', targetType: 'request', targetId: row.id, summary: { reference: row.reference } });
  });
}

/** Throws 409 when the request can no longer change (closed, cancelled, rejected). */
export function assertMutable(row: { status: string }) {
  if (['closed', 'cancelled', 'rejected'].includes(row.status)) throw new AppError('conflict', 'request_closed');
}
