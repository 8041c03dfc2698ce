/**
 * `npm run bench:requests -- [--dialects sqlite,postgres] [--sizes 100000,1000000] [--seconds 10]
 *   [--data-dir DIR] [--fresh] [--drop-cache]`
 *
 * The requests benchmark on generated data (bench/generate.ts), for each dialect and size: the real
 * server in its own process, logged in as the demo assistant, measures the open queue's first page,
 * full-text search on common words, request detail (latency, one client at a time by default), request
 * creation at 8 and 32 concurrent clients, and a bare Fastify hello world at 8 and 32 with the same
 * client, for the ratio. Prints tables, writes bench/results/requests-<dialect>-<size>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { type BenchDialect, type Dataset, datasetCopy, datasetMiB, dropCache } from './datasets.ts';
import { BENCH_SECRET_KEY } from './generate.ts';
import {
  type Call,
  type LoadOptions,
  type LoadResult,
  load,
  login,
  postgresPids,
  printTable,
  raisePriority,
  type Server,
  startProcess,
  startRelais,
} from './lib.ts';
import { datasetStats } from './requests-stats.ts';
import { checkTargets, printSummary, type Report } from './requests-targets.ts';

export const SEARCH_WORDS = ['facture', 'badge', 'contrat', 'réunion', 'commande', 'déplacement'];

const { values: args } = parseArgs({
  options: {
    dialects: { type: 'string', default: 'sqlite,postgres' },
    sizes: { type: 'string', default: '100000,1000000' },
    seconds: { type: 'string', default: '10' },
    'latency-concurrency': { type: 'string', default: '1' },
    'data-dir': { type: 'string', default: path.join(tmpdir(), 'relais-bench-data') },
    fresh: { type: 'boolean', default: false },
    'drop-cache': { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of each benchmarked server into this folder (open it in Chrome DevTools). */
    profile: { type: 'string' },
    /** SQLite: `PRAGMA optimize` on the copy before the server starts (planner statistics; see README). */
    'sqlite-optimize': { type: 'boolean', default: false },
    /** Scheduling priority of the benchmark, its servers and its PostgreSQL backends (root; 0 to leave as is). */
    nice: { type: 'string', default: '-10' },
    /** Only these scenarios (queue,search,detail,create,hello). */
    only: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const NICE = Number(args.nice);
const LATENCY_CONCURRENCY = Number(args['latency-concurrency']);
const CACHE = path.resolve(args['data-dir'] ?? '');
const RESULTS = path.join(import.meta.dirname, 'results');

const ONLY = new Set((args.only ?? 'queue,search,detail,create,hello').split(','));
const wanted = (label: string) => ONLY.has(label.split(' ')[0] ?? '');

let turn = 0;
const rotate = <T>(items: T[]) => items[turn++ % items.length] as T;

/** Sample ids and the search words' match counts, read before the server starts. */
async function sampleIds(ds: Dataset): Promise<string[]> {
  const database = await openDatabase(ds.url);
  try {
    const rows = await database.db
      .selectFrom('requests')
      .select('id')
      .where('confidentiality', '=', 'normal')
      .orderBy((eb) => eb.fn('random'))
      .limit(2000)
      .execute();
    return rows.map((r) => r.id);
  } finally {
    await database.destroy();
  }
}

/**
 * Brings the copy to the current schema (a data set may predate the last migration) and, when asked,
 * gives SQLite what `PRAGMA optimize` would give a long-running server: planner statistics.
 */
async function prepareCopy(ds: Dataset) {
  const database = await openDatabase(ds.url);
  try {
    await migrateToLatest(database);
    if (args['sqlite-optimize'] && ds.dialect === 'sqlite') await sql`pragma optimize = 0x10002`.execute(database.db);
  } finally {
    await database.destroy();
  }
}

async function serviceId(server: Server, cookie: string, name: string): Promise<string> {
  const res = await fetch(new URL('/api/catalog/services', server.address), { headers: { cookie } });
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const found = items.find((s) => s.name === name);
  if (!found) throw new Error(`service « ${name} » introuvable`);
  return found.id;
}

/** The scenarios of one run against a started Relais server. */
async function relaisScenarios(
  server: Server,
  ids: string[],
  watch: LoadOptions['watch'],
  boost: () => Promise<void>,
): Promise<LoadResult[]> {
  const { cookie, csrf } = await login(server.address, 'assistante@horizon.test');
  const quoteService = await serviceId(server, cookie, 'Demande de devis');
  const get = (p: () => string) => (): Call => ({ method: 'GET', path: p(), headers: { cookie } });
  const latency = { concurrency: LATENCY_CONCURRENCY, seconds: SECONDS, watch };
  const create = (): Call => ({
    method: 'POST',
    path: '/api/requests',
    headers: { cookie, 'x-csrf-token': csrf },
    body: {
      serviceId: quoteService,
      title: 'Devis pour trois fauteuils ergonomiques',
      description: 'Pour la salle de réunion du 2e étage, livraison avant la fin du mois.',
      answers: { besoin: 'Trois fauteuils ergonomiques', nombre: 3 },
    },
  });
  const results: LoadResult[] = [];
  const run = async (label: string, next: () => Call, options: LoadOptions) => {
    if (!wanted(label)) return;
    await boost();
    const r = await load(label, server.address, next, options);
    printTable([r]);
    results.push(r);
  };
  await run(
    'queue',
    get(() => '/api/requests?open=true&sort=due&limit=25'),
    latency,
  );
  await run(
    'search',
    get(() => `/api/requests?q=${encodeURIComponent(rotate(SEARCH_WORDS))}`),
    latency,
  );
  await run(
    'detail',
    get(() => `/api/requests/${rotate(ids)}`),
    latency,
  );
  for (const concurrency of [8, 32]) await run(`create c${concurrency}`, create, { concurrency, seconds: SECONDS, watch });
  return results;
}

/** The bare Fastify hello world, measured with the same client and concurrency. */
async function helloScenarios(): Promise<LoadResult[]> {
  if (!wanted('hello')) return [];
  const hello = await startProcess(['--import', 'tsx', 'bench/hello.ts'], {}, '/hello');
  try {
    const pid = hello.process.pid ?? 0;
    const results: LoadResult[] = [];
    for (const concurrency of [8, 32]) {
      const r = await load(`hello c${concurrency}`, hello.address, () => ({ method: 'GET', path: '/hello' }), {
        concurrency,
        seconds: SECONDS,
        watch: [{ label: 'server', pids: () => [pid] }],
      });
      printTable([r]);
      results.push(r);
    }
    return results;
  } finally {
    await hello.stop();
  }
}

async function runOne(dialect: BenchDialect, size: number): Promise<Report> {
  console.log(`\n=== ${dialect}, ${size.toLocaleString('fr-FR')} demandes ===`);
  const ds = await datasetCopy(CACHE, dialect, size, args.fresh ?? false);
  try {
    await prepareCopy(ds);
    const ids = await sampleIds(ds);
    const stats = await datasetStats(ds, SEARCH_WORDS);
    const server = await startRelais({ ...ds.env, SECRET_KEY: BENCH_SECRET_KEY, RELAIS_DEMO: '1' }, args.profile);
    let results: LoadResult[];
    try {
      const pid = server.process.pid ?? 0;
      const database = ds.url.slice(ds.url.lastIndexOf('/') + 1);
      const watch = [
        { label: 'server', pids: () => [pid] },
        ...(dialect === 'postgres' ? [{ label: 'postgres', pids: () => postgresPids(database) }] : []),
      ];
      const boost = async () => {
        if (dialect === 'postgres' && NICE) raisePriority(postgresPids(database), NICE);
      };
      results = await relaisScenarios(server, ids, watch, boost);
    } catch (err) {
      console.error(server.output());
      throw err;
    } finally {
      await server.stop();
    }
    results.push(...(await helloScenarios()));
    const report: Report = {
      dialect,
      size,
      seconds: SECONDS,
      latencyConcurrency: LATENCY_CONCURRENCY,
      nice: NICE,
      node: process.version,
      at: new Date().toISOString(),
      loadavg: loadavg().map((n) => Math.round(n * 100) / 100),
      dataset: { ...stats, mib: await datasetMiB(ds), generation: ds.generation },
      results,
      sqliteOptimize: dialect === 'sqlite' && !!args['sqlite-optimize'],
      targets: checkTargets(results),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      path.join(RESULTS, `requests-${dialect}-${size}${report.sqliteOptimize ? '-optimize' : ''}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    return report;
  } finally {
    await ds.drop();
  }
}

if (NICE) raisePriority([process.pid], NICE);
const dialects = (args.dialects ?? '').split(',').filter(Boolean) as BenchDialect[];
const sizes = (args.sizes ?? '').split(',').filter(Boolean).map(Number);
const reports: Report[] = [];
for (const size of sizes) for (const dialect of dialects) reports.push(await runOne(dialect, size));
printSummary(reports);
if (args['drop-cache']) await dropCache(CACHE, sizes);
