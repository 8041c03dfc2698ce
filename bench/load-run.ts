/**
 * One measure of the load test: autocannon instances in parallel (one per node URL, the connections split
 * between them), latencies recorded per route from the response events, socket errors and timeouts counted,
 * and the nodes' memory (VmRSS, peak) and CPU sampled from /proc during the run.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { LabelledRequest } from './load-workload.ts';
import { cpuSeconds, machineCpuSeconds, percentile } from './lib.ts';

export interface RouteFigures {
  route: string;
  count: number;
  /** Non-2xx answers of this route. */
  errors: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  rps: number;
  statuses: Record<string, number>;
}

export interface RunFigures {
  seconds: number;
  connections: number;
  requests: number;
  rps: number;
  /** Non-2xx answers + socket errors + timeouts (must be 0). */
  errors: number;
  socketErrors: number;
  timeouts: number;
  routes: RouteFigures[];
  /** Peak resident memory of each node, MiB. */
  rssPeakMiB: number[];
  /** CPU used during the measure, % of one core: load generator, nodes, PostgreSQL, everything else. */
  cpu: Record<string, number>;
  /** The 10 slowest answers: route, latency and when it ended (seconds into the run), to tell a stall from a trend. */
  slowest: { route: string; ms: number; at_s: number }[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** VmRSS of a process in MiB (0 when it is gone). */
function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'latin1').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export interface RunOptions {
  urls: string[];
  nodePids: number[];
  postgresPids: () => number[];
  connections: number;
  seconds: number;
  requests: LabelledRequest[];
}

/** Runs the cycle against every URL at once for `seconds` and returns the merged figures. */
export async function measure(o: RunOptions): Promise<RunFigures> {
  const latencies = new Map<string, number[]>();
  const statuses = new Map<string, Record<string, number>>();
  const peaks = o.nodePids.map(() => 0);
  const slowest: RunFigures['slowest'] = [];
  const sample = () => {
    o.nodePids.forEach((pid, i) => {
      peaks[i] = Math.max(peaks[i] ?? 0, rssMiB(pid));
    });
  };
  const sampler = setInterval(sample, 250);
  const cpu0 = process.cpuUsage();
  const nodes0 = cpuSeconds(o.nodePids);
  const pg0 = cpuSeconds(o.postgresPids());
  const machine0 = machineCpuSeconds();
  const t0 = performance.now();
  const results = await Promise.all(
    o.urls.map((url, i) => {
      // The connections split over the nodes (50 over 2 nodes: 25 + 25).
      const connections = Math.floor(o.connections / o.urls.length) + (i < o.connections % o.urls.length ? 1 : 0);
      return new Promise<autocannon.Result>((resolve, reject) => {
        const options = { url, connections, duration: o.seconds, requests: o.requests, timeout: 10 };
        const instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
        instance.on('response', (client, status, _bytes, ms) => {
          const label = (client as unknown as { requestIterator: { currentRequest: LabelledRequest } }).requestIterator
            .currentRequest.label;
          if (!latencies.has(label)) latencies.set(label, []);
          latencies.get(label)?.push(ms);
          if (ms > (slowest[9]?.ms ?? 0))
            keepSlow(slowest, { route: label, ms: round(ms), at_s: round((performance.now() - t0) / 1000) });
          const byStatus = statuses.get(label) ?? {};
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          statuses.set(label, byStatus);
        });
      });
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  sample();
  const used = process.cpuUsage(cpu0);
  const cpu: Record<string, number> = {
    generator: Math.round(((used.user + used.system) / 1e6 / wall) * 100),
    nodes: Math.round(((cpuSeconds(o.nodePids) - nodes0) / wall) * 100),
    postgres: Math.round(((cpuSeconds(o.postgresPids()) - pg0) / wall) * 100),
  };
  const known = Object.values(cpu).reduce((s, v) => s + v, 0);
  cpu.others = Math.max(0, Math.round(((machineCpuSeconds() - machine0) / wall) * 100) - known);
  const routes = [...latencies.entries()].map(([route, list]) => routeFigures(route, list, statuses.get(route) ?? {}, wall));
  const order = [...new Set(o.requests.map((r) => r.label))];
  routes.sort((a, b) => order.indexOf(a.route) - order.indexOf(b.route));
  const socketErrors = results.reduce((s, r) => s + r.errors - r.timeouts, 0);
  const timeouts = results.reduce((s, r) => s + r.timeouts, 0);
  const requests = routes.reduce((s, r) => s + r.count, 0);
  return {
    seconds: round(wall),
    connections: o.connections,
    requests,
    rps: round(requests / wall),
    errors: routes.reduce((s, r) => s + r.errors, 0) + socketErrors + timeouts,
    socketErrors,
    timeouts,
    routes,
    rssPeakMiB: peaks.map((p) => Math.round(p)),
    cpu,
    slowest,
  };
}

function keepSlow(list: RunFigures['slowest'], item: RunFigures['slowest'][number]) {
  list.push(item);
  list.sort((a, b) => b.ms - a.ms);
  list.length = Math.min(list.length, 10);
}

function routeFigures(route: string, list: number[], byStatus: Record<string, number>, wall: number): RouteFigures {
  const sorted = Float64Array.from(list).sort();
  const errors = Object.entries(byStatus).reduce((n, [s, k]) => (s.startsWith('2') ? n : n + k), 0);
  return {
    route,
    count: sorted.length,
    errors,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.at(-1) ?? 0),
    rps: round(sorted.length / wall),
    statuses: byStatus,
  };
}
