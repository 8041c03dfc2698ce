/**
 * Processes around the benchmarks: the servers under test (each in its own process, as in
 * production), the CPU time of processes and of the whole machine (read from /proc), and the
 * PostgreSQL maintenance connection that creates and drops the benchmark databases.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..');

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) of processes in seconds, read from /proc. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU time used by the whole machine (all cores, every process) in seconds, from /proc/stat. */
export function machineCpuSeconds(): number {
  const line = readFileSync('/proc/stat', 'latin1').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
}

/**
 * Pids of the local PostgreSQL processes; with `database`, only the backends serving it (their
 * command line names the database), so that other databases' work is not counted.
 */
export function postgresPids(database?: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'latin1').trim() !== 'postgres') continue;
      if (database && !readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(` ${database} `)) continue;
      pids.push(Number(name));
    } catch {}
  }
  return pids;
}

export interface Server {
  address: URL;
  process: ChildProcess;
  /** Last lines the server printed (shown when something fails). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a Node script in its own process with PORT/HOST set and waits until `readyPath` answers. */
export async function startProcess(args: string[], env: Record<string, string>, readyPath: string): Promise<Server> {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const address = new URL(`http://127.0.0.1:${port}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const server: Server = {
    address,
    process: child,
    output: () => tail,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(new URL(readyPath, address)).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`the server did not start:\n${tail}`);
}

/** The real Relais server (`node --import tsx server/main.ts`), as in production; with a V8 CPU profile when asked. */
export function startRelais(env: Record<string, string>, profileDir?: string): Promise<Server> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return startProcess([...profile, '--import', 'tsx', 'server/main.ts'], { LOG_LEVEL: 'warn', ...env }, '/api/health');
}

/** PostgreSQL server used by the benchmarks (same default as the test suite). */
export const PG_ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ?? process.env.RELAIS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** URL of a database on the benchmark's PostgreSQL server. */
export const pgUrl = (name: string) => PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);

/** Runs one statement on the PostgreSQL maintenance database (create/drop database). */
export async function pgAdmin(text: string): Promise<{ rows: Record<string, unknown>[] }> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Raises the scheduling priority of the benchmark's own processes (root only; silently ignored
 * otherwise): on a machine shared with builds and test runs, the measure then reflects Relais rather
 * than whatever else was running. Children started afterwards inherit it.
 */
export function raisePriority(pids: number[], nice: number): void {
  for (const pid of pids) {
    try {
      setPriority(pid, nice);
    } catch {
      // not allowed (not root) or the process ended
    }
  }
}
