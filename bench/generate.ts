/**
 * `npm run bench:data -- --requests 1000000 [--database-url URL] [--data-dir DIR] [--seed N]`
 * (default: SQLite in ./data/bench, apart from the development database in ./data)
 *
 * Fills a Relais database with a realistic history for the demo organisation (seeded first when the
 * database is empty): ~2,000 requesters, N requests over three years with their timeline and access
 * rows, reference counters, then the full-text index. Bulk multi-row inserts in transactions of
 * 5,000 requests; progress and rows/s on stdout. Used by bench/requests.ts, usable on its own.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { isEmpty, seedDemo } from '../server/seed/demo.ts';
import { insertRows } from './bulk.ts';
import { addRequesters, loadContext, siteWeights } from './gen-context.ts';
import { creationTimes, Random, Weighted } from './gen-random.ts';
import { ACCESS_COLUMNS, EVENT_COLUMNS, type GenContext, generateRequest, REQUEST_COLUMNS } from './gen-rows.ts';

/** The same key for the generator and the benchmarked server, so that encrypted demo fields stay readable. */
export const BENCH_SECRET_KEY = 'relais-bench-secret-key-0123456789abcdef';

export interface GenerateOptions {
  requests: number;
  /** sqlite:FILE or postgres://…; default: sqlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  seed?: number;
  requesters?: number;
  batch?: number;
  log?: (line: string) => void;
}

export interface GenerateReport {
  requests: number;
  events: number;
  access: number;
  seconds: number;
  indexSeconds: number;
}

/** Opens (and seeds when empty) the database the way server/main.ts does. */
async function prepare(options: GenerateOptions) {
  const config = loadConfig({
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    SECRET_KEY: process.env.SECRET_KEY ?? BENCH_SECRET_KEY,
    LOG_LEVEL: 'silent',
    RELAIS_DEMO: '0',
  });
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const { app, deps } = await buildApp({ config, database, logger: false });
  await app.ready();
  if (await isEmpty(deps)) await seedDemo(deps);
  const org = await database.db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow();
  return { database, app, orgId: org.id };
}

/** Bulk-session settings: durability is not needed while generating (a crash means generating again). */
async function bulkSession(database: Database) {
  if (database.dialect === 'sqlite') {
    await sql`pragma synchronous = off`.execute(database.db);
    await sql`pragma cache_size = -524288`.execute(database.db);
  }
}

async function insertBatch(database: Database, rows: { requests: unknown[][]; events: unknown[][]; access: unknown[][] }) {
  await database.db.transaction().execute(async (trx) => {
    if (database.dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
    await insertRows(trx, database.dialect, 'requests', REQUEST_COLUMNS, rows.requests);
    await insertRows(trx, database.dialect, 'request_events', EVENT_COLUMNS, rows.events);
    await insertRows(trx, database.dialect, 'request_access', ACCESS_COLUMNS, rows.access);
  });
}

/** Reference numbers continue after the counters already there (demo requests seeded today). */
async function counters(database: Database, orgId: string): Promise<Map<number, number>> {
  const rows = await database.db
    .selectFrom('request_counters')
    .select(['year', 'last_number'])
    .where('organization_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [Number(r.year), Number(r.last_number)]));
}

async function saveCounters(database: Database, orgId: string, last: Map<number, number>) {
  for (const [year, number] of last) {
    await database.db
      .insertInto('request_counters')
      .values({ organization_id: orgId, year, last_number: number })
      .onConflict((oc) => oc.columns(['organization_id', 'year']).doUpdateSet({ last_number: number }))
      .execute();
  }
}

/** Generates and inserts the requests batch by batch, printing progress. */
async function fillRequests(database: Database, ctx: GenContext, options: GenerateOptions, rnd: Random) {
  const log = options.log ?? console.log;
  const total = options.requests;
  const batch = options.batch ?? 5000;
  const last = await counters(database, ctx.organizationId);
  const t0 = performance.now();
  let buf = { requests: [] as unknown[][], events: [] as unknown[][], access: [] as unknown[][] };
  const totals = { requests: 0, events: 0, access: 0 };
  let index = 0;
  for (const created of creationTimes(total, new Date(ctx.now), 3, rnd)) {
    const year = new Date(created).getUTCFullYear();
    const number = (last.get(year) ?? 0) + 1;
    last.set(year, number);
    const g = generateRequest(ctx, rnd, index++, total, created, number);
    buf.requests.push(g.request);
    buf.events.push(...g.events);
    buf.access.push(...g.access);
    if (buf.requests.length < batch && index < total) continue;
    await insertBatch(database, buf);
    totals.requests += buf.requests.length;
    totals.events += buf.events.length;
    totals.access += buf.access.length;
    buf = { requests: [], events: [], access: [] };
    const s = (performance.now() - t0) / 1000;
    const rows = totals.requests + totals.events + totals.access;
    log(
      `  ${totals.requests.toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')} demandes — ${Math.round(totals.requests / s)} demandes/s, ${Math.round(rows / s)} lignes/s`,
    );
  }
  await saveCounters(database, ctx.organizationId, last);
  return { ...totals, seconds: (performance.now() - t0) / 1000 };
}

type Rebuild = (database: Database, organizationId: string) => Promise<unknown>;

/** `rebuildSearchIndex` from the search module, wherever in the module it lives. */
async function findRebuild(): Promise<Rebuild | null> {
  const dir = path.resolve(import.meta.dirname, '../server/modules/search');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  } catch {
    return null;
  }
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { rebuildSearchIndex?: Rebuild };
    if (typeof mod.rebuildSearchIndex === 'function') return mod.rebuildSearchIndex;
  }
  return null;
}

/** Refreshes the planner's statistics after the bulk load (PostgreSQL's autovacuum would, later). */
async function analyze(database: Database) {
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
}

/** Generates the history; see the file header. */
export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const log = options.log ?? console.log;
  const { database, app, orgId } = await prepare(options);
  try {
    await bulkSession(database);
    const rnd = new Random(options.seed ?? 20261127);
    const now = Date.now();
    const weights = await siteWeights(database, orgId);
    log(`Relais — génération de ${options.requests.toLocaleString('fr-FR')} demandes (${database.dialect})`);
    await addRequesters(database, orgId, new Weighted([...weights]), options.requesters ?? 2000, rnd);
    const ctx = await loadContext(database, orgId, now);
    const filled = await fillRequests(database, ctx, options, rnd);
    const t1 = performance.now();
    const rebuild = await findRebuild();
    if (rebuild) {
      log('  index plein texte…');
      await rebuild(database, orgId);
    } else log('  rebuildSearchIndex introuvable dans server/modules/search : index plein texte NON construit');
    const indexSeconds = (performance.now() - t1) / 1000;
    await analyze(database);
    log(`  fini : ${filled.seconds.toFixed(0)} s d’insertion, ${indexSeconds.toFixed(0)} s d’indexation`);
    return { requests: filled.requests, events: filled.events, access: filled.access, seconds: filled.seconds, indexSeconds };
  } finally {
    await app.close();
    await database.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '100000' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: './data/bench' },
      seed: { type: 'string' },
    },
  });
  await generate({
    requests: Number(values.requests),
    databaseUrl: values['database-url'],
    dataDir: values['data-dir'] ?? './data/bench',
    seed: values.seed ? Number(values.seed) : undefined,
  });
}
