/**
 * The normalising data layer (db/normalize.ts) on the dialect under test: rows come back with
 * booleans, ISO-8601 UTC timestamps, parsed JSON and numeric counts whatever the driver returns.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordFailure } from '../modules/auth/throttle.ts';
import { createToken } from '../modules/auth/tokens.service.ts';
import { openSession } from '../modules/auth/session.ts';
import { EventBus } from '../platform/events.ts';
import type { Deps } from '../platform/deps.ts';
import { newMember, newOrganization, newSite, systemCtx } from '../test/factories.ts';
import { freshDatabase, type TestDatabase, testDialect } from '../test/database.ts';
import { MIGRATION_NAMES, migrateDown, migrateToLatest } from './migrate.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let tdb: TestDatabase;
let deps: Deps;
let orgId: string;
let userId: string;
let siteId: string;

before(async () => {
  tdb = await freshDatabase();
  deps = { database: tdb.database, events: new EventBus() } as Deps;
  orgId = await newOrganization(deps, 'Organisation normalisée');
  siteId = await newSite(deps, orgId, { name: 'Site JSON' });
  userId = await newMember(deps, orgId, 'assistant', siteId, 'norm@test.test');
});
after(() => tdb.drop());

test('the database under test is the dialect requested by RELAIS_TEST_DB', () => {
  assert.equal(tdb.database.dialect, testDialect());
  assert.equal(tdb.url.startsWith('sqlite:'), testDialect() === 'sqlite');
});

test('booleans round-trip as booleans and can be bound in where clauses', async () => {
  const db = tdb.database.db;
  const org = await db.selectFrom('organizations').select('require_mfa_staff').where('id', '=', orgId).executeTakeFirstOrThrow();
  assert.equal(org.require_mfa_staff, false);
  await db.updateTable('organizations').set({ require_mfa_staff: true }).where('id', '=', orgId).execute();
  const on = await db
    .selectFrom('organizations')
    .select(['id', 'require_mfa_staff'])
    .where('require_mfa_staff', '=', true)
    .execute();
  assert.deepEqual(on, [{ id: orgId, require_mfa_staff: true }]);
  const user = await db
    .selectFrom('users')
    .select(['is_operator', 'totp_enabled', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(user, { is_operator: false, totp_enabled: false, disabled: false });
  await openSession(db, { userId, organizationId: orgId, mfaPending: true, ip: '127.0.0.1', userAgent: 'test' });
  const session = await db.selectFrom('sessions').select('mfa_pending').where('user_id', '=', userId).executeTakeFirstOrThrow();
  assert.equal(session.mfa_pending, true);
});

test('timestamps come back as ISO-8601 UTC strings equal to what was written', async () => {
  const db = tdb.database.db;
  const written = '2026-03-29T00:59:59.123Z';
  await db.updateTable('sites').set({ updated_at: written }).where('id', '=', siteId).execute();
  const site = await db
    .selectFrom('sites')
    .select(['created_at', 'updated_at'])
    .where('id', '=', siteId)
    .executeTakeFirstOrThrow();
  assert.match(site.created_at, ISO_UTC);
  assert.equal(site.updated_at, written);
  assert.equal(typeof site.updated_at, 'string');
  const s = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  for (const v of [s.created_at, s.last_seen_at, s.expires_at]) assert.match(v, ISO_UTC);
  assert.equal(s.revoked_at, null);
});

test('a JavaScript Date can be bound on both dialects and compares as a timestamp', async () => {
  const db = tdb.database.db;
  const cutoff = new Date('2026-03-29T01:00:00.000Z') as unknown as string;
  const rows = await db.selectFrom('sites').select('id').where('updated_at', '<', cutoff).execute();
  assert.deepEqual(rows, [{ id: siteId }]);
  const none = await db
    .selectFrom('sites')
    .select('id')
    .where('updated_at', '<', new Date('2026-03-29T00:00:00.000Z') as unknown as string)
    .execute();
  assert.deepEqual(none, []);
});

test('locked_until, a timestamp without the _at suffix, is normalised too', async () => {
  for (let i = 0; i < 5; i++) await recordFailure(tdb.database.db, 'norm@test.test', '10.0.0.1');
  const row = await tdb.database.db
    .selectFrom('login_throttle')
    .selectAll()
    .where('key', '=', 'account:norm@test.test')
    .executeTakeFirstOrThrow();
  assert.equal(row.failures, 5);
  assert.match(row.window_started_at, ISO_UTC);
  assert.match(row.locked_until ?? '', ISO_UTC);
  assert.equal(Date.parse(row.locked_until ?? '') - Date.parse(row.window_started_at), 15 * 60_000);
});

test('JSON columns are parsed into objects and arrays', async () => {
  const db = tdb.database.db;
  const site = await db.selectFrom('sites').select('business_hours').where('id', '=', siteId).executeTakeFirstOrThrow();
  assert.deepEqual(site.business_hours, {
    mon: [
      ['08:30', '12:30'],
      ['13:30', '17:30'],
    ],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  });
  const audit = await db
    .selectFrom('audit_log')
    .select(['summary', 'seq'])
    .where('organization_id', '=', orgId)
    .orderBy('seq')
    .executeTakeFirstOrThrow();
  assert.deepEqual(audit.summary, { name: 'Organisation normalisée' });
  assert.equal(audit.seq, 1);
  const ctx = systemCtx(deps, orgId);
  const actor = { ...ctx.actor, userId, via: 'session' } as NonNullable<typeof ctx.actor>;
  await createToken({ ...ctx, actor }, actor, { name: 'json', scopes: ['read', 'write', 'read'] });
  const token = await db
    .selectFrom('api_tokens')
    .select(['scopes', 'last_used_at'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(token.scopes, ['read', 'write']);
  assert.equal(token.last_used_at, null);
  const user = await db.selectFrom('users').select('recovery_codes').where('id', '=', userId).executeTakeFirstOrThrow();
  assert.equal(user.recovery_codes, null);
});

test('count() is a number, also grouped and with a _count alias', async () => {
  const db = tdb.database.db;
  const all = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  assert.equal(typeof all.count, 'number');
  assert.ok(all.count >= 4, `count ${all.count}`);
  const grouped = await db
    .selectFrom('memberships')
    .select(['organization_id', (eb) => eb.fn.countAll<number>().as('member_count')])
    .groupBy('organization_id')
    .execute();
  assert.deepEqual(grouped, [{ organization_id: orgId, member_count: 1 }]);
  const version = await db.selectFrom('sites').select('version').where('id', '=', siteId).executeTakeFirstOrThrow();
  assert.equal(version.version, 1);
});

// Last: it drops every table of this file's database.
test('migrations go down and up again', async () => {
  const database = tdb.database;
  const names = async () => (await database.db.introspection.getTables()).map((t) => t.name).sort();
  assert.ok((await names()).includes('organizations'));
  const downs: string[] = [];
  for (let ran = await migrateDown(database); ran.length > 0; ran = await migrateDown(database)) downs.push(...ran);
  assert.ok(MIGRATION_NAMES.length >= 4);
  assert.deepEqual(
    downs,
    [...MIGRATION_NAMES].reverse().map((n) => `Down ${n}: Success`),
  );
  assert.deepEqual(await names(), []);
  assert.deepEqual(
    await migrateToLatest(database),
    MIGRATION_NAMES.map((n) => `Up ${n}: Success`),
  );
  assert.deepEqual(await migrateToLatest(database), []);
  const tables = await names();
  for (const t of ['organizations', 'users', 'memberships', 'sites', 'sessions', 'api_tokens', 'audit_log', 'audit_heads'])
    assert.ok(tables.includes(t), t);
  const id = await newOrganization(deps, 'Après remontée');
  const org = await database.db
    .selectFrom('organizations')
    .select(['name', 'require_mfa_staff'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(org, { name: 'Après remontée', require_mfa_staff: false });
});
