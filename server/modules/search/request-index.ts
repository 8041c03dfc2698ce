import type { Database, Dialect, Kdb } from '../../db/database.ts';
import type { RequestSearchTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { pgVector } from './query.ts';
import { cleanText, flattenValues, idsIn } from './text.ts';

/** Requests indexed per statement by the bulk paths (rebuild, backfill). */
const BATCH = 1000;

type Doc = Omit<RequestSearchTable, 'tsv'>;

/** "DEM-2026-000123" is also found as "123": the short number is indexed next to the reference. */
export function referenceText(reference: string): string {
  const number = /(\d+)$/.exec(reference)?.[1];
  const short = number?.replace(/^0+(?=\d)/, '');
  return short && short !== number ? `${reference} ${short}` : reference;
}

/** Names of the people and sites an answer refers to by id, so "Jean Dupont" finds his onboarding. */
async function namesOf(db: Kdb, scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const [people, sites] = await Promise.all([
    tenant
      .selectFrom(db, scope, 'memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as id', 'users.display_name as name'])
      .where('memberships.user_id', 'in', ids)
      .execute(),
    tenant.selectFrom(db, scope, 'sites').select(['id', 'name']).where('id', 'in', ids).execute(),
  ]);
  return new Map([...people, ...sites].map((r) => [r.id, r.name]));
}

/** The searchable text of some requests of one organisation, read with the caller's connection. */
async function documents(db: Kdb, scope: Scope, ids: string[]): Promise<Doc[]> {
  const [rows, events] = await Promise.all([
    tenant
      .selectFrom(db, scope, 'requests')
      .leftJoin('users', 'users.id', 'requests.requester_id')
      .select(['requests.id', 'requests.reference', 'requests.title', 'requests.description', 'requests.answers'])
      .select('users.display_name as requester_name')
      .where('requests.id', 'in', ids)
      .execute(),
    tenant
      .selectFrom(db, scope, 'request_events')
      .select(['request_id', 'public', 'body'])
      .where('request_id', 'in', ids)
      .where('body', 'is not', null)
      .orderBy('request_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const names = await namesOf(db, scope, [...idsIn(rows.map((r) => r.answers))]);
  const texts = new Map(ids.map((id) => [id, { replies: [] as string[], notes: [] as string[] }]));
  for (const e of events) texts.get(e.request_id)?.[e.public ? 'replies' : 'notes'].push(e.body ?? '');
  return rows.map((r) => ({
    request_id: r.id,
    organization_id: scope.organizationId,
    ref_text: cleanText(referenceText(r.reference)),
    title_text: cleanText(r.title),
    body_text: cleanText([r.description, ...flattenValues(r.answers, names), r.requester_name ?? ''].join('\n')),
    reply_text: cleanText(texts.get(r.id)?.replies.join('\n') ?? '', true),
    note_text: cleanText(texts.get(r.id)?.notes.join('\n') ?? '', true),
  }));
}

/** Inserts or replaces the documents in one statement (PostgreSQL computes the weighted tsvector). */
async function write(db: Kdb, dialect: Dialect, docs: Doc[]): Promise<void> {
  if (!docs.length) return;
  const pg = dialect === 'postgres';
  const rows = docs.map((d) =>
    pg
      ? {
          ...d,
          tsv: pgVector([
            [d.ref_text, 'A'],
            [d.title_text, 'A'],
            [d.body_text, 'B'],
            [d.reply_text, 'C'],
            [d.note_text, 'D'],
          ]),
        }
      : d,
  );
  await db
    .insertInto('request_search')
    .values(rows)
    .onConflict((oc) =>
      oc.column('request_id').doUpdateSet((eb) => ({
        ref_text: eb.ref('excluded.ref_text'),
        title_text: eb.ref('excluded.title_text'),
        body_text: eb.ref('excluded.body_text'),
        reply_text: eb.ref('excluded.reply_text'),
        note_text: eb.ref('excluded.note_text'),
        ...(pg ? { tsv: eb.ref('excluded.tsv') } : {}),
      })),
    )
    .execute();
}

/**
 * (Re)indexes some requests of one organisation with the caller's connection or transaction: the
 * request-write hook calls it with one id inside the writing transaction, the bulk paths with a batch.
 */
export async function indexRequests(db: Kdb, dialect: Dialect, scope: Scope, ids: string[]): Promise<void> {
  if (ids.length) await write(db, dialect, await documents(db, scope, ids));
}

/**
 * Rebuilds the index of one organisation (or all of them) in batches of a thousand requests, one
 * statement and one transaction per batch: for the bench data generator, imports, or after changing
 * what is indexed. Returns how many requests were indexed.
 */
export async function rebuildSearchIndex(database: Database, organizationId?: string): Promise<number> {
  const orgs = organizationId
    ? [organizationId]
    : (await database.db.selectFrom('organizations').select('id').orderBy('id').execute()).map((o) => o.id);
  let total = 0;
  for (const org of orgs) {
    const scope = { organizationId: org };
    for (let after = ''; ; ) {
      const ids = (
        await tenant
          .selectFrom(database.db, scope, 'requests')
          .select('id')
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute()
      ).map((r) => r.id);
      if (!ids.length) break;
      await database.db.transaction().execute((trx) => indexRequests(trx, database.dialect, scope, ids));
      total += ids.length;
      after = ids[ids.length - 1];
    }
  }
  return total;
}

/**
 * Indexes requests that have no index row yet (written before the search migration, or by a bulk
 * insert that bypassed the services), at most `max` per call. A system task across organisations,
 * like the SLA watch: it reads ids only, then indexes each organisation's batch in its own scope.
 */
export async function indexMissing(database: Database, max = 20 * BATCH): Promise<number> {
  let total = 0;
  while (total < max) {
    const rows = await database.db
      .selectFrom('requests')
      .leftJoin('request_search', 'request_search.request_id', 'requests.id')
      .select(['requests.id', 'requests.organization_id'])
      .where('request_search.request_id', 'is', null)
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    const byOrg = new Map<string, string[]>();
    for (const r of rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r.id]);
    for (const [org, ids] of byOrg)
      await database.db.transaction().execute((trx) => indexRequests(trx, database.dialect, { organizationId: org }, ids));
    total += rows.length;
  }
  return total;
}
