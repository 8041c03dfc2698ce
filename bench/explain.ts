/**
 * `npx tsx bench/explain.ts --database-url URL [--as EMAIL] [--word facture] [--runs 5] [--write]`
 *
 * Where the time of the benchmarked reads goes: calls the real services (open queue, search, detail)
 * as a demo user on a generated database, logs every SQL statement they issue with its duration, and
 * prints the query plan of each (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN ANALYZE, BUFFERS).
 */
import { parseArgs } from 'node:util';
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import type { ActorRole } from '../common/roles.ts';
import type { Database } from '../server/db/database.ts';
import { NormalizeResultPlugin, SqliteBindPlugin } from '../server/db/normalize.ts';
import type { DB } from '../server/db/schema.ts';
import { listRequests } from '../server/modules/requests/request-list.ts';
import { createRequest } from '../server/modules/requests/request-create.ts';
import { ZCreateRequest, ZListQuery } from '../server/modules/requests/requests.schemas.ts';
import { getRequest } from '../server/modules/requests/requests.service.ts';
import '../server/modules/search/search.module.ts';
import type { Actor } from '../server/platform/actor.ts';
import type { Ctx } from '../server/platform/context.ts';
import { EventBus } from '../server/platform/events.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    as: { type: 'string', default: 'assistante@horizon.test' },
    word: { type: 'string', default: 'facture' },
    id: { type: 'string' },
    runs: { type: 'string', default: '5' },
    /** Also explains a creation (writes requests: use a copy of the data set). */
    write: { type: 'boolean', default: false },
    /** Only these calls: queue, search, detail, create. */
    only: { type: 'string', default: 'queue,search,detail,create' },
  },
});

interface Logged {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
let log: Logged[] = [];
const onLog = (e: LogEvent) => {
  log.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
};

async function open(url: string): Promise<Database> {
  if (url.startsWith('sqlite:')) {
    const { default: SQLite } = await import('better-sqlite3');
    const raw = new SQLite(url.slice('sqlite:'.length));
    raw.pragma('journal_mode = WAL');
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: raw }),
      plugins: [new SqliteBindPlugin(), new NormalizeResultPlugin()],
      log: onLog,
    });
    return { db, dialect: 'sqlite', ping: async () => true, destroy: () => db.destroy() };
  }
  const { default: pg } = await import('pg');
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }),
    plugins: [new NormalizeResultPlugin()],
    log: onLog,
  });
  return { db, dialect: 'postgres', ping: async () => true, destroy: () => db.destroy() };
}

async function actorOf(database: Database, email: string): Promise<Actor> {
  const m = await database.db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['users.id', 'users.display_name', 'memberships.organization_id', 'memberships.role', 'memberships.site_id'])
    .where('users.email', '=', email)
    .where('organizations.slug', '=', 'horizon')
    .executeTakeFirstOrThrow();
  return {
    userId: m.id,
    email,
    displayName: m.display_name,
    locale: 'fr',
    isOperator: false,
    organizationId: m.organization_id,
    role: m.role as ActorRole,
    siteId: m.site_id,
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
    scopes: ['read', 'write'],
    mfaPending: false,
    totpEnabled: false,
  };
}

async function plan(database: Database, q: Logged): Promise<string> {
  const pg = database.dialect === 'postgres';
  const text = pg ? `explain (analyze, buffers) ${q.sql}` : `explain query plan ${q.sql}`;
  const { rows } = await database.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...q.parameters]));
  return rows.map((r) => (pg ? String(r['QUERY PLAN']) : `${'  '.repeat(Number(r.parent ? 1 : 0))}${r.detail}`)).join('\n');
}

const KEYS: Record<string, string> = { file: 'queue', recherche: 'search', détail: 'detail', création: 'create' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Runs `fn` a few times (warm caches), then prints each statement of the last run with its median
 * duration over the runs (the statements of one call come in the same order each time) and its plan.
 */
async function explain(database: Database, label: string, fn: () => Promise<unknown>) {
  if (!(args.only ?? '').split(',').includes(KEYS[label.split(' ')[0] ?? ''] ?? '')) return;
  const runs = Number(args.runs);
  const times: number[] = [];
  const durations: number[][] = [];
  let last: Logged[] = [];
  for (let i = 0; i < runs; i++) {
    log = [];
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    last = log;
    last.forEach((q, n) => {
      durations[n] = [...(durations[n] ?? []), q.ms];
    });
  }
  log = [];
  const sum = last.reduce((a, _, n) => a + median(durations[n] ?? []), 0);
  console.log(
    `\n##### ${label}: médiane ${median(times).toFixed(1)} ms, dont SQL ${sum.toFixed(1)} ms (${last.length} requêtes)`,
  );
  for (const [n, q] of last.entries()) {
    console.log(`\n-- ${median(durations[n] ?? []).toFixed(2)} ms\n${q.sql}\n${JSON.stringify(q.parameters).slice(0, 300)}`);
    if (/^\s*(select|with)/i.test(q.sql)) console.log((await plan(database, q)).replace(/^/gm, '   | '));
  }
  log = [];
}

const url = args['database-url'] ?? '';
const database = await open(url);
try {
  const actor = await actorOf(database, args.as ?? '');
  const scope = { organizationId: actor.organizationId ?? '' };
  const ctx: Ctx = { database, events: new EventBus(), actor, ip: '127.0.0.1' };
  const id =
    args.id ??
    (
      await database.db
        .selectFrom('requests')
        .select('id')
        .where('confidentiality', '=', 'normal')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  const query = (q: Record<string, string>) => ZListQuery.parse(q);
  await explain(database, 'file ouverte', () => listRequests(ctx, scope, query({ open: 'true', sort: 'due', limit: '25' })));
  await explain(database, `recherche « ${args.word} »`, () => listRequests(ctx, scope, query({ q: args.word ?? '' })));
  await explain(database, 'détail', () => getRequest(ctx, scope, id));
  if (args.write) {
    const service = await database.db
      .selectFrom('services')
      .select('id')
      .where('organization_id', '=', scope.organizationId)
      .where('name', '=', 'Demande de devis')
      .executeTakeFirstOrThrow();
    const body = ZCreateRequest.parse({
      serviceId: service.id,
      title: 'Devis pour trois fauteuils ergonomiques',
      answers: { besoin: 'Trois fauteuils ergonomiques', nombre: 3 },
    });
    await explain(database, 'création', () => createRequest(ctx, scope, body));
  }
} finally {
  await database.destroy();
}
