import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Mail for Relais hosted elsewhere, polled over IMAP (server/modules/mail/mail.imap.ts): one row per mailbox
 * (server, encrypted password, folder, what to do with a processed message, the inbound address it feeds,
 * the poller's lease, the last poll and its error). And the Message-IDs of the mails Relais sent about a
 * request, so a reply naming one in In-Reply-To / References threads into that request.
 */
export const imap: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('imap_mailboxes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('address_id', 'text', (c) => c.notNull().references('mail_addresses.id').onDelete('cascade'))
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('port', 'integer', (c) => c.notNull())
        .addColumn('tls', t.bool, (c) => c.notNull().defaultTo(true))
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('password_encrypted', 'text', (c) => c.notNull())
        .addColumn('folder', 'text', (c) => c.notNull().defaultTo('INBOX'))
        .addColumn('after_action', 'text', (c) => c.notNull().defaultTo('flag'))
        .addColumn('enabled', t.bool, (c) => c.notNull().defaultTo(true))
        .addColumn('poll_claim', 'text')
        .addColumn('poll_claimed_at', t.ts)
        .addColumn('last_polled_at', t.ts)
        .addColumn('last_error', 'text')
        .addColumn('last_error_code', 'text')
        .addColumn('last_imported', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('imap_mailboxes_org').on('imap_mailboxes').columns(['organization_id']).execute();
      await db.schema
        .createTable('outbound_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('outbound_messages_org_message', ['organization_id', 'message_id'])
        .execute();
      await db.schema
        .createIndex('inbound_messages_processing')
        .on('inbound_messages')
        .columns(['status', 'updated_at'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('inbound_messages_processing').execute();
      await db.schema.dropTable('outbound_messages').execute();
      await db.schema.dropTable('imap_mailboxes').execute();
    },
  };
};
