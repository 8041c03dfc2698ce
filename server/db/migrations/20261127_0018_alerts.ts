import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Urgent alerts (server/modules/channels/alerts.*): one row per urgent root message, repeated to its
 * targets every `alert_repeat_minutes` until someone acknowledges it, escalated to the coordinators after
 * `alert_escalate_minutes`. `claim` / `claimed_at` are the lease a scheduler tick takes on a due alert so
 * that two ticks (or two nodes) never repeat it twice.
 */
export const alerts: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('organizations')
        .addColumn('alert_repeat_minutes', 'integer', (c) => c.notNull().defaultTo(5))
        .execute();
      await db.schema
        .alterTable('organizations')
        .addColumn('alert_escalate_minutes', 'integer', (c) => c.notNull().defaultTo(15))
        .execute();
      await db.schema
        .createTable('message_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('message_id', 'text', (c) => c.notNull().unique().references('messages.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('targets', t.json, (c) => c.notNull())
        .addColumn('repeats', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('next_repeat_at', t.ts)
        .addColumn('escalate_at', t.ts)
        .addColumn('escalated_at', t.ts)
        .addColumn('acknowledged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('acknowledged_at', t.ts)
        .addColumn('claim', 'text')
        .addColumn('claimed_at', t.ts)
        .execute();
      await db.schema
        .createIndex('message_alerts_due')
        .on('message_alerts')
        .columns(['acknowledged_at', 'next_repeat_at'])
        .execute();
      await db.schema
        .createIndex('message_alerts_org')
        .on('message_alerts')
        .columns(['organization_id', 'acknowledged_at', 'created_at'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('message_alerts').execute();
      await db.schema.alterTable('organizations').dropColumn('alert_escalate_minutes').execute();
      await db.schema.alterTable('organizations').dropColumn('alert_repeat_minutes').execute();
    },
  };
};
