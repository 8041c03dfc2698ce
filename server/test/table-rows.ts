/**
 * Every row of every table of a database, ordered by primary key (all columns when there is none), read with
 * the raw driver: two databases of the same dialect holding the same data give deep-equal results.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { TestDialect } from './database.ts';

export type Rows = Record<string, unknown>[];

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

function sqliteTables(file: string): Record<string, Rows> {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const names = db
      .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name")
      .pluck()
      .all() as string[];
    const out: Record<string, Rows> = {};
    for (const n of names) {
      const cols = db.prepare(`select name, pk from pragma_table_info(?)`).all(n) as { name: string; pk: number }[];
      const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const order = (pk.length ? pk : cols).map((c) => q(c.name)).join(', ');
      out[n] = db.prepare(`select * from ${q(n)} order by ${order}`).all() as Rows;
    }
    return out;
  } finally {
    db.close();
  }
}

async function postgresTables(url: string): Promise<Record<string, Rows>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = (
      await client.query<{ n: string }>("select tablename as n from pg_tables where schemaname = 'public' order by tablename")
    ).rows.map((r) => r.n);
    const out: Record<string, Rows> = {};
    for (const n of names) {
      const pk = await client.query<{ c: string }>(
        `select a.attname as c from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
         where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
        [`public.${q(n)}`],
      );
      const order = pk.rows.length ? pk.rows.map((r) => q(r.c)).join(', ') : `${q(n)}::text`;
      out[n] = (await client.query(`select * from public.${q(n)} order by ${order}`)).rows;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** `url` is a DATABASE_URL (`sqlite:<file>` or `postgres://…`). */
export async function readTables(dialect: TestDialect, url: string): Promise<Record<string, Rows>> {
  return dialect === 'sqlite' ? sqliteTables(url.slice('sqlite:'.length)) : postgresTables(url);
}
