import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { ArchiveDocumentsTable, ArchiveVersionsTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { foldText, searchTerms } from '../search/search.module.ts';
import { FolderTree } from './archive.access.ts';
import type { TDocumentSearch } from './archive.schemas.ts';

export type DocumentRow = Selectable<ArchiveDocumentsTable>;
export type VersionRow = Selectable<ArchiveVersionsTable>;

/** At most this many documents per search answer (newest first). */
export const SEARCH_LIMIT = 200;

/** The folded text searched by `GET /api/archive/documents` (accents and case ignored on both dialects). */
export function searchTextOf(doc: { name: string; description: string; tags: string[] }, fileName: string): string {
  return foldText([doc.name, doc.description, doc.tags.join(' '), fileName].join(' '));
}

function presentVersion(v: VersionRow) {
  return {
    number: v.number,
    fileName: v.file_name,
    contentType: v.content_type,
    size: v.size,
    sha256: v.sha256,
    uploadedById: v.uploaded_by_id,
    createdAt: v.created_at,
  };
}

/** A document as the API shows it, with its current version's file and what the actor may do with it. */
export function presentDocument(tree: FolderTree, doc: DocumentRow, current: VersionRow | undefined) {
  const write = tree.canWrite(doc.folder_id);
  const actions = [...(write ? ['archive.update', 'archive.upload'] : []), ...(tree.manager ? ['archive.delete'] : [])];
  return {
    id: doc.id,
    folderId: doc.folder_id,
    name: doc.name,
    type: doc.doc_type,
    retention: doc.retention,
    description: doc.description,
    tags: doc.tags,
    currentVersion: doc.current_version,
    file: current ? presentVersion(current) : null,
    siteId: tree.effective(doc.folder_id).siteId,
    createdById: doc.created_by_id,
    updatedById: doc.updated_by_id,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    version: doc.version,
    allowedActions: actions,
  };
}

async function currentVersions(db: Kdb, scope: Scope, docs: DocumentRow[]): Promise<Map<string, VersionRow>> {
  if (!docs.length) return new Map();
  const rows = await tenant
    .selectFrom(db, scope, 'archive_versions')
    .selectAll()
    .where(
      'document_id',
      'in',
      docs.map((d) => d.id),
    )
    .execute();
  const current = new Map(docs.map((d) => [d.id, d.current_version]));
  return new Map(rows.filter((v) => current.get(v.document_id) === v.number).map((v) => [v.document_id, v]));
}

/**
 * Documents matching a search, only in folders the actor may read: every term of `q` must appear in the
 * folded name, description, tags or file name; filters by folder, type, retention class and site.
 */
export async function searchDocuments(ctx: Ctx, scope: Scope, query: TDocumentSearch) {
  const db = ctx.database.db;
  const tree = await FolderTree.load(db, scope, ctx.actor as Actor);
  let folders = tree.readableIds();
  if (query.folderId) folders = folders.filter((id) => id === query.folderId);
  if (query.siteId) folders = folders.filter((id) => tree.effective(id).siteId === query.siteId);
  if (!folders.length) return { items: [] };
  let q = tenant
    .selectFrom(db, scope, 'archive_documents')
    .selectAll()
    .where((eb) => {
      const inFolders = eb('folder_id', 'in', folders);
      // A few of many folders: SQLite (no planner statistics) would walk archive_documents_recent for its
      // order; likelihood() (no effect on the result) tells it the filter is selective, so it seeks by folder.
      const few = ctx.database.dialect === 'sqlite' && folders.length * 2 < tree.rows.size;
      return few ? sql<SqlBool>`likelihood(${inFolders}, 0.05)` : inFolders;
    });
  if (query.type) q = q.where('doc_type', '=', query.type);
  if (query.retention) q = q.where('retention', '=', query.retention);
  // Terms are letters and digits only (searchTerms), so they hold no LIKE wildcard.
  for (const term of searchTerms(query.q ?? '')) q = q.where('search_text', 'like', `%${term}%`);
  const docs = await q.orderBy('updated_at', 'desc').orderBy('id').limit(SEARCH_LIMIT).execute();
  const current = await currentVersions(db, scope, docs);
  return { items: docs.map((d) => presentDocument(tree, d, current.get(d.id))) };
}

/** One document the actor may read (404 otherwise), its folder tree, and all its versions (newest first). */
export async function loadDocument(db: Kdb, scope: Scope, actor: Actor, id: string) {
  const tree = await FolderTree.load(db, scope, actor);
  const doc = await tenant.selectFrom(db, scope, 'archive_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc || !tree.canRead(doc.folder_id)) throw notFound();
  const versions = await tenant
    .selectFrom(db, scope, 'archive_versions')
    .selectAll()
    .where('document_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return { tree, doc, versions };
}

export async function getDocument(ctx: Ctx, scope: Scope, id: string) {
  const { tree, doc, versions } = await loadDocument(ctx.database.db, scope, ctx.actor as Actor, id);
  const current = versions.find((v) => v.number === doc.current_version);
  return { ...presentDocument(tree, doc, current), versions: versions.map(presentVersion) };
}
