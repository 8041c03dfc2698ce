import type { Actor, Scope } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import { tenant } from '../../platform/tenancy.ts';
import { recordUploads, seesInternal } from '../requests/attachments.service.ts';
import { loadRequestSubject } from '../requests/requests.repository.ts';
import type { Received } from '../requests/upload-receive.ts';
import type { TFromArchive, TFromAttachment } from './archive.schemas.ts';
import { loadDocument } from './documents.read.ts';
import { createDocument } from './documents.service.ts';

/**
 * Copies stored bytes under a new key, so that the archive and the request each delete their own copy
 * (no shared key, no reference counting); the copy must hash to the same SHA-256 as the source.
 */
async function copyOf(storage: Storage, from: { key: string; sha256: string; fileName: string; contentType: string }) {
  const copy = await storage.put(storage.get(from.key));
  if (copy.sha256 !== from.sha256) {
    await storage.remove(copy.key);
    throw new AppError('conflict', 'archive_copy_mismatch');
  }
  return { ...copy, fileName: from.fileName, contentType: from.contentType } satisfies Received;
}

/** Runs `use` with the copy, removing the copy when `use` fails (nothing half-written). */
async function withCopy<T>(storage: Storage, copy: Received, use: (file: Received) => Promise<T>): Promise<T> {
  try {
    return await use(copy);
  } catch (err) {
    await storage.remove(copy.key);
    throw err;
  }
}

/**
 * Attaches an archive document's version to a request (route checked `request.comment` on the request,
 * cleared staff only for a confidential one); the actor must read the document's folder. Internal
 * attachments are for staff who read internal notes.
 */
export async function attachFromArchive(ctx: Ctx, scope: Scope, storage: Storage, requestId: string, input: TFromArchive) {
  const actor = ctx.actor as Actor;
  if (input.internal && !seesInternal(actor)) throw new AppError('forbidden', 'attachment_internal_forbidden');
  const { doc, versions } = await loadDocument(ctx.database.db, scope, actor, input.documentId);
  const v = versions.find((x) => x.number === (input.version ?? doc.current_version));
  if (!v) throw notFound();
  const copy = await copyOf(storage, {
    key: v.storage_key,
    sha256: v.sha256,
    fileName: v.file_name,
    contentType: v.content_type,
  });
  const items = await withCopy(storage, copy, (file) => recordUploads(ctx, scope, requestId, [file], input.internal));
  return { items };
}

/**
 * Saves a request's attachment into a folder: the actor must read the request (and the attachment, when
 * internal) and write the folder. The document keeps the attachment's file name and sniffed type.
 */
export async function saveAttachmentToArchive(ctx: Ctx, scope: Scope, storage: Storage, input: TFromAttachment) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const a = await tenant.selectFrom(db, scope, 'attachments').selectAll().where('id', '=', input.attachmentId).executeTakeFirst();
  const subject = a?.request_id ? await loadRequestSubject(db, scope, a.request_id) : undefined;
  if (!a || !subject || !can(actor, 'request.read', subject) || (a.internal && !seesInternal(actor))) throw notFound();
  const copy = await copyOf(storage, {
    key: a.storage_key,
    sha256: a.sha256,
    fileName: a.file_name,
    contentType: a.content_type,
  });
  const meta = { name: input.name, type: input.type, retention: input.retention, description: '', tags: [] };
  return withCopy(storage, copy, (file) => createDocument(ctx, scope, input.folderId, file, meta));
}
