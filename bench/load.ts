/**
 * `npm run bench:load`: a mixed workload (bench/load-workload.ts) at 50 connections for 60 s against real
 * Relais processes: (a) one node on SQLite, (b) one node on PostgreSQL, (c) two nodes on one PostgreSQL
 * database, connections split over both. Each scenario starts from a fresh copy of one dataset per dialect
 * (demo organisation + generated requests and chat history). Per route: count, errors, p50/p95/p99,
 * throughput; per scenario: errors (non-2xx, socket, timeouts), peak RSS of each node, CPU shares.
 * Env: LOAD_SECONDS (60), LOAD_CONNECTIONS (50), LOAD_WARMUP (5 s), LOAD_SCENARIOS (sqlite,postgres,postgres-2),
 * LOAD_REQUESTS (5000 generated requests), LOAD_NICE (-10 when root, 0 to leave priorities alone), LOAD_PROFILE (folder
 * for the nodes' V8 CPU profiles).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_URL, adminQuery, freshDatabase, type TestDialect } from '../server/test/database.ts';
import { type NodeProcess, startNodeProcess } from '../server/test/node-process.ts';
import { generateChannelsData } from './channels-data.ts';
import { BENCH_SECRET_KEY, generate } from './generate.ts';
import { postgresPids, raisePriority } from './lib.ts';
import { measure, type RunFigures } from './load-run.ts';
import { signInActors, workload } from './load-workload.ts';
import { writeResult } from './runner.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.LOAD_WARMUP ?? 5);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 5000);
const NICE = Number(process.env.LOAD_NICE ?? -10);
/** A folder for V8 CPU profiles of the nodes (one .cpuprofile per node and scenario, written when it stops). */
const PROFILE = process.env.LOAD_PROFILE ?? '';
const SCENARIOS = (process.env.LOAD_SCENARIOS ?? 'sqlite,postgres,postgres-2').split(',').filter(Boolean);
const DATASET = { requests: REQUESTS, requesters: 300, channels: 30, messages: 20_000 };
const P99_TARGET_MS = 100;
const SCALE_TARGET = 1.6;

interface Template {
  /** A SQLite file or a PostgreSQL database name, copied for each scenario. */
  source: string;
  seconds: number;
  drop(): Promise<void>;
}

/** The dataset of a dialect, built once: demo organisation, generated requests, channels and messages. */
async function buildTemplate(dialect: TestDialect): Promise<Template> {
  const t0 = performance.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-load-'));
  let source = path.join(dataDir, 'relais.db');
  let databaseUrl = `sqlite:${source}`;
  if (dialect === 'postgres') {
    source = `relais_load_tpl_${Date.now().toString(36)}`;
    await adminQuery(`create database ${source}`);
    databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${source}`);
  }
  const drop = async () => {
    if (dialect === 'postgres') await adminQuery(`drop database if exists ${source} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const log = (line: string) => console.log(`  ${line.trim()}`);
    await generate({ requests: DATASET.requests, requesters: DATASET.requesters, databaseUrl, dataDir, log });
    await generateChannelsData({ databaseUrl, dataDir, channels: DATASET.channels, messages: DATASET.messages });
  } catch (err) {
    await drop();
    throw err;
  }
  return { source, seconds: Math.round((performance.now() - t0) / 100) / 10, drop };
}

interface ScenarioReport extends RunFigures {
  scenario: string;
  dialect: TestDialect;
  nodes: number;
  weights: Record<string, number>;
}

/** Starts `nodes` real processes on a fresh copy of the template, signs the users in, warms up, measures. */
async function runScenario(name: string, dialect: TestDialect, nodes: number, template: Template): Promise<ScenarioReport> {
  console.log(`\n=== ${name} : ${nodes} nœud(s) ${dialect}, ${CONNECTIONS} connexions, ${SECONDS} s ===`);
  const db = await freshDatabase(dialect, template.source);
  const procs: NodeProcess[] = [];
  try {
    const env: Record<string, string> = { SECRET_KEY: BENCH_SECRET_KEY, RELAIS_DEMO: '0', LOG_LEVEL: 'warn' };
    if (PROFILE) {
      env.NODE_OPTIONS = `--import ${path.join(import.meta.dirname, 'cpu-profile.mjs')}`;
      env.RELAIS_CPU_PROFILE_DIR = path.resolve(PROFILE, name);
    }
    for (let i = 0; i < nodes; i++)
      procs.push(await startNodeProcess({ databaseUrl: db.url, dataDir: db.dataDir, env, timeoutMs: 120_000 }));
    const actors = await signInActors(procs[0]?.url ?? '');
    const { requests, weights } = workload(actors);
    const pgName = dialect === 'postgres' ? db.url.slice(db.url.lastIndexOf('/') + 1) : '';
    const base = {
      urls: procs.map((p) => p.url),
      nodePids: procs.map((p) => p.child.pid ?? 0),
      postgresPids: () => (pgName ? postgresPids(pgName) : []),
      connections: CONNECTIONS,
      requests,
    };
    if (WARMUP > 0) await measure({ ...base, seconds: WARMUP });
    if (pgName && NICE) raisePriority(postgresPids(pgName), NICE);
    const figures = await measure({ ...base, seconds: SECONDS });
    printScenario(name, figures);
    return { scenario: name, dialect, nodes, weights, ...figures };
  } catch (err) {
    for (const p of procs) console.error(p.output.slice(-30).join('\n'));
    throw err;
  } finally {
    await Promise.all(procs.map((p) => p.kill('SIGTERM')));
    await db.drop();
  }
}

const ms = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function printScenario(name: string, f: RunFigures) {
  console.table(
    f.routes.map((r) => ({
      route: r.route,
      requêtes: r.count,
      erreurs: r.errors,
      'p50 / p95 / p99 (ms)': `${ms(r.p50_ms)} / ${ms(r.p95_ms)} / ${ms(r.p99_ms)}`,
      'req/s': r.rps,
    })),
  );
  console.log(
    `${name} : ${f.requests} requêtes, ${f.rps} req/s, erreurs ${f.errors} (dont socket ${f.socketErrors}, délais ${f.timeouts}), ` +
      `RSS max ${f.rssPeakMiB.map((m) => `${m} Mio`).join(' + ')}, CPU ${Object.entries(f.cpu)
        .map(([k, v]) => `${k} ${v} %`)
        .join(', ')}`,
  );
}

/** The targets of issue 6: no error, p99 ≤ 100 ms per route on SQLite, two PG nodes ≥ 1.6 × one. */
function checkTargets(reports: ScenarioReport[]) {
  const sqlite = reports.find((r) => r.scenario === 'sqlite');
  const one = reports.find((r) => r.scenario === 'postgres');
  const two = reports.find((r) => r.scenario === 'postgres-2');
  const ratio = one && two ? Math.round((two.rps / one.rps) * 100) / 100 : null;
  return {
    noErrors: reports.every((r) => r.errors === 0),
    sqliteP99: sqlite?.routes.map((r) => ({ route: r.route, p99_ms: r.p99_ms, met: r.p99_ms <= P99_TARGET_MS })) ?? [],
    scaleOut: { ratio, target: SCALE_TARGET, met: ratio !== null && ratio >= SCALE_TARGET },
  };
}

function printSummary(reports: ScenarioReport[], targets: ReturnType<typeof checkTargets>) {
  console.log('\n=== Résumé de la charge (p50 / p95 / p99 en ms) ===');
  console.table(
    reports.flatMap((s) =>
      s.routes.map((r) => ({
        scénario: s.scenario,
        route: r.route,
        requêtes: r.count,
        erreurs: r.errors,
        'p50 / p95 / p99': `${ms(r.p50_ms)} / ${ms(r.p95_ms)} / ${ms(r.p99_ms)}`,
        'req/s': r.rps,
      })),
    ),
  );
  console.table(
    reports.map((s) => ({
      scénario: s.scenario,
      'req/s': s.rps,
      erreurs: s.errors,
      'RSS max (Mio)': s.rssPeakMiB.join(' + '),
      CPU: Object.entries(s.cpu)
        .map(([k, v]) => `${k} ${v} %`)
        .join(', '),
    })),
  );
  const missed = targets.sqliteP99.filter((r) => !r.met).map((r) => r.route);
  console.log(`Aucune erreur\u00a0: ${targets.noErrors ? 'oui' : 'NON'}`);
  const p99 = !targets.sqliteP99.length ? '— (pas de scénario sqlite)' : missed.length ? `NON (${missed.join(', ')})` : 'oui';
  console.log(`p99 ≤ ${P99_TARGET_MS} ms sur SQLite\u00a0: ${p99}`);
  console.log(`2 nœuds PG / 1 nœud PG\u00a0: ${targets.scaleOut.ratio ?? '—'} (cible ${SCALE_TARGET})`);
}

async function main() {
  if (NICE) raisePriority([process.pid], NICE);
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  const templates = new Map<TestDialect, Template>();
  const reports: ScenarioReport[] = [];
  try {
    for (const name of SCENARIOS) {
      const dialect: TestDialect = name.startsWith('postgres') ? 'postgres' : 'sqlite';
      if (!templates.has(dialect)) {
        console.log(`\nJeu de données ${dialect} : démonstration + ${DATASET.requests} demandes, ${DATASET.messages} messages…`);
        templates.set(dialect, await buildTemplate(dialect));
      }
      const template = templates.get(dialect) as Template;
      reports.push(await runScenario(name, dialect, name.endsWith('-2') ? 2 : 1, template));
    }
  } finally {
    for (const t of templates.values()) await t.drop();
  }
  const targets = checkTargets(reports);
  const at = new Date().toISOString();
  writeResult(`load-${at.slice(0, 10)}.json`, {
    at,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadBefore, loadAfter: loadavg() },
    settings: { seconds: SECONDS, connections: CONNECTIONS, warmupSeconds: WARMUP, nice: NICE, dataset: DATASET },
    datasetSeconds: Object.fromEntries([...templates].map(([d, t]) => [d, t.seconds])),
    scenarios: reports,
    targets,
  });
  printSummary(reports, targets);
}

await main();
