/**
 * Data of the chat benchmark (bench/channels.ts): the demo organisation (seeded as server/main.ts
 * would), then for Groupe Horizon many channels (site, team, topic; some private) with the demo staff as
 * members, and a long history of messages (French chat lines, threads) indexed for search the way
 * `indexMessage` does, in bulk. One busy channel carries a third of the traffic; the demo assistant's
 * read marker is set a few days back so unread counts are large (the expensive case).
 */
import { sql } from 'kysely';
import type { openDatabase } from '../server/db/database.ts';
import { columns, insertRows, type Row } from './bulk.ts';
import { prepare } from './portal-data.ts';
import { DAY_MS, fill, idAt, Random } from './gen-random.ts';

export interface ChannelsDataOptions {
  databaseUrl: string;
  dataDir: string;
  channels: number;
  messages: number;
  seed?: number;
}

/** What the scenarios read: the busy channel, a quiet one to post in, a thread root, a cursor. */
export interface ChannelsSample {
  busy: string;
  quiet: string;
  threadRoot: string;
  cursor: string;
  seconds: { insert: number; index: number };
}

const CHANNEL_COLUMNS = columns(
  'id organization_id kind site_id team_id name description private:bool urgent:bool archived:bool created_by ' +
    'created_at:ts updated_at:ts version:int',
);
const MEMBER_COLUMNS = columns('id organization_id channel_id user_id role joined_at:ts last_read_at:ts muted:bool');
const MESSAGE_COLUMNS = columns(
  'id organization_id channel_id author_id body thread_root_id urgent:bool created_at:ts updated_at:ts version:int',
);
const LINES = [
  'Bonjour à toutes, qui peut reprendre la facture {num} de {fournisseur} ?',
  'La salle {salle} est réservée jeudi pour le comité, merci de prévoir le café.',
  'Rappel : les notes de frais de {mois} sont à déposer avant le {jour}.',
  'Je m’occupe de la commande de {article} pour {ville}.',
  '{personne} arrive lundi, pensez au badge et au poste de travail.',
  'Le contrat de {objet} arrive à échéance, qui relance {fournisseur} ?',
  'Colis de {fournisseur} reçu à l’accueil de {ville}.',
  'Point hebdo : {nb} demandes en cours, deux en retard sur le délai.',
  'Merci pour la relance, c’est réglé avec {client}.',
  'Attention : coupure d’électricité prévue à {ville} le {jour} {mois}.',
];
const iso = (ms: number) => new Date(ms).toISOString();
/** Booleans as each dialect binds them (SQLite stores 0/1). */
let bool = (v: boolean): unknown => v;

/** Channels and memberships: every staff member of Horizon in every public channel, the assistant in all. */
function channelRows(refs: Refs, rnd: Random, count: number, now: number) {
  const channels: Row[] = [];
  const members: Row[] = [];
  for (let n = 0; n < count; n++) {
    const id = idAt(now - 400 * DAY_MS + n, rnd);
    const kind = n % 3 === 0 ? 'site' : n % 3 === 1 ? 'team' : 'topic';
    const site = kind === 'site' ? rnd.pick(refs.sites) : null;
    const team = kind === 'team' ? rnd.pick(refs.teams) : null;
    const priv = n % 5 === 4;
    channels.push([
      id,
      refs.orgId,
      kind,
      site,
      team,
      `canal ${n + 1}`,
      '',
      bool(priv),
      bool(false),
      bool(false),
      null,
      iso(now),
      iso(now),
      1,
    ]);
    const people = priv ? [refs.assistant] : refs.staff;
    for (const user of people) {
      const read = user === refs.assistant ? iso(now - 3 * DAY_MS) : iso(now - rnd.int(0, 30) * DAY_MS);
      const role = user === refs.assistant ? 'owner' : 'member';
      members.push([idAt(now, rnd), refs.orgId, id, user, role, iso(now), read, bool(false)]);
    }
  }
  return { channels, members, ids: channels.map((c) => c[0] as string) };
}

/** Messages over 400 days, a third in the busy channel; one root in ten gets replies (in its channel). */
function messageRows(refs: Refs, rnd: Random, channelIds: string[], count: number, now: number) {
  const rows: Row[] = [];
  const roots: [id: string, channel: string][] = [];
  const start = now - 400 * DAY_MS;
  for (let n = 0; n < count; n++) {
    const at = start + Math.floor((n / count) * 400 * DAY_MS) + rnd.int(0, 60_000);
    const reply = roots.length > 0 && rnd.chance(0.15) ? rnd.pick(roots.slice(-20)) : null;
    const channel = reply ? reply[1] : rnd.chance(0.33) ? (channelIds[0] as string) : rnd.pick(channelIds);
    const id = idAt(at, rnd);
    const body = fill(rnd.pick(LINES), rnd);
    rows.push([id, refs.orgId, channel, rnd.pick(refs.staff), body, reply?.[0] ?? null, bool(false), iso(at), iso(at), 1]);
    if (!reply && rnd.chance(0.1)) roots.push([id, channel]);
  }
  return rows;
}

async function references(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow();
  const sites = await db.selectFrom('sites').select('id').where('organization_id', '=', org.id).execute();
  const teams = await db.selectFrom('teams').select('id').where('organization_id', '=', org.id).execute();
  const staff = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email'])
    .where('memberships.organization_id', '=', org.id)
    .where('memberships.role', 'in', ['assistant', 'coordinator', 'org_admin'])
    .execute();
  const assistant = staff.find((s) => s.email === 'assistante@horizon.test')?.id ?? '';
  return {
    orgId: org.id,
    sites: sites.map((s) => s.id),
    teams: teams.map((t) => t.id),
    staff: [...new Set(staff.map((s) => s.id))],
    assistant,
  };
}
type Refs = Awaited<ReturnType<typeof references>>;

/** Generates the channels and messages and indexes them; returns the ids the scenarios use. */
export async function generateChannelsData(options: ChannelsDataOptions): Promise<ChannelsSample> {
  const { database, app } = await prepare(options);
  try {
    const db = database.db;
    bool = database.dialect === 'sqlite' ? (v) => (v ? 1 : 0) : (v) => v;
    const rnd = new Random(options.seed ?? 7);
    const refs = await references(db);
    const now = Date.now() - 60_000;
    const t0 = performance.now();
    const { channels, members, ids } = channelRows(refs, rnd, options.channels, now);
    const messages = messageRows(refs, rnd, ids, options.messages, now);
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, database.dialect, 'channels', CHANNEL_COLUMNS, channels);
      await insertRows(trx, database.dialect, 'channel_members', MEMBER_COLUMNS, members);
      await insertRows(trx, database.dialect, 'messages', MESSAGE_COLUMNS, messages);
    });
    const t1 = performance.now();
    const vector = database.dialect === 'postgres' ? sql`, setweight(to_tsvector('relais_fr', body), 'A')` : sql``;
    const tsv = database.dialect === 'postgres' ? sql`, tsv` : sql``;
    await sql`insert into message_search (message_id, organization_id, channel_id, body_text ${tsv})
      select id, organization_id, channel_id, body ${vector} from messages
      where organization_id = ${refs.orgId} and id not in (select message_id from message_search)`.execute(db);
    if (database.dialect === 'postgres') await sql`analyze`.execute(db);
    else await sql`pragma optimize`.execute(db);
    const t2 = performance.now();
    const busyRows = messages.filter((m) => m[2] === ids[0]);
    const replied = new Set(messages.map((m) => m[5]).filter(Boolean));
    const root = busyRows.find((m) => replied.has(m[0]));
    return {
      busy: ids[0] as string,
      quiet: ids[ids.length - 1] as string,
      threadRoot: (root?.[0] as string) ?? '',
      cursor: busyRows[Math.floor(busyRows.length / 2)]?.[0] as string,
      seconds: { insert: Math.round(t1 - t0) / 1000, index: Math.round(t2 - t1) / 1000 },
    };
  } finally {
    await app.close();
    await database.destroy();
  }
}
