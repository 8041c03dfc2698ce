/**
 * `npm run bench`: latency and throughput of the foundation's hot routes on a real server
 * (embedded SQLite by default, PostgreSQL with BENCH_DATABASE_URL), demo data, 10 concurrent clients.
 * Results are printed and written to bench/results/foundation-<dialect>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/seed/demo.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function load(label: string, request: () => Promise<Response>) {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await request();
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    route: label,
    requests: latencies.length,
    errors,
    rps: r(latencies.length / SECONDS),
    p50_ms: r(percentile(latencies, 50)),
    p95_ms: r(percentile(latencies, 95)),
    p99_ms: r(percentile(latencies, 99)),
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  LOG_LEVEL: 'silent',
  PORT: '0',
});
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
const { app, deps } = await buildApp({ config, database, logger: false });
await seedDemo(deps);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${address}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'referent@horizon.test', password: 'relais-demo' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const get = (url: string) => () => fetch(`${address}${url}`, { headers: { cookie } });

const results = [];
for (const [label, fn] of [
  ['GET /api/me', get('/api/me')],
  ['GET /api/sites', get('/api/sites')],
  ['GET /api/overview', get('/api/overview')],
  ['GET /api/audit', get('/api/audit?limit=50')],
  ['GET /api/health', get('/api/health')],
] as const) {
  results.push(await load(label, fn));
}
const report = {
  dialect: database.dialect,
  concurrency: CONCURRENCY,
  seconds: SECONDS,
  node: process.version,
  at: new Date().toISOString(),
  results,
};
console.table(results);
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  path.join(import.meta.dirname, 'results', `foundation-${database.dialect}.json`),
  `${JSON.stringify(report, null, 2)}\n`,
);
await app.close();
await database.destroy();
rmSync(dataDir, { recursive: true, force: true });
