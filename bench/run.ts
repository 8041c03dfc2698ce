/**
 * `npm run bench`: latency and throughput of the foundation's hot routes on a real server
 * (a separate process: embedded SQLite by default, PostgreSQL with BENCH_DATABASE_URL), demo data, 10 concurrent clients.
 * Results are printed and written to bench/results/foundation-<dialect>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Call, type LoadResult, load, login, printTable, startRelais } from './lib.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-'));
const dialect = process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite';
// The server runs in its own process, as in production, so the load generator does not share its CPU time.
const server = await startRelais({ DATA_DIR: dataDir, RELAIS_DEMO: '1', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' });
try {
  const { cookie } = await login(server.address, 'referent@horizon.test');
  const get = (url: string) => (): Call => ({ method: 'GET', path: url, headers: { cookie } });
  const results: LoadResult[] = [];
  for (const [label, next] of [
    ['GET /api/me', get('/api/me')],
    ['GET /api/sites', get('/api/sites')],
    ['GET /api/overview', get('/api/overview')],
    ['GET /api/audit', get('/api/audit?limit=50')],
    ['GET /api/health', get('/api/health')],
  ] as const) {
    const pid = server.process.pid ?? 0;
    results.push(
      await load(label, server.address, next, {
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        watch: [{ label: 'server', pids: () => [pid] }],
      }),
    );
  }
  const report = {
    dialect,
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    node: process.version,
    at: new Date().toISOString(),
    results,
  };
  printTable(results);
  mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(path.join(import.meta.dirname, 'results', `foundation-${dialect}.json`), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
