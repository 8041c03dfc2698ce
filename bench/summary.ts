/**
 * `npx tsx bench/summary.ts`: the markdown table of the latest requests benchmark results
 * (bench/results/requests-*.json), as bench/README.md shows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { printSummary, type Report } from './requests-targets.ts';

const dir = path.join(import.meta.dirname, 'results');
const reports = readdirSync(dir)
  .filter((f) => /^requests-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Report)
  .sort(
    (a, b) => a.size - b.size || a.dialect.localeCompare(b.dialect) || Number(!!a.sqliteOptimize) - Number(!!b.sqliteOptimize),
  );
printSummary(reports);
for (const r of reports) {
  const cpu = r.results.map((x) => `${x.route} ${x.cpu.others ?? 0}%`).join(', ');
  console.log(
    `${r.dialect} ${r.size}${r.sqliteOptimize ? ' optimize' : ''} (${r.at}, charge ${r.loadavg.join('/')}): autres processus ${cpu}`,
  );
}
