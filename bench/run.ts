/**
 * `npm run bench`: latency and throughput of the foundation's hot routes on a real server
 * (a separate process: embedded SQLite by default, PostgreSQL with BENCH_DATABASE_URL), demo data, 10 concurrent clients.
 * Results are printed and written to bench/results/foundation-<dialect>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
const port = 18000 + Math.floor(Math.random() * 1000);
const address = `http://127.0.0.1:${port}`;
// The server runs in its own process, as in production, so the load generator does not share its CPU time.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: path.resolve(import.meta.dirname, '..'),
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RELAIS_DEMO: '1',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  },
  stdio: 'ignore',
});
for (let i = 0; i < 300; i++) {
  if (
    await fetch(`${address}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 200));
}
const dialect = process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite';
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
  dialect,
  concurrency: CONCURRENCY,
  seconds: SECONDS,
  node: process.version,
  at: new Date().toISOString(),
  results,
};
console.table(results);
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(path.join(import.meta.dirname, 'results', `foundation-${dialect}.json`), `${JSON.stringify(report, null, 2)}\n`);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
