/**
 * Builds the demo organisation once per `npm test` run and dialect, so that the suites that need it start
 * from a copy (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL) instead of seeding again.
 * Usage: node --import tsx server/test/demo-template.ts sqlite|postgres <path-or-name>; prints nothing on success.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../seed/demo.ts';
import { ADMIN_URL, adminQuery } from './database.ts';
import { CaptureMailer } from './harness.ts';

const [dialect, target] = process.argv.slice(2);
if (!target || (dialect !== 'sqlite' && dialect !== 'postgres'))
  throw new Error('usage: demo-template.ts sqlite|postgres <target>');
let url = `sqlite:${target}`;
if (dialect === 'sqlite') rmSync(target, { force: true });
else {
  await adminQuery(`drop database if exists ${target} with (force)`);
  await adminQuery(`create database ${target}`);
  url = ADMIN_URL.replace(/\/[^/]*$/, `/${target}`);
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-template-'));
const database = await openDatabase(url);
await migrateToLatest(database);
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: url,
  BASE_URL: 'https://relais.example.test',
  LOG_LEVEL: 'silent',
  RELAIS_DEMO: '0',
});
const { app, deps } = await buildApp({ config, database, mailer: new CaptureMailer(), logger: false });
await app.ready();
await seedDemo(deps);
await app.close();
// The copy is of the main file only: fold the WAL into it first.
if (dialect === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
await database.destroy();
rmSync(dataDir, { recursive: true, force: true });
