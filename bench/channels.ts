import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type ChannelsSample, generateChannelsData } from './channels-data.ts';
import type { BenchDialect } from './datasets.ts';
import { calmest, freshDatabase, printSummary, runDialects, writeResult } from './runner.ts';
import { BENCH_SECRET_KEY } from './generate.ts';
import { type Call, type LoadResult, login, postgresPids, raisePriority, startRelais } from './lib.ts';

const { values: args } = parseArgs({
  options: {
    dialects: { type: 'string', default: 'sqlite,postgres' },
    channels: { type: 'string', default: '60' },
    messages: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '2' },
    nice: { type: 'string', default: '-10' },
    only: { type: 'string', default: 'list,page,older,thread,search,post' },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const REPEAT = Math.max(1, Number(args.repeat));
const NICE = Number(args.nice);
const ONLY = new Set((args.only ?? '').split(','));

/** Interactive budget (p95, ms, SQLite) per scenario. */
export const TARGETS: Record<string, number> = { list: 50, page: 50, older: 50, thread: 50, search: 100, post: 50 };

let posted = 0;
function scenarios(s: ChannelsSample): [string, () => Omit<Call, 'headers'>][] {
  return [
    ['list', () => ({ method: 'GET', path: '/api/channels' })],
    ['page', () => ({ method: 'GET', path: `/api/channels/${s.busy}/messages` })],
    ['older', () => ({ method: 'GET', path: `/api/channels/${s.busy}/messages?before=${s.cursor}` })],
    ['thread', () => ({ method: 'GET', path: `/api/channels/${s.busy}/messages?threadRootId=${s.threadRoot}` })],
    ['search', () => ({ method: 'GET', path: `/api/channels/search?q=${encodeURIComponent('facture fournisseur')}` })],
    [
      'post',
      () => ({
        method: 'POST',
        path: `/api/channels/${s.quiet}/messages`,
        body: { body: `Message de charge n° ${++posted} : qui reprend la facture ?` },
      }),
    ],
  ];
}

async function measure(dialect: BenchDialect, address: URL, pid: number, dbName: string, sample: ChannelsSample) {
  const watch = [
    { label: 'server', pids: () => [pid] },
    ...(dialect === 'postgres' ? [{ label: 'postgres', pids: () => postgresPids(dbName) }] : []),
  ];
  const { cookie, csrf } = await login(address, 'assistante@horizon.test');
  const results: LoadResult[] = [];
  for (const [key, make] of scenarios(sample)) {
    if (!ONLY.has(key)) continue;
    if (dialect === 'postgres' && NICE) raisePriority(postgresPids(dbName), NICE);
    const next = (): Call => ({ ...make(), headers: { cookie, 'x-csrf-token': csrf } });
    results.push(await calmest(key, address, next, { concurrency: CONCURRENCY, seconds: SECONDS, repeat: REPEAT, watch }));
  }
  return results;
}

async function runOne(dialect: BenchDialect) {
  console.log(`\n=== ${dialect} : canaux, ${args.channels} canaux, ${args.messages} messages ===`);
  const db = await freshDatabase(dialect, 'channels');
  try {
    const sample = await generateChannelsData({
      databaseUrl: db.url,
      dataDir: db.env.DATA_DIR,
      channels: Number(args.channels),
      messages: Number(args.messages),
    });
    const server = await startRelais({ ...db.env, SECRET_KEY: BENCH_SECRET_KEY, RELAIS_DEMO: '1' });
    let results: LoadResult[] = [];
    try {
      const name = db.url.slice(db.url.lastIndexOf('/') + 1);
      results = await measure(dialect, server.address, server.process.pid ?? 0, name, sample);
    } catch (err) {
      console.error(server.output());
      throw err;
    } finally {
      await server.stop();
    }
    const targets = results.map((r) => ({
      route: r.route,
      p95_ms: r.p95_ms,
      target_ms: TARGETS[r.route],
      met: r.p95_ms <= (TARGETS[r.route] ?? 0),
    }));
    const report = {
      dialect,
      dataset: { channels: Number(args.channels), messages: Number(args.messages), ...sample.seconds },
      seconds: SECONDS,
      concurrency: CONCURRENCY,
      repeat: REPEAT,
      node: process.version,
      at: new Date().toISOString(),
      loadavg: loadavg().map((n) => Math.round(n * 100) / 100),
      results,
      targets,
    };
    writeResult(`channels-${dialect}-${args.messages}.json`, report);
    return report;
  } finally {
    await db.drop();
  }
}

if (NICE) raisePriority([process.pid], NICE);
printSummary(await runDialects(args.dialects ?? '', runOne));
