import type { Actor, Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import { type Received, receiveAll, type UploadPart } from '../requests/upload-receive.ts';
import { FolderTree } from './archive.access.ts';
import { type TDocumentMeta, ZDocumentMeta } from './archive.schemas.ts';
import { loadDocument } from './documents.read.ts';
import { addVersion, createDocument } from './documents.service.ts';

/** The multipart fields of a new document (`tags` comma-separated); a bad value is a 400 with its field. */
export function metaOf(fields: Record<string, string>): TDocumentMeta {
  const tags = fields.tags
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const parsed = ZDocumentMeta.safeParse({ ...fields, name: fields.name || undefined, tags });
  if (parsed.success) return parsed.data;
  const list = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: 'archive_invalid_field' }));
  throw new AppError('validation_failed', 'validation_failed', { fields: list });
}

const single = (files: Received[]) => {
  if (files.length !== 1) throw new AppError('payload_too_large', 'attachment_too_many');
  return files[0] as Received;
};

/**
 * A new document from a multipart upload (one `file` part, metadata fields). The folder is checked before
 * the body is read; the file is sniffed, size-limited and hashed by the request attachments' receiver,
 * which removes it if anything fails afterwards.
 */
export async function uploadDocument(
  ctx: Ctx,
  scope: Scope,
  storage: Storage,
  folderId: string,
  parts: AsyncIterable<UploadPart>,
  maxBytes: number,
) {
  const actor = ctx.actor as Actor;
  (await FolderTree.load(ctx.database.db, scope, actor)).assert(folderId, 'write');
  return receiveAll(actor, storage, parts, maxBytes, ({ files, fields }) =>
    createDocument(ctx, scope, folderId, single(files), metaOf(fields)),
  );
}

/** A new version of a document from a multipart upload (one `file` part). */
export async function uploadVersion(
  ctx: Ctx,
  scope: Scope,
  storage: Storage,
  documentId: string,
  parts: AsyncIterable<UploadPart>,
  maxBytes: number,
) {
  const actor = ctx.actor as Actor;
  const { tree, doc } = await loadDocument(ctx.database.db, scope, actor, documentId);
  tree.assert(doc.folder_id, 'write');
  return receiveAll(actor, storage, parts, maxBytes, ({ files }) => addVersion(ctx, scope, documentId, single(files)));
}
