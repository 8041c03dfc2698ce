/**
 * The targets of the requests benchmark (issue: 1M requests on SQLite, this 2-core machine) checked
 * against a run's results, and the summary table printed at the end of `npm run bench:requests`.
 */
import type { LoadResult } from './lib.ts';
import type { DatasetStats } from './requests-stats.ts';

export interface Target {
  name: string;
  value: number;
  limit: number;
  unit: string;
  met: boolean;
}

export interface Report {
  dialect: string;
  size: number;
  seconds: number;
  latencyConcurrency: number;
  /** Scheduling priority the benchmark ran at (negative: ahead of other work on the machine). */
  nice: number;
  node: string;
  at: string;
  loadavg: number[];
  dataset: DatasetStats & { mib: number; generation: unknown };
  results: LoadResult[];
  targets: Target[];
  /** SQLite copy given planner statistics (`PRAGMA optimize`) before the run. */
  sqliteOptimize?: boolean;
}

const find = (results: LoadResult[], route: string) => results.find((r) => r.route === route);

/** Each target with the measured value (the issue's limits apply to 1M requests on SQLite). */
export function checkTargets(results: LoadResult[]): Target[] {
  const at = (route: string, key: 'p95_ms' | 'rps') => find(results, route)?.[key] ?? Number.NaN;
  const ratio = Math.round((at('create c8', 'rps') / at('hello c8', 'rps')) * 1000) / 10;
  const max = (name: string, value: number, limit: number, unit: string) => ({ name, value, limit, unit, met: value <= limit });
  const min = (name: string, value: number, limit: number, unit: string) => ({ name, value, limit, unit, met: value >= limit });
  return [
    max('file ouverte p95', at('queue', 'p95_ms'), 20, 'ms'),
    max('recherche p95', at('search', 'p95_ms'), 50, 'ms'),
    max('détail p95', at('detail', 'p95_ms'), 10, 'ms'),
    min('création c8', at('create c8', 'rps'), 400, 'req/s'),
    min('création c8 / Fastify nu c8', ratio, 40, '%'),
  ];
}

const cell = (r: LoadResult | undefined, key: 'p50_ms' | 'p95_ms' | 'p99_ms' | 'rps') => (r ? String(r[key]) : '—');

/** One markdown table over every run (also what bench/README.md shows). */
export function printSummary(reports: Report[]): void {
  const lines = [
    '| base | demandes | file p50/p95 | recherche p50/p95 | détail p50/p95 | création c8 req/s (p99) | création c32 req/s (p99) | Fastify nu c8 / c32 req/s | ratio c8 |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const rep of reports) {
    const r = (route: string) => find(rep.results, route);
    const pair = (route: string) => `${cell(r(route), 'p50_ms')} / ${cell(r(route), 'p95_ms')} ms`;
    const create = (route: string) => `${cell(r(route), 'rps')} (${cell(r(route), 'p99_ms')} ms)`;
    const ratio = rep.targets.find((t) => t.name.includes('Fastify'))?.value;
    lines.push(
      `| ${rep.dialect}${rep.sqliteOptimize ? ' + optimize' : ''} | ${rep.size.toLocaleString('fr-FR')} | ${pair('queue')} | ${pair('search')} | ${pair('detail')} | ` +
        `${create('create c8')} | ${create('create c32')} | ${cell(r('hello c8'), 'rps')} / ${cell(r('hello c32'), 'rps')} | ${ratio} % |`,
    );
  }
  console.log(`\n${lines.join('\n')}\n`);
  for (const rep of reports) {
    const missed = rep.targets.filter((t) => !t.met).map((t) => `${t.name} ${t.value} ${t.unit} (cible ${t.limit})`);
    console.log(
      `${rep.dialect} ${rep.size}: ${missed.length ? `cibles manquées : ${missed.join(' ; ')}` : 'toutes les cibles atteintes'}`,
    );
  }
}
