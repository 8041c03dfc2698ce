/**
 * What the scenario benchmarks (bench/portal.ts, bench/channels.ts) share: an empty database per dialect
 * and the "calmest of N runs" measure (the run with the least CPU taken by other processes is kept).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchDialect } from './datasets.ts';
import { type Call, type LoadResult, load, pgAdmin, pgUrl, printTable } from './lib.ts';

export interface BenchDatabase {
  env: Record<string, string>;
  url: string;
  drop(): Promise<void>;
}

/** An empty database of the dialect (a file in a temporary folder, or a new PostgreSQL database). */
export async function freshDatabase(dialect: BenchDialect, prefix: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `relais-bench-${prefix}-`));
  if (dialect === 'sqlite') {
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      url: '',
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `relais_bench_${prefix}_${Date.now().toString(36)}`;
  await pgAdmin(`create database ${name}`);
  return {
    env: { DATA_DIR: dir, DATABASE_URL: pgUrl(name) },
    url: pgUrl(name),
    drop: async () => {
      await pgAdmin(`drop database if exists ${name} with (force)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CalmOptions {
  concurrency: number;
  seconds: number;
  repeat: number;
  watch: Parameters<typeof load>[3]['watch'];
}

/** Runs one scenario `repeat` times and keeps the run with the least CPU taken by other processes. */
export async function calmest(label: string, address: URL, next: () => Call, o: CalmOptions): Promise<LoadResult> {
  let best: LoadResult | null = null;
  for (let i = 0; i < o.repeat; i++) {
    const r = await load(label, address, next, { concurrency: o.concurrency, seconds: o.seconds, watch: o.watch });
    if (!best || (r.cpu.others ?? 0) < (best.cpu.others ?? 0)) best = r;
  }
  printTable([best as LoadResult]);
  return best as LoadResult;
}

/** The closing table of a scenario benchmark: every route of every dialect. */
export function printSummary(reports: { dialect: string; results: LoadResult[] }[]): void {
  console.log('\n=== Résumé (p50 / p95 / p99 ms, req/s) ===');
  console.table(
    reports.flatMap((r) =>
      r.results.map((x) => ({
        base: r.dialect,
        route: x.route,
        'p50/p95/p99': `${x.p50_ms} / ${x.p95_ms} / ${x.p99_ms}`,
        'req/s': x.rps,
        erreurs: x.errors,
        others: `${x.cpu.others}%`,
      })),
    ),
  );
}

const RESULTS = path.join(import.meta.dirname, 'results');

/** Writes one report to bench/results/<file>. */
export function writeResult(file: string, report: unknown): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, file), `${JSON.stringify(report, null, 2)}\n`);
}

/** Runs the benchmark on each dialect of a comma-separated list, one after the other. */
export async function runDialects<R>(list: string, runOne: (dialect: BenchDialect) => Promise<R>): Promise<R[]> {
  const reports: R[] = [];
  for (const dialect of list.split(',').filter(Boolean) as BenchDialect[]) reports.push(await runOne(dialect));
  return reports;
}
