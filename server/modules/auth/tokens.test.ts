/**
 * API tokens (shown once, stored hashed, scoped, revocable, bound to one organisation) and the
 * switch between the organisations a person belongs to.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newOrganization } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let referent: ReturnType<typeof as>;

before(async () => {
  t = await testApp({ demo: true });
  referent = as(t.app, await login(t.app, 'referent@horizon.test'));
});
after(() => t.close());

const bearer = (token: string) => (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${token}` } });

async function newToken(name: string, scopes: string[], expiresInDays?: number) {
  const res = await referent('POST', '/api/me/tokens', { name, scopes, ...(expiresInDays ? { expiresInDays } : {}) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { token: string; id: string; prefix: string; scopes: string[]; expiresAt: string | null };
}

test('a new token is shown once and only its hash is stored', async () => {
  const res = await referent('POST', '/api/me/tokens', { name: 'Tableur RH', scopes: ['read'] });
  assert.equal(res.statusCode, 201);
  const body = res.json();
  assert.match(body.token, /^rl_[A-Za-z0-9_-]{40,}$/);
  assert.deepEqual(body, {
    token: body.token,
    id: body.id,
    name: 'Tableur RH',
    prefix: body.token.slice(0, 8),
    scopes: ['read'],
    createdAt: body.createdAt,
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
  });
  const db = t.db.database.db;
  const rows = await db.selectFrom('api_tokens').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0].token_hash, body.token);
  assert.match(rows[0].token_hash, /^[0-9a-f]{64}$/);
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.token_created').execute();
  assert.equal(audit.length, 1);
  const secretPart = body.token.slice(8);
  assert.ok(!JSON.stringify([rows, audit]).includes(secretPart), 'the token is nowhere in the database');
  const list = (await referent('GET', '/api/me/tokens')).json().items;
  assert.equal(list.length, 1);
  assert.equal(list[0].token, undefined, 'never listed again');
  assert.equal(list[0].prefix, body.prefix);
});

test('a read token reads with Bearer (no cookie, no CSRF), is refused writes, and records its last use', async () => {
  const { token, id } = await newToken('Lecture', ['read']);
  const api = bearer(token);
  const sites = await api('GET', '/api/sites');
  assert.equal(sites.statusCode, 200);
  assert.equal(sites.json().items.length, 5);
  const me = (await api('GET', '/api/me')).json();
  assert.equal(me.user.email, 'referent@horizon.test');
  const write = await api('POST', '/api/functions', { name: 'Juridique', code: 'JUR' });
  assert.equal(write.statusCode, 403);
  assert.deepEqual(write.json(), { code: 'forbidden', message: 'Vous n’avez pas les droits nécessaires pour cette action.' });
  assert.equal((await referent('GET', '/api/functions')).json().items.length, 5, 'nothing was created');
  const listed = (await referent('GET', '/api/me/tokens')).json().items.find((i: { id: string }) => i.id === id);
  assert.ok(listed.lastUsedAt, 'lastUsedAt recorded');
  assert.ok(Date.now() - Date.parse(listed.lastUsedAt) < 60_000);
});

test('a write token writes without CSRF header, audited as its owner', async () => {
  const api = bearer((await newToken('Écriture', ['read', 'write'])).token);
  const res = await api('POST', '/api/functions', { name: 'Juridique', code: 'JUR' });
  assert.equal(res.statusCode, 201, res.body);
  const row = await t.db.database.db
    .selectFrom('audit_log')
    .select(['actor_label', 'summary'])
    .where('action', '=', 'function.created')
    .where('target_id', '=', res.json().id)
    .executeTakeFirstOrThrow();
  assert.equal(row.actor_label, 'Marc Dubois <referent@horizon.test>');
  assert.deepEqual(row.summary, { after: { name: 'Juridique', code: 'JUR' } });
});

test('a token cannot create or revoke tokens', async () => {
  const { token, id } = await newToken('Automate', ['read', 'write']);
  const api = bearer(token);
  const create = await api('POST', '/api/me/tokens', { name: 'Enfant', scopes: ['read'] });
  assert.equal(create.statusCode, 403);
  assert.equal(create.json().code, 'forbidden');
  assert.equal((await api('DELETE', `/api/me/tokens/${id}`)).statusCode, 403);
  assert.equal((await t.db.database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Enfant').execute()).length, 0);
});

test('a revoked, expired or unknown token answers 401', async () => {
  const revoked = await newToken('À révoquer', ['read']);
  assert.equal((await bearer(revoked.token)('GET', '/api/sites')).statusCode, 200);
  assert.equal((await referent('DELETE', `/api/me/tokens/${revoked.id}`)).statusCode, 204);
  const res = await bearer(revoked.token)('GET', '/api/sites');
  assert.equal(res.statusCode, 401);
  assert.deepEqual(res.json(), { code: 'unauthenticated', message: 'Vous devez vous connecter.' });
  const listed = (await referent('GET', '/api/me/tokens')).json().items.find((i: { id: string }) => i.id === revoked.id);
  assert.ok(listed.revokedAt);
  assert.equal((await referent('DELETE', `/api/me/tokens/${revoked.id}`)).statusCode, 404, 'already revoked');

  const expiring = await newToken('Expire', ['read'], 1);
  assert.ok(Math.abs(Date.parse(expiring.expiresAt ?? '') - (Date.now() + 86_400_000)) < 60_000);
  await t.db.database.db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', expiring.id)
    .execute();
  assert.equal((await bearer(expiring.token)('GET', '/api/sites')).statusCode, 401);

  assert.equal((await bearer('rl_inconnu')('GET', '/api/sites')).statusCode, 401);
});

test('nobody revokes another person’s token', async () => {
  const { token, id } = await newToken('Personnel', ['read']);
  const other = as(t.app, await login(t.app, 'dirigeant@horizon.test'));
  assert.equal((await other('DELETE', `/api/me/tokens/${id}`)).statusCode, 404);
  assert.equal((await other('GET', '/api/me/tokens')).json().items.length, 0);
  assert.equal((await bearer(token)('GET', '/api/sites')).statusCode, 200);
});

test('switching organisation: only the organisations one belongs to, and lists follow the switch', async () => {
  const session = await login(t.app, 'coordinatrice@horizon.test');
  const api = as(t.app, session);
  const me = (await api('GET', '/api/me')).json();
  assert.deepEqual(
    me.memberships.map((m: { organizationName: string; role: string }) => [m.organizationName, m.role]),
    [
      ['Atelier Bellevue', 'coordinator'],
      ['Groupe Horizon', 'coordinator'],
    ],
  );
  const id = (name: string) =>
    me.memberships.find((m: { organizationName: string }) => m.organizationName === name).organizationId;
  const siteNames = async () => (await api('GET', '/api/sites')).json().items.map((s: { name: string }) => s.name);

  const toHorizon = await api('POST', '/api/me/organization', { organizationId: id('Groupe Horizon') });
  assert.equal(toHorizon.statusCode, 200);
  assert.equal(toHorizon.json().organization.name, 'Groupe Horizon');
  assert.equal((await siteNames()).length, 5);

  const toBellevue = await api('POST', '/api/me/organization', { organizationId: id('Atelier Bellevue') });
  assert.equal(toBellevue.statusCode, 200);
  const switched = toBellevue.json();
  assert.equal(switched.organization.name, 'Atelier Bellevue');
  assert.equal(switched.role, 'coordinator');
  assert.deepEqual(await siteNames(), ['Nantes — Atelier']);
  assert.equal(switched.siteId, (await api('GET', '/api/sites')).json().items[0].id);
  assert.deepEqual(
    (await api('GET', '/api/teams')).json().items.map((x: { name: string }) => x.name),
    ['Pôle assistantes Bellevue'],
  );

  const foreign = await newOrganization(t.deps, 'Organisation étrangère');
  for (const organizationId of [foreign, 'no-such-organisation']) {
    const res = await api('POST', '/api/me/organization', { organizationId });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { code: 'not_found', message: 'Élément introuvable.' });
  }
  assert.deepEqual(await siteNames(), ['Nantes — Atelier'], 'a refused switch changes nothing');
});

test('a token stays bound to the organisation it was created in', async () => {
  const session = await login(t.app, 'coordinatrice@horizon.test');
  const api = as(t.app, session);
  const horizon = (await api('GET', '/api/me'))
    .json()
    .memberships.find((m: { organizationName: string }) => m.organizationName === 'Groupe Horizon');
  await api('POST', '/api/me/organization', { organizationId: horizon.organizationId });
  const created = await api('POST', '/api/me/tokens', { name: 'Horizon', scopes: ['read'] });
  assert.equal(created.statusCode, 201);
  const bellevue = (await api('GET', '/api/me'))
    .json()
    .memberships.find((m: { organizationName: string }) => m.organizationName === 'Atelier Bellevue');
  await api('POST', '/api/me/organization', { organizationId: bellevue.organizationId });
  assert.equal((await api('GET', '/api/sites')).json().items.length, 1);
  assert.equal((await bearer(created.json().token)('GET', '/api/sites')).json().items.length, 5);
  const viaToken = await bearer(created.json().token)('POST', '/api/me/organization', {
    organizationId: bellevue.organizationId,
  });
  assert.equal(viaToken.statusCode, 403, 'a token cannot switch organisation');
});

test('an operator may enter any organisation, with the operator role', async () => {
  const api = as(t.app, await login(t.app, 'operateur@relais.test'));
  const me = (await api('GET', '/api/me')).json();
  assert.equal(me.organization, null);
  assert.equal(me.home, '/plateforme');
  const horizon = me.memberships.find((m: { organizationName: string }) => m.organizationName === 'Groupe Horizon');
  assert.equal(horizon.role, 'operator');
  const res = await api('POST', '/api/me/organization', { organizationId: horizon.organizationId });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().role, 'operator');
  assert.equal((await api('GET', '/api/sites')).json().items.length, 5);
});
