import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { Storage } from '../../platform/storage.ts';
import { tenant } from '../../platform/tenancy.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { Received } from '../requests/upload-receive.ts';
import { FolderTree } from './archive.access.ts';
import type { TDocumentMeta, TDocumentPatch } from './archive.schemas.ts';
import { type DocumentRow, getDocument, loadDocument, presentDocument, searchTextOf } from './documents.read.ts';

async function insertVersion(trx: Kdb, scope: Scope, actor: Actor, documentId: string, number: number, file: Received) {
  const row = {
    id: newId(),
    document_id: documentId,
    number,
    storage_key: file.key,
    size: file.size,
    sha256: file.sha256,
    content_type: file.contentType,
    file_name: file.fileName,
    uploaded_by_id: actor.userId || null,
    created_at: nowIso(),
  };
  await trx
    .insertInto('archive_versions')
    .values(tenant.values(scope, [row]))
    .execute();
}

const fileSummary = (f: Received) => ({ fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256 });

/**
 * Records a stored file as a new document (version 1) in a folder the actor may write, with its audit
 * row. The caller owns the bytes until this resolves: on error it removes them (nothing half-written).
 */
export async function createDocument(ctx: Ctx, scope: Scope, folderId: string, file: Received, meta: TDocumentMeta) {
  const actor = ctx.actor as Actor;
  const id = newId();
  await withTransaction(ctx, async (trx, record) => {
    (await FolderTree.load(trx, scope, actor)).assert(folderId, 'write');
    const now = nowIso();
    const fields = { name: meta.name ?? file.fileName, description: meta.description, tags: meta.tags };
    const row = {
      id,
      folder_id: folderId,
      ...fields,
      tags: JSON.stringify(meta.tags),
      doc_type: meta.type,
      retention: meta.retention,
      search_text: searchTextOf(fields, file.fileName),
      current_version: 1,
      created_by_id: actor.userId || null,
      updated_by_id: actor.userId || null,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('archive_documents')
      .values(tenant.values(scope, [row]))
      .execute();
    await insertVersion(trx, scope, actor, id, 1, file);
    const summary = { folderId, name: fields.name, type: meta.type, retention: meta.retention, ...fileSummary(file) };
    await record({ action: 'archive.document_created', targetType: 'archive_document', targetId: id, summary });
  });
  return getDocument(ctx, scope, id);
}

/** Adds a version to a document whose folder the actor may write; it becomes the current one. */
export async function addVersion(ctx: Ctx, scope: Scope, documentId: string, file: Received) {
  const actor = ctx.actor as Actor;
  await withTransaction(ctx, async (trx, record) => {
    const { tree, doc } = await loadDocument(trx, scope, actor, documentId);
    tree.assert(doc.folder_id, 'write');
    const number = doc.current_version + 1;
    await insertVersion(trx, scope, actor, documentId, number, file);
    const search_text = searchTextOf(doc, file.fileName);
    await tenant
      .updateTable(trx, scope, 'archive_documents')
      .set({ current_version: number, search_text, updated_by_id: actor.userId || null, updated_at: nowIso() })
      .where('id', '=', documentId)
      .execute();
    const summary = { name: doc.name, number, ...fileSummary(file) };
    await record({ action: 'archive.version_added', targetType: 'archive_document', targetId: documentId, summary });
  });
  return getDocument(ctx, scope, documentId);
}

/** Metadata change or move (optimistic concurrency); a move needs write permission on both folders. */
export async function updateDocument(ctx: Ctx, scope: Scope, id: string, patch: TDocumentPatch) {
  const actor = ctx.actor as Actor;
  const { version, type, folderId, tags, ...rest } = patch;
  await withTransaction(ctx, async (trx, record) => {
    const { tree, doc, versions } = await loadDocument(trx, scope, actor, id);
    tree.assert(doc.folder_id, 'write');
    if (folderId && folderId !== doc.folder_id) tree.assert(folderId, 'write');
    const next = { ...doc, ...rest, tags: tags ?? doc.tags };
    const fileName = versions.find((v) => v.number === doc.current_version)?.file_name ?? '';
    const set: Record<string, unknown> = {
      ...rest,
      ...(type ? { doc_type: type } : {}),
      ...(folderId ? { folder_id: folderId } : {}),
      ...(tags ? { tags: JSON.stringify(tags) } : {}),
      search_text: searchTextOf(next, fileName),
      updated_by_id: actor.userId || null,
    };
    const present = (row: unknown) => presentDocument(tree, row as DocumentRow, undefined);
    await updateVersioned(trx, scope, 'archive_documents', id, version, set, present);
    const after = { ...doc, ...set, tags: next.tags, search_text: doc.search_text, updated_by_id: doc.updated_by_id };
    await record({ action: 'archive.document_updated', targetType: 'archive_document', targetId: id, summary: diff(doc, after) });
  });
  return getDocument(ctx, scope, id);
}

/** Deletes a document and every version (coordination only); the bytes go once the deletion is committed. */
export async function deleteDocument(ctx: Ctx, scope: Scope, storage: Storage, id: string) {
  const actor = ctx.actor as Actor;
  const keys = await withTransaction(ctx, async (trx, record) => {
    const { doc, versions } = await loadDocument(trx, scope, actor, id);
    await tenant.deleteFrom(trx, scope, 'archive_versions').where('document_id', '=', id).execute();
    await tenant.deleteFrom(trx, scope, 'archive_documents').where('id', '=', id).execute();
    const summary = { name: doc.name, folderId: doc.folder_id, versions: versions.map((v) => v.sha256) };
    await record({ action: 'archive.document_deleted', targetType: 'archive_document', targetId: id, summary });
    return versions.map((v) => v.storage_key);
  });
  await Promise.all(keys.map((k) => storage.remove(k)));
}

/** Opens a version (default: the current one) for download; every download is audited. */
export async function openVersion(ctx: Ctx, scope: Scope, storage: Storage, id: string, number?: number) {
  const { doc, versions } = await loadDocument(ctx.database.db, scope, ctx.actor as Actor, id);
  const v = versions.find((x) => x.number === (number ?? doc.current_version));
  if (!v) throw notFound();
  await withTransaction(ctx, async (_trx, record) => {
    const summary = { name: doc.name, number: v.number, fileName: v.file_name, sha256: v.sha256 };
    await record({ action: 'archive.document_downloaded', targetType: 'archive_document', targetId: id, summary });
  });
  return { version: v, body: storage.get(v.storage_key) };
}
