import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';
import { NormalizeResultPlugin, SqliteBindPlugin } from './normalize.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Kdb = Kysely<DB>;

export interface Database {
  db: Kdb;
  dialect: Dialect;
  /** Answers true when the database responds (readiness). */
  ping(): Promise<boolean>;
  destroy(): Promise<void>;
  /** PostgreSQL pool statistics for /metrics (absent on SQLite). */
  pool?: { totalCount: number; idleCount: number; waitingCount: number };
}

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL depending on the URL. */
export async function openDatabase(url: string): Promise<Database> {
  return url.startsWith('sqlite:') ? openSqlite(url.slice('sqlite:'.length)) : openPostgres(url);
}

async function openSqlite(file: string): Promise<Database> {
  const { default: SQLite } = await import('better-sqlite3');
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  // Planner statistics: without them SQLite picks the organisation index over the primary key and a search
  // page of 25 ids walks the whole organisation (4 s at a million requests, bench/README.md). A bounded
  // ANALYZE at open is cheap; the scheduler repeats `optimize` hourly (db/maintenance.ts).
  raw.pragma('analysis_limit = 1000');
  raw.pragma('optimize = 0x10002');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: raw }),
    plugins: [new SqliteBindPlugin(), new NormalizeResultPlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    ping: async () => raw.open && raw.prepare('select 1 as ok').get() !== undefined,
    destroy: () => db.destroy(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  // pg-pool's connectionTimeoutMillis bounds both opening a connection and waiting for a free one: at 3 s a
  // burst of 50 clients got 503s while the database was fine (bench:load). A stopped database still fails at
  // once (connection refused); 10 s only bounds a connection attempt that hangs.
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {
    /* idle client errors (database restart) are retried by the next checkout */
  });
  // A checked-out client has no 'error' listener between two queries (inside a transaction): PostgreSQL's
  // « terminating connection » (57P01) there would crash the process. Its next query fails instead (503) and
  // the pool drops it (not queryable).
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new NormalizeResultPlugin()] });
  return {
    db,
    dialect: 'postgres',
    pool,
    ping: async () => {
      try {
        await db.executeQuery(CompiledQuery.raw('select 1'));
        return true;
      } catch {
        return false;
      }
    },
    destroy: () => db.destroy(),
  };
}
