import { sql } from 'kysely';
import type { AnyDb, MigrationFactory } from './types.ts';

/** The indexed fields of a request, in FTS5 column order (see server/modules/search/request-index.ts). */
const FIELDS = ['ref_text', 'title_text', 'body_text', 'reply_text', 'note_text'] as const;

/**
 * Full-text search of requests. One table `request_search` holds each request's searchable text (one
 * row per request, filled by the search module on every write): reference, title, public text, public
 * replies, internal notes. SQLite indexes it with an FTS5 external-content table kept in step by
 * triggers (accents folded by unicode61, prefix indexes for short prefixes). PostgreSQL keeps a
 * weighted tsvector in the same row (written by the app, since unaccent is not IMMUTABLE) under a GIN
 * index, with the `relais_fr` configuration: French stemming after unaccent, reusable by other indexes.
 */
export const search: MigrationFactory = (dialect) => ({
  async up(db: AnyDb) {
    if (dialect === 'postgres') {
      await sql`create extension if not exists unaccent`.execute(db);
      await sql`create text search configuration relais_fr (copy = french)`.execute(db);
      await sql`alter text search configuration relais_fr
        alter mapping for hword, hword_part, word with unaccent, french_stem`.execute(db);
      await sql`alter text search configuration relais_fr
        alter mapping for numword, numhword, hword_numpart with unaccent, simple`.execute(db);
    }
    let table = db.schema.createTable('request_search');
    if (dialect === 'sqlite') table = table.addColumn('id', 'integer', (c) => c.primaryKey());
    table = table
      .addColumn('request_id', 'text', (c) => {
        const col = c.notNull().references('requests.id').onDelete('cascade');
        return dialect === 'postgres' ? col.primaryKey() : col.unique();
      })
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));
    for (const field of FIELDS) table = table.addColumn(field, 'text', (c) => c.notNull());
    if (dialect === 'postgres') table = table.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
    await table.execute();
    await db.schema.createIndex('request_search_org').on('request_search').column('organization_id').execute();
    if (dialect === 'postgres') {
      await db.schema.createIndex('request_search_tsv').on('request_search').using('gin').column('tsv').execute();
      return;
    }
    await sqliteFts(db);
  },
  async down(db: AnyDb) {
    if (dialect === 'sqlite') {
      for (const trigger of ['request_search_ai', 'request_search_ad', 'request_search_au'])
        await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
      await sql`drop table if exists request_search_fts`.execute(db);
    }
    await db.schema.dropTable('request_search').ifExists().execute();
    if (dialect === 'postgres') {
      await sql`drop text search configuration if exists relais_fr`.execute(db);
      await sql`drop extension if exists unaccent`.execute(db);
    }
  },
});

/** The FTS5 index over request_search (external content: the text is stored once) and its triggers. */
async function sqliteFts(db: AnyDb) {
  const cols = sql.raw(FIELDS.join(', '));
  const newValues = sql.raw(FIELDS.map((f) => `new.${f}`).join(', '));
  const oldValues = sql.raw(FIELDS.map((f) => `old.${f}`).join(', '));
  await sql`create virtual table request_search_fts using fts5(${cols},
    content = 'request_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  const insert = sql`insert into request_search_fts (rowid, ${cols}) values (new.id, ${newValues});`;
  const remove = sql`insert into request_search_fts (request_search_fts, rowid, ${cols}) values ('delete', old.id, ${oldValues});`;
  await sql`create trigger request_search_ai after insert on request_search begin ${insert} end`.execute(db);
  await sql`create trigger request_search_ad after delete on request_search begin ${remove} end`.execute(db);
  await sql`create trigger request_search_au after update on request_search begin ${remove} ${insert} end`.execute(db);
}
