/**
 * Shared pieces of the benchmarks: the load loop (latency percentiles, throughput, CPU shares), the
 * login, and the result table; the HTTP client and the processes live in http-client.ts and processes.ts.
 */
import { type Call, Connection, serialize } from './http-client.ts';
import { cpuSeconds, machineCpuSeconds } from './processes.ts';

export type { Call } from './http-client.ts';
export * from './processes.ts';

export interface LoadOptions {
  concurrency: number;
  seconds: number;
  /** Unrecorded run before the measure (JIT, caches, connection set-up). */
  warmupSeconds?: number;
  /** Processes whose CPU time is reported (the server, PostgreSQL…). */
  watch?: { label: string; pids: () => number[] }[];
}

export interface LoadResult {
  route: string;
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /** CPU used during the measure, in % of one core. */
  cpu: Record<string, number>;
  statuses: Record<string, number>;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runFor(
  address: URL,
  next: () => Call,
  concurrency: number,
  seconds: number,
  record: (ms: number, status: number) => void,
) {
  const host = address.host;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    const conn = new Connection(address.hostname, Number(address.port));
    while (performance.now() < end) {
      const raw = serialize(host, next());
      const t0 = performance.now();
      const status = await conn.send(raw).catch(() => 0);
      record(performance.now() - t0, status);
    }
    conn.close();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Sends `next()` calls from `concurrency` clients for `seconds` (after a warm-up) and summarises
 * latency percentiles, throughput, error count (non-2xx) and CPU use.
 */
export async function load(label: string, address: URL, next: () => Call, options: LoadOptions): Promise<LoadResult> {
  const { concurrency, seconds, warmupSeconds = 1, watch = [] } = options;
  if (warmupSeconds > 0) await runFor(address, next, concurrency, warmupSeconds, () => {});
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const watched0 = watch.map((w) => cpuSeconds(w.pids()));
  const machine0 = machineCpuSeconds();
  const t0 = performance.now();
  await runFor(address, next, concurrency, seconds, (ms, status) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  const cpu: Record<string, number> = { client: Math.round(((c.user + c.system) / 1e6 / wall) * 100) };
  watch.forEach((w, i) => {
    cpu[w.label] = Math.round(((cpuSeconds(w.pids()) - (watched0[i] ?? 0)) / wall) * 100);
  });
  // Whatever else ran on the machine meanwhile (another build, tests): a large share makes the figures noisy.
  const known = Object.values(cpu).reduce((a, b) => a + b, 0);
  cpu.others = Math.max(0, Math.round(((machineCpuSeconds() - machine0) / wall) * 100) - known);
  const sorted = Float64Array.from(latencies).sort();
  const errors = Object.entries(statuses).reduce((n, [s, k]) => (s.startsWith('2') ? n : n + k), 0);
  return {
    route: label,
    concurrency,
    requests: sorted.length,
    errors,
    rps: round(sorted.length / wall),
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.at(-1) ?? 0),
    cpu,
    statuses,
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs in through the API: the session cookie and the CSRF token that writes must send back. */
export async function login(address: URL, email: string, password = 'relais-demo'): Promise<Session> {
  const res = await fetch(new URL('/api/auth/login', address), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken };
}

/** Prints a result table without the nested columns. */
export function printTable(results: LoadResult[]): void {
  console.table(
    results.map(({ statuses, cpu, ...r }) => ({
      ...r,
      cpu: Object.entries(cpu)
        .map(([k, v]) => `${k} ${v}%`)
        .join(', '),
    })),
  );
}
