import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Files posted in chat channels (issue 5): uploaded to a channel first (pending: `message_id` null, owned by
 * its uploader, removed after 24 h when never posted), then bound to the message that carries them. The
 * bytes live in the storage interface under `storage_key`, like request attachments.
 */
export const messageFiles: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('message_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
        .addColumn('uploaded_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('message_files_message').on('message_files').column('message_id').execute();
      await db.schema
        .createIndex('message_files_pending')
        .on('message_files')
        .columns(['channel_id', 'uploaded_by_id', 'created_at'])
        .execute();
      await db.schema.createIndex('messages_request').on('messages').column('request_id').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('messages_request').ifExists().execute();
      await db.schema.dropTable('message_files').ifExists().execute();
    },
  };
};
