/**
 * The archive part of the portal benchmark's data (bench/portal-data.ts): ~200 folders (per site a root
 * open to its requesters, per theme a staff root, themed subfolders) and document metadata with one
 * version each, all versions pointing at a few real stored PDFs.
 */
import { Readable } from 'node:stream';
import type { Database } from '../server/db/database.ts';
import { searchTextOf } from '../server/modules/archive/documents.read.ts';
import type { Storage } from '../server/platform/storage.ts';
import { tinyPdf } from '../server/seed/demo-archive.ts';
import { columns, insertRows, type Row } from './bulk.ts';
import { DAY_MS, idAt, type Random, Weighted } from './gen-random.ts';
import { docMeta, fileNameOf, SUBFOLDERS } from './portal-words.ts';

/** What the archive rows refer to (see `references` in portal-data.ts). */
export interface ArchiveRefs {
  orgId: string;
  sites: string[];
  requester: { site_id: string | null };
  assistant: { id: string };
  coordinator: { id: string };
}

const FOLDER_COLUMNS = columns(
  'id organization_id parent_id name site_id permissions:jsonb created_at:ts updated_at:ts version:int',
);
const DOC_COLUMNS = columns(
  'id organization_id folder_id name doc_type retention description tags:jsonb search_text current_version:int ' +
    'created_by_id updated_by_id created_at:ts updated_at:ts version:int',
);
const VERSION_COLUMNS = columns(
  'id organization_id document_id number:int storage_key size:int sha256 content_type file_name uploaded_by_id created_at:ts',
);

const STAFF = ['assistant', 'coordinator', 'org_admin', 'external_agent', 'executive'];
const iso = (ms: number) => new Date(ms).toISOString();

/** Folders: per site a root open to its requesters, per theme a staff root, each with themed subfolders. */
function folderRows(refs: ArchiveRefs, rnd: Random, total: number, now: number) {
  const rows: Row[] = [];
  const leaves: { id: string; siteId: string | null }[] = [];
  const roots = [
    ...refs.sites.map((siteId) => ({ name: 'Documents du site', siteId })),
    ...['Groupe — administratif', 'Groupe — finances', 'Groupe — immobilier', 'Groupe — achats'].map((name) => ({
      name,
      siteId: null,
    })),
  ];
  const per = Math.max(1, Math.floor(total / roots.length) - 1);
  for (const root of roots) {
    const rootId = idAt(now - 900 * DAY_MS, rnd);
    const permissions = root.siteId
      ? {
          readRoles: ['requester', ...STAFF],
          writeRoles: ['assistant', 'coordinator', 'org_admin'],
          readTeams: [],
          writeTeams: [],
        }
      : null;
    rows.push([
      rootId,
      refs.orgId,
      null,
      root.name,
      root.siteId,
      permissions && JSON.stringify(permissions),
      iso(now),
      iso(now),
      1,
    ]);
    leaves.push({ id: rootId, siteId: root.siteId });
    for (let i = 0; i < per; i++) {
      const id = idAt(now - 900 * DAY_MS, rnd);
      const name = `${SUBFOLDERS[i % SUBFOLDERS.length]}${i >= SUBFOLDERS.length ? ` (${Math.floor(i / SUBFOLDERS.length) + 1})` : ''}`;
      rows.push([id, refs.orgId, rootId, name, null, null, iso(now), iso(now), 1]);
      leaves.push({ id, siteId: root.siteId });
    }
  }
  return { rows, leaves };
}

/** Stores a few real small PDFs: every generated version points at one of them. */
export async function storedFiles(storage: Storage) {
  const out = [];
  for (const title of ['Contrat type', 'Facture type', 'Attestation type', 'Procedure type', 'Courrier type']) {
    const bytes = tinyPdf([title, 'Groupe Horizon - banc du portail']);
    out.push(await storage.put(Readable.from([bytes])));
  }
  return out;
}

/** Inserts the archive folders and documents (one version each), 5 000 documents per transaction. */
export async function fillArchive(
  database: Database,
  refs: ArchiveRefs,
  rnd: Random,
  options: { folders: number; documents: number },
  files: { key: string; size: number; sha256: string }[],
  now: number,
) {
  const d = database.dialect;
  const { rows: folders, leaves } = folderRows(refs, rnd, options.folders, now);
  await insertRows(database.db, d, 'archive_folders', FOLDER_COLUMNS, folders);
  // A few busy folders (invoices, mail) hold most documents.
  const weighted = new Weighted(leaves.map((l, i) => [l, i % 5 === 1 ? 6 : 1] as [typeof l, number]));
  const authors = [refs.assistant.id, refs.coordinator.id];
  for (let start = 0; start < options.documents; start += 5000) {
    const docs: Row[] = [];
    const versions: Row[] = [];
    for (let n = start; n < Math.min(options.documents, start + 5000); n++) {
      const created = now - rnd.int(1, 1000) * DAY_MS + rnd.int(0, DAY_MS);
      const id = idAt(created, rnd);
      const meta = docMeta(rnd);
      const fileName = fileNameOf(meta.name, 'pdf');
      const file = rnd.pick(files);
      const by = rnd.pick(authors);
      const search = searchTextOf(meta, fileName);
      docs.push([
        id,
        refs.orgId,
        weighted.pick(rnd).id,
        meta.name,
        meta.type,
        meta.retention,
        meta.description,
        JSON.stringify(meta.tags),
        search,
        1,
        by,
        by,
        iso(created),
        iso(created),
        1,
      ]);
      versions.push([
        idAt(created, rnd),
        refs.orgId,
        id,
        1,
        file.key,
        file.size,
        file.sha256,
        'application/pdf',
        fileName,
        by,
        iso(created),
      ]);
    }
    await database.db.transaction().execute(async (trx) => {
      await insertRows(trx, d, 'archive_documents', DOC_COLUMNS, docs);
      await insertRows(trx, d, 'archive_versions', VERSION_COLUMNS, versions);
    });
  }
  const site = refs.requester.site_id;
  return { requester: leaves.filter((l) => l.siteId === site).map((l) => l.id), staff: leaves.map((l) => l.id) };
}
