import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Satisfaction surveys (server/modules/csat): one survey per resolved request with a snapshot of who and
 * where (team, site, service, assistant, requester) for the aggregates, the hashed link token, the mail
 * outbox state and the rating; and the per-service switch `services.csat_enabled`.
 */
export const csat: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('services')
        .addColumn('csat_enabled', t.bool, (c) => c.notNull().defaultTo(true))
        .execute();
      await db.schema
        .createTable('csat_surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('request_id', 'text', (c) => c.notNull().unique().references('requests.id').onDelete('cascade'))
        .addColumn('service_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('site_id', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('requester_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('closes_at', t.ts, (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('mail_claimed_at', t.ts)
        .addColumn('mail_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('mailed_at', t.ts)
        .addColumn('score', 'integer')
        .addColumn('comment', 'text')
        .addColumn('rated_at', t.ts)
        .addColumn('rated_via', 'text')
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('csat_surveys_org_created')
        .on('csat_surveys')
        .columns(['organization_id', 'created_at'])
        .execute();
      await db.schema.createIndex('csat_surveys_outbox').on('csat_surveys').columns(['mailed_at', 'created_at']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('csat_surveys').execute();
      await db.schema.alterTable('services').dropColumn('csat_enabled').execute();
    },
  };
};
