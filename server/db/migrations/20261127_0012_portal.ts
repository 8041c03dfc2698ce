import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema types
type Table = CreateTableBuilder<any, any>;

/**
 * The requester portal: the coordinator's announcements (audience by site, publication window) and the
 * self-help deflection events recorded while a requester writes a request (one row per session, kind and
 * article, so a retried event is stored once).
 */
export const portal: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  const org = (b: Table) =>
    b
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));
  return {
    async up(db: AnyDb) {
      await org(db.schema.createTable('announcements'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('audience_site_ids', t.json, (c) => c.notNull())
        .addColumn('starts_at', t.ts, (c) => c.notNull())
        .addColumn('ends_at', t.ts)
        .addColumn('pinned', t.bool, (c) => c.notNull().defaultTo(false))
        .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('announcements_window').on('announcements').columns(['organization_id', 'starts_at']).execute();
      await org(db.schema.createTable('deflection_events'))
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('site_id', 'text', (c) => c.references('sites.id').onDelete('set null'))
        .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('set null'))
        .addColumn('kind', 'text', (c) => c.notNull())
        /** '' when the event names no article (the unique key below must not hold a NULL). */
        .addColumn('article_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('deflection_events_once')
        .on('deflection_events')
        .columns(['organization_id', 'session_id', 'kind', 'article_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('deflection_events_time')
        .on('deflection_events')
        .columns(['organization_id', 'created_at'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('deflection_events').execute();
      await db.schema.dropTable('announcements').execute();
    },
  };
};
