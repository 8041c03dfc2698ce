import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Inbound e-mail gateway (server/modules/mail): the addresses an organisation receives requests on (unique
 * platform-wide, a service for new requests, optionally a team), the policy for unknown senders, and one row
 * per received message (unique Message-ID per organisation: the same mail delivered again makes nothing new).
 */
export const mailInbound: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('organizations')
        .addColumn('mail_unknown_sender', 'text', (c) => c.notNull().defaultTo('hold'))
        .execute();
      await db.schema
        .createTable('mail_addresses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('address', 'text', (c) => c.notNull().unique())
        .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('inbound_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('from_address', 'text', (c) => c.notNull())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('request_id', 'text')
        .addColumn('raw_key', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('received_at', t.ts, (c) => c.notNull())
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('inbound_messages_org_message', ['organization_id', 'message_id'])
        .execute();
      await db.schema
        .createIndex('inbound_messages_sender')
        .on('inbound_messages')
        .columns(['organization_id', 'from_address', 'received_at'])
        .execute();
      await db.schema
        .createIndex('inbound_messages_status')
        .on('inbound_messages')
        .columns(['organization_id', 'status', 'received_at'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('inbound_messages').execute();
      await db.schema.dropTable('mail_addresses').execute();
      await db.schema.alterTable('organizations').dropColumn('mail_unknown_sender').execute();
    },
  };
};
