import { type CreateTableBuilder, sql } from 'kysely';
import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: builder generics are irrelevant here
type Table = CreateTableBuilder<any, any>;

/** Tables of the knowledge base, dropped in reverse order by `down`. */
const TABLES = [
  'kb_templates',
  'kb_template_articles',
  'kb_spaces',
  'kb_articles',
  'kb_article_targets',
  'kb_article_services',
  'kb_revisions',
  'kb_votes',
  'kb_views',
  'kb_search',
] as const;

/**
 * The knowledge base (server/modules/kb): provider-wide template spaces (no organization_id, read by
 * every organisation and copied on demand), an organisation's spaces and articles with their audience
 * (`audience` JSON as sent, `audience_kind` + `kb_article_targets` rows so the audience is filtered in
 * SQL), revisions, votes, views (one per user per hour) and the full-text index `kb_search`, built like
 * `request_search`: FTS5 external content kept by triggers on SQLite, a weighted `relais_fr` tsvector
 * under GIN on PostgreSQL. `review_on` is a plain date (YYYY-MM-DD), not a timestamp.
 */
export const kb: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  const org = (b: Table) =>
    b.addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));
  const article = (b: Table) =>
    org(b).addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'));
  const stamps = (b: Table) =>
    b
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
  /** Provider-wide template spaces and their articles (no organisation). */
  const templates = async (db: AnyDb) => {
    await db.schema
      .createTable('kb_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('kb_template_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('template_id', 'text', (c) => c.notNull().references('kb_templates.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  };
  /** Spaces and articles, with the indexes of lists and of the review watch. */
  const articles = async (db: AnyDb) => {
    await stamps(
      org(db.schema.createTable('kb_spaces').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('template_of', 'text', (c) => c.references('kb_templates.id').onDelete('set null')),
    ).execute();
    await stamps(
      org(db.schema.createTable('kb_articles').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('space_id', 'text', (c) => c.notNull().references('kb_spaces.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('audience', t.json, (c) => c.notNull())
        .addColumn('audience_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('review_on', 'text')
        .addColumn('review_notified_at', t.ts)
        .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('source_request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
        .addColumn('published_at', t.ts)
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null')),
    ).execute();
    await db.schema.createIndex('kb_articles_org_status').on('kb_articles').columns(['organization_id', 'status']).execute();
    await db.schema.createIndex('kb_articles_review').on('kb_articles').columns(['status', 'review_on']).execute();
    await db.schema.createIndex('kb_articles_space').on('kb_articles').column('space_id').execute();
  };
  /** Audience targets, linked services and revisions. */
  const links = async (db: AnyDb) => {
    await article(db.schema.createTable('kb_article_targets'))
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_targets_pk', ['article_id', 'target_id'])
      .execute();
    await article(db.schema.createTable('kb_article_services'))
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('kb_article_services_pk', ['article_id', 'service_id'])
      .execute();
    await db.schema.createIndex('kb_article_services_service').on('kb_article_services').column('service_id').execute();
    await article(db.schema.createTable('kb_revisions').addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('note', 'text')
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addUniqueConstraint('kb_revisions_number', ['article_id', 'number'])
      .execute();
  };
  /** One vote and one view row per user and article. */
  const engagement = async (db: AnyDb) => {
    await article(db.schema.createTable('kb_votes'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('helpful', t.bool, (c) => c.notNull())
      .addColumn('created_at', t.ts, (c) => c.notNull())
      .addColumn('updated_at', t.ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_votes_pk', ['article_id', 'user_id'])
      .execute();
    await article(db.schema.createTable('kb_views'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('viewed_at', t.ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_views_pk', ['article_id', 'user_id'])
      .execute();
  };
  return {
    async up(db: AnyDb) {
      for (const step of [templates, articles, links, engagement]) await step(db);
      await searchTable(db, dialect);
    },
    async down(db: AnyDb) {
      if (dialect === 'sqlite') {
        for (const trigger of ['kb_search_ai', 'kb_search_ad', 'kb_search_au'])
          await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
        await sql`drop table if exists kb_search_fts`.execute(db);
      }
      for (const table of [...TABLES].reverse()) await db.schema.dropTable(table).ifExists().execute();
    },
  };
};

/** `kb_search`: one row per article (title and plain body text), indexed per dialect like request_search. */
async function searchTable(db: AnyDb, dialect: 'sqlite' | 'postgres') {
  let table = db.schema.createTable('kb_search');
  if (dialect === 'sqlite') table = table.addColumn('id', 'integer', (c) => c.primaryKey());
  table = table
    .addColumn('article_id', 'text', (c) => {
      const col = c.notNull().references('kb_articles.id').onDelete('cascade');
      return dialect === 'postgres' ? col.primaryKey() : col.unique();
    })
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('title_text', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull());
  if (dialect === 'postgres') table = table.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
  await table.execute();
  await db.schema.createIndex('kb_search_org').on('kb_search').column('organization_id').execute();
  if (dialect === 'postgres') {
    await db.schema.createIndex('kb_search_tsv').on('kb_search').using('gin').column('tsv').execute();
    return;
  }
  await sql`create virtual table kb_search_fts using fts5(title_text, body_text,
    content = 'kb_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  const insert = sql`insert into kb_search_fts (rowid, title_text, body_text) values (new.id, new.title_text, new.body_text);`;
  const remove = sql`insert into kb_search_fts (kb_search_fts, rowid, title_text, body_text) values ('delete', old.id, old.title_text, old.body_text);`;
  await sql`create trigger kb_search_ai after insert on kb_search begin ${insert} end`.execute(db);
  await sql`create trigger kb_search_ad after delete on kb_search begin ${remove} end`.execute(db);
  await sql`create trigger kb_search_au after update on kb_search begin ${remove} ${insert} end`.execute(db);
}
