import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export type TestDialect = 'sqlite' | 'postgres';

/** Which database this run of the suite targets (scripts/test.mjs runs it once per dialect). */
export function testDialect(): TestDialect {
  return process.env.RELAIS_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export const ADMIN_URL = process.env.RELAIS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  database: Database;
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test: SQLite in a temp dir, or a new PostgreSQL database
 * created on the local server and dropped afterwards.
 */
export async function freshDatabase(dialect: TestDialect = testDialect(), template?: string): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-test-'));
  let url = `sqlite:${path.join(dataDir, 'relais.db')}`;
  let dropPg = async () => {};
  if (dialect === 'sqlite' && template) copyFileSync(template, path.join(dataDir, 'relais.db'));
  if (dialect === 'postgres') {
    const name = `relais_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
    url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    dropPg = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  const database = await openDatabase(url);
  await migrateToLatest(database);
  return {
    database,
    url,
    dataDir,
    async drop() {
      await database.destroy();
      await dropPg();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
