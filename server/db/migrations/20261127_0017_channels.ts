import { type CreateTableBuilder, sql } from 'kysely';
import { type AnyDb, columnTypes, type Dialect, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: builder generics are irrelevant here
type Table = CreateTableBuilder<any, any>;

const TABLES = ['channels', 'channel_members', 'messages', 'message_revisions', 'message_search'] as const;
const TRIGGERS = ['message_search_ai', 'message_search_ad', 'message_search_au'];

/**
 * Chat channels (server/modules/channels): channels of a site, a team or a topic, their members with
 * read markers, messages (Markdown, threads by `thread_root_id`), the revisions every edit and deletion
 * keep, and the full-text index `message_search` built like `kb_search` (FTS5 external content on
 * SQLite, a `relais_fr` tsvector under GIN on PostgreSQL).
 */
export const channels: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  const org = (b: Table) =>
    b.addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));
  const up = async (db: AnyDb) => {
    await org(db.schema.createTable('channels').addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.references('sites.id').onDelete('set null'))
      .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('private', t.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('urgent', t.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('archived', t.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('channels_org').on('channels').columns(['organization_id', 'name']).execute();
    await org(db.schema.createTable('channel_members').addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('joined_at', t.ts, (c) => c.notNull())
      .addColumn('last_read_at', t.ts)
      .addColumn('last_read_message_id', 'text')
      .addColumn('muted', t.bool, (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('channel_members_one', ['channel_id', 'user_id'])
      .execute();
    await db.schema.createIndex('channel_members_user').on('channel_members').column('user_id').execute();
    await org(db.schema.createTable('messages').addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('thread_root_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
      .addColumn('urgent', t.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('edited_at', t.ts)
      .addColumn('deleted_at', t.ts)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('messages_channel').on('messages').columns(['channel_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('messages_thread').on('messages').columns(['thread_root_id', 'created_at']).execute();
    await org(db.schema.createTable('message_revisions').addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('editor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('message_revisions_message').on('message_revisions').column('message_id').execute();
    await searchTable(db, dialect);
  };
  return {
    up,
    async down(db: AnyDb) {
      if (dialect === 'sqlite') {
        for (const trigger of TRIGGERS) await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
        await sql`drop table if exists message_search_fts`.execute(db);
      }
      for (const table of [...TABLES].reverse()) await db.schema.dropTable(table).ifExists().execute();
    },
  };
};

/** `message_search`: one row per live message (plain text of its Markdown), indexed per dialect like kb_search. */
async function searchTable(db: AnyDb, dialect: Dialect) {
  let table = db.schema.createTable('message_search');
  if (dialect === 'sqlite') table = table.addColumn('id', 'integer', (c) => c.primaryKey());
  table = table
    .addColumn('message_id', 'text', (c) => {
      const col = c.notNull().references('messages.id').onDelete('cascade');
      return dialect === 'postgres' ? col.primaryKey() : col.unique();
    })
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('body_text', 'text', (c) => c.notNull());
  if (dialect === 'postgres') table = table.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
  await table.execute();
  await db.schema.createIndex('message_search_org').on('message_search').columns(['organization_id', 'channel_id']).execute();
  if (dialect === 'postgres') {
    await db.schema.createIndex('message_search_tsv').on('message_search').using('gin').column('tsv').execute();
    return;
  }
  await sql`create virtual table message_search_fts using fts5(body_text,
    content = 'message_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  const insert = sql`insert into message_search_fts (rowid, body_text) values (new.id, new.body_text);`;
  const remove = sql`insert into message_search_fts (message_search_fts, rowid, body_text) values ('delete', old.id, old.body_text);`;
  await sql`create trigger message_search_ai after insert on message_search begin ${insert} end`.execute(db);
  await sql`create trigger message_search_ad after delete on message_search begin ${remove} end`.execute(db);
  await sql`create trigger message_search_au after update on message_search begin ${remove} ${insert} end`.execute(db);
}
