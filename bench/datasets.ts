/**
 * Generated data sets of the requests benchmark, kept between runs (generating 1M requests takes
 * minutes): SQLite files under the cache folder, PostgreSQL template databases. Each run works on a
 * throw-away copy (file copy / CREATE DATABASE … TEMPLATE), so requests created by one run never
 * reach the next one.
 */
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type GenerateReport, generate } from './generate.ts';
import { pgAdmin, pgUrl } from './lib.ts';

export type BenchDialect = 'sqlite' | 'postgres';

export interface Dataset {
  dialect: BenchDialect;
  size: number;
  /** Environment of the server that runs on the copy. */
  env: Record<string, string>;
  /** URL of the copy, for the bench's own reads (sample ids, sizes). */
  url: string;
  generation: GenerateReport & { reused: boolean };
  drop(): Promise<void>;
}

const template = (size: number) => `relais_bench_${size}`;

async function pgExists(name: string): Promise<boolean> {
  const { rows } = await pgAdmin(`select 1 from pg_database where datname = '${name}'`);
  return rows.length > 0;
}

/** Generates the data set once (or again with `fresh`), returning the generator's report. */
async function ensure(cache: string, dialect: BenchDialect, size: number, fresh: boolean) {
  const dir = path.join(cache, `${dialect}-${size}`);
  const marker = path.join(dir, 'dataset.json');
  const present = existsSync(marker) && (dialect === 'sqlite' || (await pgExists(template(size))));
  if (present && !fresh) return { dir, report: { ...JSON.parse(readFileSync(marker, 'utf8')), reused: true } };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (dialect === 'postgres') {
    await pgAdmin(`drop database if exists ${template(size)} with (force)`);
    await pgAdmin(`create database ${template(size)}`);
  }
  const report = await generate({
    requests: size,
    dataDir: dir,
    databaseUrl: dialect === 'postgres' ? pgUrl(template(size)) : undefined,
  });
  writeFileSync(marker, `${JSON.stringify(report, null, 2)}\n`);
  return { dir, report: { ...report, reused: false } };
}

/** A fresh copy of the data set of `size` requests for one benchmark run (generated when missing). */
export async function datasetCopy(cache: string, dialect: BenchDialect, size: number, fresh: boolean): Promise<Dataset> {
  const { dir, report } = await ensure(cache, dialect, size, fresh);
  const runDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-run-'));
  if (dialect === 'sqlite') {
    copyFileSync(path.join(dir, 'relais.db'), path.join(runDir, 'relais.db'), constants.COPYFILE_FICLONE);
    return {
      dialect,
      size,
      env: { DATA_DIR: runDir, DATABASE_URL: '' },
      url: `sqlite:${path.join(runDir, 'relais.db')}`,
      generation: report,
      drop: async () => rmSync(runDir, { recursive: true, force: true }),
    };
  }
  const name = `relais_bench_run_${Date.now().toString(36)}`;
  await pgAdmin(`create database ${name} template ${template(size)} strategy file_copy`);
  return {
    dialect,
    size,
    env: { DATA_DIR: runDir, DATABASE_URL: pgUrl(name) },
    url: pgUrl(name),
    generation: report,
    drop: async () => {
      await pgAdmin(`drop database if exists ${name} with (force)`);
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** On-disk size of a data set copy in MiB (SQLite file and its WAL; PostgreSQL database). */
export async function datasetMiB(ds: Dataset): Promise<number> {
  if (ds.dialect === 'sqlite') {
    const file = ds.url.slice('sqlite:'.length);
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    return Math.round((size(file) + size(`${file}-wal`)) / 2 ** 20);
  }
  const name = ds.url.slice(ds.url.lastIndexOf('/') + 1);
  const { rows } = await pgAdmin(`select pg_database_size('${name}') as bytes`);
  return Math.round(Number(rows[0]?.bytes ?? 0) / 2 ** 20);
}

/** Removes every cached data set (files and template databases). */
export async function dropCache(cache: string, sizes: number[]): Promise<void> {
  for (const size of sizes) await pgAdmin(`drop database if exists ${template(size)} with (force)`);
  rmSync(cache, { recursive: true, force: true });
}
