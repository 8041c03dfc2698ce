import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: schema-builder helper, independent of the current schema types
type Table = CreateTableBuilder<any, any>;

/**
 * The shared document archive: nested folders per organisation (optionally bound to a site and a
 * function) with their own or inherited permissions, documents with metadata and a folded search
 * column, and every version of a document's bytes (storage key, size, SHA-256, sniffed type).
 */
export const archive: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  const org = (b: Table) =>
    b
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));
  const stamps = (b: Table) =>
    b
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
  return {
    async up(db: AnyDb) {
      await stamps(
        org(db.schema.createTable('archive_folders'))
          .addColumn('parent_id', 'text', (c) => c.references('archive_folders.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('site_id', 'text', (c) => c.references('sites.id').onDelete('set null'))
          .addColumn('function_id', 'text', (c) => c.references('functions.id').onDelete('set null'))
          .addColumn('permissions', t.json),
      ).execute();
      await db.schema
        .createIndex('archive_folders_parent')
        .on('archive_folders')
        .columns(['organization_id', 'parent_id'])
        .execute();
      await stamps(
        org(db.schema.createTable('archive_documents'))
          .addColumn('folder_id', 'text', (c) => c.notNull().references('archive_folders.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('doc_type', 'text', (c) => c.notNull())
          .addColumn('retention', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('tags', t.json, (c) => c.notNull())
          .addColumn('search_text', 'text', (c) => c.notNull())
          .addColumn('current_version', 'integer', (c) => c.notNull())
          .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
          .addColumn('updated_by_id', 'text', (c) => c.references('users.id')),
      ).execute();
      await db.schema
        .createIndex('archive_documents_folder')
        .on('archive_documents')
        .columns(['organization_id', 'folder_id', 'updated_at'])
        .execute();
      await org(db.schema.createTable('archive_versions'))
        .addColumn('document_id', 'text', (c) => c.notNull().references('archive_documents.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('uploaded_by_id', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('archive_versions_number', ['document_id', 'number'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('archive_versions').execute();
      await db.schema.dropTable('archive_documents').execute();
      await db.schema.dropTable('archive_folders').execute();
    },
  };
};
