/**
 * Data of the portal benchmark (bench/portal.ts): the demo organisation (seeded as server/main.ts
 * would), then for Groupe Horizon a large knowledge base (published articles of every type and
 * audience, French text from word lists, indexed by the search module's `indexArticle`) and a large
 * archive (folders per site and per theme, document metadata whose versions point at a few real
 * stored files). Bulk multi-row inserts (bench/bulk.ts) in transactions, like bench/generate.ts.
 */
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { indexArticle } from '../server/modules/search/kb-index.ts';
import { isEmpty, seedDemo } from '../server/seed/demo.ts';
import { columns, insertRows, type Row } from './bulk.ts';
import { BENCH_SECRET_KEY } from './generate.ts';
import { DAY_MS, idAt, Random, Weighted } from './gen-random.ts';
import { fillArchive, storedFiles } from './portal-archive.ts';
import { kbText } from './portal-words.ts';

export interface PortalDataOptions {
  databaseUrl: string;
  dataDir: string;
  articles: number;
  documents: number;
  folders: number;
  seed?: number;
  log?: (line: string) => void;
}

/** Ids the scenarios read, per actor: articles and folders each one may see. */
export interface PortalSample {
  requesterArticles: string[];
  staffArticles: string[];
  requesterFolders: string[];
  staffFolders: string[];
  seconds: { insert: number; index: number };
}

const ARTICLE_COLUMNS = columns(
  'id organization_id space_id title body type status audience:jsonb audience_kind owner_id review_on views:int ' +
    'published_at:ts revision:int created_by created_at:ts updated_at:ts version:int',
);
const TARGET_COLUMNS = columns('organization_id article_id target_id');
const SERVICE_COLUMNS = columns('organization_id article_id service_id');
const REVISION_COLUMNS = columns('id organization_id article_id number:int title body author_id created_at:ts');
const SPACE_COLUMNS = columns('id organization_id name description created_at:ts updated_at:ts version:int');
const SPACES = ['Ressources humaines', 'Comptabilité', 'Services généraux', 'Informatique', 'Achats', 'Juridique'];
const iso = (ms: number) => new Date(ms).toISOString();

/** Opens, migrates and seeds the database the way server/main.ts does (demo organisation). */
export async function prepare(options: { databaseUrl: string; dataDir: string }) {
  const config = loadConfig({
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    SECRET_KEY: BENCH_SECRET_KEY,
    LOG_LEVEL: 'silent',
    RELAIS_DEMO: '0',
  });
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const { app, deps } = await buildApp({ config, database, logger: false });
  await app.ready();
  if (await isEmpty(deps)) await seedDemo(deps);
  return { database, app, deps };
}

/** What the generated rows refer to: the organisation, its sites, teams, services and demo users. */
async function references(database: Database) {
  const db = database.db;
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow();
  const sites = await db.selectFrom('sites').select('id').where('organization_id', '=', org.id).execute();
  const teams = await db.selectFrom('teams').select('id').where('organization_id', '=', org.id).execute();
  const services = await db.selectFrom('services').select('id').where('organization_id', '=', org.id).execute();
  const user = async (email: string) => {
    const row = await db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'memberships.site_id'])
      .where('users.email', '=', email)
      .where('memberships.organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    return row;
  };
  return {
    orgId: org.id,
    sites: sites.map((s) => s.id),
    teams: teams.map((t) => t.id),
    services: services.map((s) => s.id),
    requester: await user('demandeur@horizon.test'),
    assistant: await user('assistante@horizon.test'),
    coordinator: await user('coordinatrice@horizon.test'),
  };
}
type Refs = Awaited<ReturnType<typeof references>>;

const AUDIENCES = new Weighted<'all' | 'site' | 'staff' | 'teams'>([
  ['all', 45],
  ['site', 25],
  ['staff', 25],
  ['teams', 5],
]);
const TYPES = new Weighted([
  ['faq', 50],
  ['howto', 30],
  ['process', 20],
]);

/** Bulk rows of the knowledge base: spaces, published articles, audience targets, services, revision 1. */
function kbRows(ctx: { refs: Refs; dialect: string; now: number }, rnd: Random, count: number) {
  const { refs, now } = ctx;
  const rows = {
    spaces: [] as Row[],
    articles: [] as Row[],
    targets: [] as Row[],
    services: [] as Row[],
    revisions: [] as Row[],
  };
  const sample = { requester: [] as string[], staff: [] as string[] };
  const spaceIds = SPACES.map((name) => {
    const id = idAt(now - 1000 * DAY_MS, rnd);
    rows.spaces.push([id, refs.orgId, name, `Articles ${name.toLowerCase()}`, iso(now), iso(now), 1]);
    return id;
  });
  for (let n = 0; n < count; n++) {
    const created = now - rnd.int(1, 1000) * DAY_MS + rnd.int(0, DAY_MS);
    const id = idAt(created, rnd);
    const { title, body } = kbText(rnd, n);
    const kind = AUDIENCES.pick(rnd);
    const targets = kind === 'site' ? [rnd.pick(refs.sites)] : kind === 'teams' ? [rnd.pick(refs.teams)] : [];
    const audience =
      kind === 'staff'
        ? { kind: 'staff' }
        : kind === 'teams'
          ? { kind, teamIds: targets }
          : { kind: 'requesters', siteIds: targets };
    const updated = Math.min(now, created + rnd.int(0, 60) * DAY_MS);
    const owner = rnd.chance(0.5) ? refs.assistant.id : refs.coordinator.id;
    const review = rnd.chance(0.7) ? iso(updated + rnd.int(90, 400) * DAY_MS).slice(0, 10) : null;
    rows.articles.push([
      id,
      refs.orgId,
      rnd.pick(spaceIds),
      title,
      body,
      TYPES.pick(rnd),
      'published',
      JSON.stringify(audience),
      audience.kind,
      owner,
      review,
      rnd.int(0, 400),
      iso(updated),
      1,
      owner,
      iso(created),
      iso(updated),
      2,
    ]);
    for (const t of targets) rows.targets.push([refs.orgId, id, t]);
    if (rnd.chance(0.7)) rows.services.push([refs.orgId, id, rnd.pick(refs.services)]);
    rows.revisions.push([idAt(created, rnd), refs.orgId, id, 1, title, body, owner, iso(created)]);
    if (kind !== 'teams') sample.staff.push(id);
    if (kind === 'all' || (kind === 'site' && targets[0] === refs.requester.site_id)) sample.requester.push(id);
  }
  return { rows, sample };
}

/** Inserts the knowledge base, then indexes every article with the search module (500 per transaction). */
async function fillKb(database: Database, refs: Refs, rnd: Random, count: number, now: number) {
  const { rows, sample } = kbRows({ refs, dialect: database.dialect, now }, rnd, count);
  const d = database.dialect;
  await database.db.transaction().execute(async (trx) => {
    await insertRows(trx, d, 'kb_spaces', SPACE_COLUMNS, rows.spaces);
    await insertRows(trx, d, 'kb_articles', ARTICLE_COLUMNS, rows.articles);
    await insertRows(trx, d, 'kb_article_targets', TARGET_COLUMNS, rows.targets);
    await insertRows(trx, d, 'kb_article_services', SERVICE_COLUMNS, rows.services);
    await insertRows(trx, d, 'kb_revisions', REVISION_COLUMNS, rows.revisions);
  });
  const t0 = performance.now();
  const ids = rows.articles.map((r) => String(r[0]));
  for (let i = 0; i < ids.length; i += 500) {
    await database.db.transaction().execute(async (trx) => {
      for (const id of ids.slice(i, i + 500)) await indexArticle(trx, d, { organizationId: refs.orgId }, id);
    });
  }
  return { sample, indexSeconds: (performance.now() - t0) / 1000 };
}

/** Builds the portal benchmark's data set in an empty database; see the file header. */
export async function generatePortalData(options: PortalDataOptions): Promise<PortalSample> {
  const log = options.log ?? console.log;
  const { database, app, deps } = await prepare(options);
  try {
    if (database.dialect === 'sqlite') await sql`pragma synchronous = off`.execute(database.db);
    const rnd = new Random(options.seed ?? 20261127);
    const now = Date.now();
    const refs = await references(database);
    const t0 = performance.now();
    log(`  ${options.articles} articles, ${options.documents} documents dans ${options.folders} dossiers (${database.dialect})…`);
    const kb = await fillKb(database, refs, rnd, options.articles, now);
    const folders = await fillArchive(database, refs, rnd, options, await storedFiles(deps.storage), now);
    if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
    else await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
    const insert = (performance.now() - t0) / 1000 - kb.indexSeconds;
    log(`  fini : ${insert.toFixed(1)} s d’insertion, ${kb.indexSeconds.toFixed(1)} s d’indexation`);
    return {
      requesterArticles: kb.sample.requester,
      staffArticles: kb.sample.staff,
      requesterFolders: folders.requester,
      staffFolders: folders.staff,
      seconds: { insert: Math.round(insert * 10) / 10, index: Math.round(kb.indexSeconds * 10) / 10 },
    };
  } finally {
    await app.close();
    await database.destroy();
  }
}
