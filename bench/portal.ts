import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchDialect } from './datasets.ts';
import { calmest, freshDatabase, printSummary, runDialects, writeResult } from './runner.ts';
import { BENCH_SECRET_KEY } from './generate.ts';
import { type Call, type LoadResult, login, postgresPids, raisePriority, startRelais } from './lib.ts';
import { generatePortalData, type PortalSample } from './portal-data.ts';

const { values: args } = parseArgs({
  options: {
    dialects: { type: 'string', default: 'sqlite,postgres' },
    articles: { type: 'string', default: '5000' },
    documents: { type: 'string', default: '20000' },
    folders: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '2' },
    nice: { type: 'string', default: '-10' },
    /** Only these scenarios (home,suggest,sentence,kbsearch,article,docsearch,folder). */
    only: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const REPEAT = Math.max(1, Number(args.repeat));
const NICE = Number(args.nice);
const ONLY = new Set((args.only ?? 'home,suggest,sentence,kbsearch,article,docsearch,folder').split(','));

/** A sentence as a requester types it in the request form, cut mid-word. */
export const SENTENCE = 'Bonjour, je voudrais savoir comment me faire rembourser une note de fr';

/** Interactive budget (p95, ms, SQLite) per scenario. */
export const TARGETS: Record<string, number> = { home: 50, suggest: 50, sentence: 50, kbsearch: 100, docsearch: 100 };

let turn = 0;
const rotate = <T>(items: T[]) => items[turn++ % items.length] as T;

/** The scenarios: [key, path maker], the same for both actors (their own ids). */
function scenarios(ids: { articles: string[]; folders: string[] }): [string, () => string][] {
  const q = encodeURIComponent;
  return [
    ['home', () => '/api/portal/home'],
    ['suggest', () => `/api/kb/suggest?q=${q('attestation employeur')}`],
    ['sentence', () => `/api/kb/suggest?q=${q(SENTENCE)}`],
    ['kbsearch', () => `/api/kb/articles?q=${q('note de frais')}`],
    ['article', () => `/api/kb/articles/${rotate(ids.articles)}`],
    ['docsearch', () => `/api/archive/documents?q=${q('contrat')}`],
    ['folder', () => `/api/archive/documents?folderId=${rotate(ids.folders)}`],
  ];
}

/** Checks each scenario's p95 against the interactive budget (SQLite is the reference; PostgreSQL reported too). */
function checkTargets(results: LoadResult[]) {
  return results
    .filter((r) => TARGETS[r.route.split(' ')[0] ?? ''] !== undefined)
    .map((r) => {
      const target = TARGETS[r.route.split(' ')[0] ?? ''] ?? 0;
      return { route: r.route, p95_ms: r.p95_ms, target_ms: target, met: r.p95_ms <= target };
    });
}

async function runOne(dialect: BenchDialect) {
  console.log(`\n=== ${dialect} : portail, ${args.articles} articles, ${args.documents} documents ===`);
  const db = await freshDatabase(dialect, 'portal');
  try {
    const t0 = performance.now();
    const sample: PortalSample = await generatePortalData({
      databaseUrl: db.url,
      dataDir: db.env.DATA_DIR ?? '',
      articles: Number(args.articles),
      documents: Number(args.documents),
      folders: Number(args.folders),
    });
    const generationSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const server = await startRelais({ ...db.env, SECRET_KEY: BENCH_SECRET_KEY, RELAIS_DEMO: '1' });
    const results: LoadResult[] = [];
    try {
      const pid = server.process.pid ?? 0;
      const name = db.url.slice(db.url.lastIndexOf('/') + 1);
      const watch = [
        { label: 'server', pids: () => [pid] },
        ...(dialect === 'postgres' ? [{ label: 'postgres', pids: () => postgresPids(name) }] : []),
      ];
      const actors = [
        {
          who: 'requester',
          email: 'demandeur@horizon.test',
          ids: { articles: sample.requesterArticles, folders: sample.requesterFolders },
        },
        {
          who: 'assistant',
          email: 'assistante@horizon.test',
          ids: { articles: sample.staffArticles, folders: sample.staffFolders },
        },
      ];
      for (const actor of actors) {
        const { cookie } = await login(server.address, actor.email);
        for (const [key, make] of scenarios(actor.ids)) {
          if (!ONLY.has(key)) continue;
          if (dialect === 'postgres' && NICE) raisePriority(postgresPids(name), NICE);
          const next = (): Call => ({ method: 'GET', path: make(), headers: { cookie } });
          results.push(
            await calmest(`${key} ${actor.who}`, server.address, next, {
              concurrency: CONCURRENCY,
              seconds: SECONDS,
              repeat: REPEAT,
              watch,
            }),
          );
        }
      }
    } catch (err) {
      console.error(server.output());
      throw err;
    } finally {
      await server.stop();
    }
    const report = {
      dialect,
      dataset: {
        articles: Number(args.articles),
        documents: Number(args.documents),
        folders: Number(args.folders),
        requesterArticles: sample.requesterArticles.length,
        requesterFolders: sample.requesterFolders.length,
        generationSeconds,
        ...sample.seconds,
      },
      seconds: SECONDS,
      concurrency: CONCURRENCY,
      repeat: REPEAT,
      nice: NICE,
      node: process.version,
      at: new Date().toISOString(),
      loadavg: loadavg().map((n) => Math.round(n * 100) / 100),
      sentence: SENTENCE,
      results,
      targets: checkTargets(results),
    };
    writeResult(`portal-${dialect}-${args.articles}.json`, report);
    return report;
  } finally {
    await db.drop();
  }
}

if (NICE) raisePriority([process.pid], NICE);
printSummary(await runDialects(args.dialects ?? '', runOne));
