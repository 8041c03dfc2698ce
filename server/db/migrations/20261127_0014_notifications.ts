import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Notifications (server/modules/notifications): one row per recipient with its mail outbox state
 * (`mail_state` pending | digest | sent | none, due instant, claim token and lease), and the per-user
 * e-mail preferences (mode per type, quiet hours).
 */
export const notifications: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('params', t.json, (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('urgent', t.bool, (c) => c.notNull().defaultTo(false))
        .addColumn('actor_id', 'text')
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('read_at', t.ts)
        .addColumn('pushed_at', t.ts)
        .addColumn('mail_state', 'text', (c) => c.notNull())
        .addColumn('mail_due_at', t.ts)
        .addColumn('mail_claim', 'text')
        .addColumn('mail_claimed_at', t.ts)
        .addColumn('mail_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('mailed_at', t.ts)
        .execute();
      await db.schema
        .createIndex('notifications_user')
        .on('notifications')
        .columns(['organization_id', 'user_id', 'created_at'])
        .execute();
      await db.schema.createIndex('notifications_outbox').on('notifications').columns(['mail_state', 'mail_due_at']).execute();
      await db.schema
        .createTable('notification_settings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('modes', t.json, (c) => c.notNull())
        .addColumn('quiet_start', 'text')
        .addColumn('quiet_end', 'text')
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addUniqueConstraint('notification_settings_user', ['organization_id', 'user_id'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('notification_settings').execute();
      await db.schema.dropTable('notifications').execute();
    },
  };
};
