/**
 * The database side of `npm run backup` / `npm run restore`: a consistent snapshot (SQLite online backup API,
 * `pg_dump` on an exported snapshot), row counts read in that same snapshot, emptiness checks and `pg_restore`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/** A failure the CLI prints as is (French, no stack) before exiting with 1. */
export class CliError extends Error {}

export interface DbSnapshot {
  /** Where the artefact was written (inside the work directory). */
  file: string;
  /** Its name inside the archive. */
  entry: string;
  tables: Record<string, number>;
  migration: string | null;
}

export const SQLITE_ENTRY = 'database/relais.db';
export const PG_ENTRY = 'database/relais.dump';

export function sqlitePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.slice('sqlite:'.length));
}

function sqliteCounts(db: SQLite.Database): { tables: Record<string, number>; migration: string | null } {
  const names = db
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name")
    .pluck()
    .all() as string[];
  const tables: Record<string, number> = {};
  for (const n of names)
    tables[n] = Number(
      db
        .prepare(`select count(*) from "${n.replaceAll('"', '""')}"`)
        .pluck()
        .get(),
    );
  const migration = names.includes('kysely_migration')
    ? ((db.prepare('select max(name) from kysely_migration').pluck().get() as string | null) ?? null)
    : null;
  return { tables, migration };
}

/**
 * SQLite online backup of the live database (other connections may keep writing): all pages are copied in one
 * step, so in one read transaction; the copy is then switched to a self-contained rollback-journal file.
 */
export async function snapshotSqlite(databaseUrl: string, workDir: string): Promise<DbSnapshot> {
  const source = sqlitePath(databaseUrl);
  if (!existsSync(source)) throw new CliError(`Base SQLite introuvable\u00a0: ${source}`);
  const file = path.join(workDir, 'relais.db');
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 10000');
    await live.backup(file, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new SQLite(file);
  try {
    copy.pragma('journal_mode = DELETE');
    return { file, entry: SQLITE_ENTRY, ...sqliteCounts(copy) };
  } finally {
    copy.close();
  }
}

/** Row counts of a SQLite database file (after a restore). */
export function sqliteFileCounts(file: string): { tables: Record<string, number>; migration: string | null } {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    return sqliteCounts(db);
  } finally {
    db.close();
  }
}

/** The connection string without its password, which goes to the child through PGPASSWORD instead. */
function pgTarget(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env };
}

/** Runs a PostgreSQL client tool; a missing binary or a failure becomes a CliError with its message. */
export function runPgTool(tool: string, args: string[], url?: string): Promise<void> {
  const target = url ? pgTarget(url) : { url: '', env: process.env };
  const all = url ? [...args, `--dbname=${target.url}`] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(tool, all, { env: target.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          err.code === 'ENOENT'
            ? `${path.basename(tool)} introuvable\u00a0: installez le client PostgreSQL (paquet postgresql-client, même version majeure que le serveur).`
            : `${path.basename(tool)} n’a pas pu être lancé\u00a0: ${err.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new CliError(`${path.basename(tool)} a échoué (code ${code})\u00a0: ${stderr.trim().split('\n').slice(-3).join(' ')}`),
        );
    });
  });
}

/** Connects, or explains in French why the database is unreachable. */
export async function pgConnect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw new CliError(`Base PostgreSQL injoignable\u00a0: ${(err as Error).message || (err as { code?: string }).code}`);
  }
  return client;
}

async function pgCounts(client: pg.Client): Promise<{ tables: Record<string, number>; migration: string | null }> {
  const names = (
    await client.query<{ n: string }>("select tablename as n from pg_tables where schemaname = 'public' order by tablename")
  ).rows.map((r) => r.n);
  const tables: Record<string, number> = {};
  for (const n of names) {
    const r = await client.query<{ c: string }>(`select count(*) as c from public."${n.replaceAll('"', '""')}"`);
    tables[n] = Number(r.rows[0].c);
  }
  const migration = names.includes('kysely_migration')
    ? ((await client.query<{ m: string | null }>('select max(name) as m from kysely_migration')).rows[0].m ?? null)
    : null;
  return { tables, migration };
}

/**
 * `pg_dump --format=custom` on a snapshot exported by a repeatable-read transaction: the row counts of the
 * manifest are read in that same transaction, so they describe exactly what the dump holds.
 */
export async function snapshotPostgres(url: string, workDir: string, pgDump = 'pg_dump'): Promise<DbSnapshot> {
  await runPgTool(pgDump, ['--version']);
  const file = path.join(workDir, 'relais.dump');
  const client = await pgConnect(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0].id;
    const counts = await pgCounts(client);
    await runPgTool(pgDump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, '--no-password'], url);
    await client.query('commit');
    return { file, entry: PG_ENTRY, ...counts };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Row counts of a PostgreSQL database (after a restore); zero tables means an empty target. */
export async function postgresCounts(url: string): Promise<{ tables: Record<string, number>; migration: string | null }> {
  const client = await pgConnect(url);
  try {
    return await pgCounts(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function postgresTableCount(url: string): Promise<number> {
  const client = await pgConnect(url);
  try {
    const r = await client.query<{ c: string }>("select count(*) as c from pg_tables where schemaname = 'public'");
    return Number(r.rows[0].c);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `pg_restore` in one transaction: a failure leaves the target database as empty as it was. */
export function restorePostgres(url: string, dump: string, pgRestore = 'pg_restore'): Promise<void> {
  return runPgTool(pgRestore, ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', '--no-password', dump], url);
}
