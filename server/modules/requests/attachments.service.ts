import type { Selectable } from 'kysely';
import type { AttachmentsTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { Storage } from '../../platform/storage.ts';
import { tenant } from '../../platform/tenancy.ts';
import { isWorker } from './request-create.ts';
import { runRequestHooks } from './requests.hooks.ts';
import { READERS } from './requests.policy.ts';
import { insertEvent } from './requests.repository.ts';
import { assertMutable } from './requests.service.ts';
import { type Received, receiveAll, type UploadPart } from './upload-receive.ts';

type AttachmentRow = Selectable<AttachmentsTable>;

/** An attachment as the API shows it (same shape as in GET /api/requests/:id). */
export function presentAttachment(a: AttachmentRow) {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size,
    internal: a.internal,
    createdAt: a.created_at,
    uploadedById: a.uploaded_by_id,
  };
}

/** Staff who read internal notes also see internal files (as GET /api/requests/:id lists them). */
export const seesInternal = (actor: Actor) => actorRoles(actor).some((r) => READERS.includes(r));

/**
 * Stores every file of a multipart upload, then records them in one transaction (rows, timeline, audit,
 * search hook). Types come from the bytes; a refused, oversized or failed upload leaves no file behind.
 * Field `internal=true` (staff only) hides the files from the requester.
 */
export async function uploadAttachments(
  ctx: Ctx,
  scope: Scope,
  storage: Storage,
  requestId: string,
  parts: AsyncIterable<UploadPart>,
  maxBytes: number,
) {
  assertMutable(await statusOf(ctx.database.db, scope, requestId));
  return receiveAll(ctx.actor as Actor, storage, parts, maxBytes, ({ files, internal }) =>
    recordUploads(ctx, scope, requestId, files, internal).then((items) => ({ items })),
  );
}

async function statusOf(db: Ctx['database']['db'], scope: Scope, requestId: string) {
  const row = await tenant
    .selectFrom(db, scope, 'requests')
    .select(['status', 'reference', 'confidentiality'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Records stored files as attachments of a request (rows, timeline, audit, search hook) in one transaction. */
export async function recordUploads(ctx: Ctx, scope: Scope, requestId: string, files: Received[], internal: boolean) {
  const actor = ctx.actor as Actor;
  return withTransaction(ctx, async (trx, record) => {
    const request = await statusOf(trx, scope, requestId);
    assertMutable(request);
    const at = nowIso();
    const items = [];
    for (const f of files) {
      const id = newId();
      const info = { attachmentId: id, fileName: f.fileName, contentType: f.contentType, size: f.size };
      const kind = 'attachment_added';
      const eventId = await insertEvent(trx, scope, requestId, {
        kind,
        public: !internal,
        actorId: actor.userId,
        data: info,
        at,
      });
      const row = {
        id,
        request_id: requestId,
        event_id: eventId,
        file_name: f.fileName,
        content_type: f.contentType,
        size: f.size,
        sha256: f.sha256,
        storage_key: f.key,
        internal,
        uploaded_by_id: actor.userId || null,
        created_at: at,
      };
      await trx
        .insertInto('attachments')
        .values(tenant.values(scope, [row]))
        .execute();
      const summary = { reference: request.reference, ...info, sha256: f.sha256, internal };
      await record({ action: 'request.attachment_added', targetType: 'request', targetId: requestId, summary });
      items.push(presentAttachment({ ...row, organization_id: scope.organizationId }));
    }
    await runRequestHooks(trx, ctx.database, scope, requestId);
    return items;
  });
}

/** One attachment of the request; 404 when absent, on another request, or internal for a requester. */
async function findAttachment(ctx: Ctx, scope: Scope, requestId: string, attachmentId: string): Promise<AttachmentRow> {
  const a = await tenant
    .selectFrom(ctx.database.db, scope, 'attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (!a || (a.internal && !seesInternal(ctx.actor as Actor))) throw notFound();
  return a;
}

/**
 * Opens an attachment for download. Reading a file of a confidential request is recorded like reading
 * the request itself (timeline event `viewed`, audit `request.attachment_downloaded`).
 */
export async function openAttachment(ctx: Ctx, scope: Scope, storage: Storage, requestId: string, attachmentId: string) {
  const a = await findAttachment(ctx, scope, requestId, attachmentId);
  const request = await statusOf(ctx.database.db, scope, requestId);
  if (request.confidentiality !== 'normal') {
    await withTransaction(ctx, async (trx, record) => {
      const data = { attachmentId: a.id, fileName: a.file_name };
      await insertEvent(trx, scope, requestId, { kind: 'viewed', public: false, actorId: (ctx.actor as Actor).userId, data });
      const summary = { reference: request.reference, ...data };
      await record({ action: 'request.attachment_downloaded', targetType: 'request', targetId: requestId, summary });
    });
  }
  return { attachment: a, body: storage.get(a.storage_key) };
}

/** Deletes an attachment (its uploader or staff), with a timeline event; the bytes go once committed. */
export async function deleteAttachment(ctx: Ctx, scope: Scope, storage: Storage, requestId: string, attachmentId: string) {
  const actor = ctx.actor as Actor;
  const a = await findAttachment(ctx, scope, requestId, attachmentId);
  if (!isWorker(actor) && a.uploaded_by_id !== actor.userId) throw new AppError('forbidden', 'attachment_delete_forbidden');
  await withTransaction(ctx, async (trx, record) => {
    const request = await statusOf(trx, scope, requestId);
    assertMutable(request);
    await tenant.deleteFrom(trx, scope, 'attachments').where('id', '=', a.id).execute();
    const data = { attachmentId: a.id, fileName: a.file_name };
    await insertEvent(trx, scope, requestId, { kind: 'attachment_removed', public: !a.internal, actorId: actor.userId, data });
    await runRequestHooks(trx, ctx.database, scope, requestId);
    const summary = { reference: request.reference, ...data, sha256: a.sha256 };
    await record({ action: 'request.attachment_removed', targetType: 'request', targetId: requestId, summary });
  });
  await storage.remove(a.storage_key);
}
