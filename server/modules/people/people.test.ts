/**
 * Members of an organisation through /api/users: invitation, existing accounts, roles and home sites,
 * optimistic concurrency and the rule that an organisation always keeps a key user.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let referent: Api;
let bellevue: Api;
let lyon: string;

before(async () => {
  t = await testApp({ demo: true });
  referent = as(t.app, await login(t.app, 'referent@horizon.test'));
  bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  lyon = (await referent('GET', '/api/sites')).json().items.find((s: { name: string }) => s.name === 'Lyon — Siège').id;
});
after(() => t.close());

const users = async (api: Api) =>
  (await api('GET', '/api/users')).json().items as { id: string; email: string; role: string; version: number }[];
const byEmail = async (api: Api, email: string) => (await users(api)).find((u) => u.email === email);

test('the member list shows only what the screens need', async () => {
  const items = await users(referent);
  assert.equal(items.length, 15);
  for (const u of items) {
    assert.deepEqual(Object.keys(u).sort(), [
      'allowedActions',
      'displayName',
      'email',
      'id',
      'role',
      'siteId',
      'skills',
      'totpEnabled',
      'unavailableUntil',
      'version',
    ]);
  }
  const requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assert.equal((await requester('GET', '/api/users')).statusCode, 403);
});

test('adding someone without a password creates the account and mails an invitation from BASE_URL', async () => {
  const sent = t.mail.sent.length;
  const res = await referent('POST', '/api/users', {
    email: 'Nouvelle.Recrue@Horizon.test',
    displayName: 'Nouvelle Recrue',
    role: 'assistant',
    siteId: lyon,
  });
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.deepEqual(body, {
    id: body.id,
    email: 'nouvelle.recrue@horizon.test',
    displayName: 'Nouvelle Recrue',
    role: 'assistant',
    siteId: lyon,
    skills: [],
    unavailableUntil: null,
    totpEnabled: false,
    version: 1,
    allowedActions: ['user.update', 'user.delete'],
  });
  assert.equal(t.mail.sent.length, sent + 1);
  const mail = t.mail.sent[sent];
  assert.equal(mail.to, 'nouvelle.recrue@horizon.test');
  const link = mail.text.match(/https:\/\/relais\.example\.test\/reinitialisation\?token=(\S+)/);
  assert.ok(link, mail.text);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token: decodeURIComponent(link[1]), password: 'premier-mot-de-passe' },
      })
    ).statusCode,
    204,
  );
  const first = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'nouvelle.recrue@horizon.test', password: 'premier-mot-de-passe' },
  });
  assert.equal(first.statusCode, 200);
  assert.equal(first.json().home, '/equipe');
  // The invitation is audited in the organisation, as done by the key user.
  const rows = await t.db.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_label'])
    .where('target_id', '=', body.id)
    .orderBy('seq')
    .execute();
  assert.deepEqual(rows.slice(0, 2), [
    { action: 'user.added', actor_label: 'Marc Dubois <referent@horizon.test>' },
    { action: 'auth.password_reset_requested', actor_label: 'Marc Dubois <referent@horizon.test>' },
  ]);
});

test('adding someone with a password sends nothing and lets them sign in', async () => {
  const sent = t.mail.sent.length;
  const res = await referent('POST', '/api/users', {
    email: 'avec.mdp@horizon.test',
    displayName: 'Avec Mot de passe',
    role: 'requester',
    password: 'mot-de-passe-initial',
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().siteId, null);
  assert.equal(t.mail.sent.length, sent);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'avec.mdp@horizon.test', password: 'mot-de-passe-initial' },
      })
    ).statusCode,
    200,
  );
});

test('an existing account (provider staff) gets a membership, never a second account', async () => {
  const sent = t.mail.sent.length;
  const res = await referent('POST', '/api/users', {
    email: 'referent@bellevue.test',
    displayName: 'Autre nom ignoré',
    role: 'external_agent',
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().displayName, 'Hugo Lambert');
  assert.equal(t.mail.sent.length, sent);
  const accounts = await t.db.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'referent@bellevue.test')
    .execute();
  assert.equal(accounts.length, 1);
  const me = (await bellevue('GET', '/api/me')).json();
  assert.deepEqual(
    me.memberships.map((m: { organizationName: string; role: string }) => [m.organizationName, m.role]),
    [
      ['Atelier Bellevue', 'org_admin'],
      ['Groupe Horizon', 'external_agent'],
    ],
  );
  const again = await referent('POST', '/api/users', { email: 'referent@bellevue.test', displayName: 'Hugo', role: 'requester' });
  assert.equal(again.statusCode, 409);
  assert.deepEqual(again.json(), {
    code: 'already_exists',
    message: 'Cet élément existe déjà.',
    details: { fields: [{ path: 'email', code: 'unique', message: 'Cette valeur est déjà utilisée.' }] },
  });
});

test('invalid members: e-mail, role, and a home site of another organisation', async () => {
  const bad = await referent('POST', '/api/users', { email: 'pas-une-adresse', displayName: 'X', role: 'chef' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().details.fields, [
    { path: 'email', code: 'invalid_format', message: 'Adresse e-mail invalide.' },
    { path: 'role', code: 'invalid_value', message: 'Valeur non autorisée.' },
  ]);
  const nantes = (await bellevue('GET', '/api/sites')).json().items[0].id;
  const res = await referent('POST', '/api/users', {
    email: 'mauvais.site@horizon.test',
    displayName: 'X',
    role: 'requester',
    siteId: nantes,
  });
  assert.equal(res.statusCode, 422);
  assert.deepEqual(res.json(), {
    code: 'unprocessable',
    message: `Référence inconnue dans cette organisation\u00a0: ${nantes}.`,
    details: { ids: [nantes] },
  });
  assert.equal(await byEmail(referent, 'mauvais.site@horizon.test'), undefined);
  const lea = await byEmail(referent, 'lea.moreau@horizon.test');
  assert.equal((await referent('PATCH', `/api/users/${lea?.id}`, { siteId: nantes, version: lea?.version })).statusCode, 422);
});

test('role, home site and name change with the version; a stale version answers 409 with the current member', async () => {
  const lea = await byEmail(referent, 'lea.moreau@horizon.test');
  assert.ok(lea);
  const res = await referent('PATCH', `/api/users/${lea.id}`, {
    role: 'coordinator',
    siteId: lyon,
    displayName: 'Léa Moreau-Blanc',
    version: lea.version,
  });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    [res.json().role, res.json().siteId, res.json().displayName, res.json().version],
    ['coordinator', lyon, 'Léa Moreau-Blanc', lea.version + 1],
  );
  const stale = await referent('PATCH', `/api/users/${lea.id}`, { role: 'requester', version: lea.version });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'version_conflict');
  assert.deepEqual(stale.json().details.current, res.json());
  assert.equal((await byEmail(referent, 'lea.moreau@horizon.test'))?.role, 'coordinator');
});

test('removing a member ends the membership and team links, not the account', async () => {
  const hugo = await byEmail(referent, 'referent@bellevue.test');
  assert.equal((await referent('DELETE', `/api/users/${hugo?.id}`)).statusCode, 204);
  assert.equal((await referent('GET', `/api/users/${hugo?.id}`)).statusCode, 404);
  assert.equal((await bellevue('GET', '/api/me')).json().memberships.length, 1);
  const thomas = await byEmail(referent, 'thomas.garnier@horizon.test');
  const pool = () =>
    referent('GET', '/api/teams').then((r) =>
      r.json().items.find((x: { name: string }) => x.name === 'Pôle assistantes Horizon'),
    );
  assert.ok((await pool()).memberIds.includes(thomas?.id));
  assert.equal((await referent('DELETE', `/api/users/${thomas?.id}`)).statusCode, 204);
  assert.ok(!(await pool()).memberIds.includes(thomas?.id));
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'thomas.garnier@horizon.test', password: 'relais-demo' },
      })
    ).statusCode,
    200,
  );
});

test('the last key user can be neither demoted nor removed', async () => {
  const lastAdmin = { code: 'conflict', message: 'Impossible\u00a0: l’organisation doit garder au moins un référent.' };
  const hugo = await byEmail(bellevue, 'referent@bellevue.test');
  assert.ok(hugo);
  const demote = await bellevue('PATCH', `/api/users/${hugo.id}`, { role: 'coordinator', version: hugo.version });
  assert.equal(demote.statusCode, 409);
  assert.deepEqual(demote.json(), lastAdmin);
  const remove = await bellevue('DELETE', `/api/users/${hugo.id}`);
  assert.equal(remove.statusCode, 409);
  assert.deepEqual(remove.json(), lastAdmin);
  // With a second key user, the first one may step down.
  const second = await bellevue('POST', '/api/users', {
    email: 'second.referent@bellevue.test',
    displayName: 'Second Référent',
    role: 'org_admin',
    password: 'mot-de-passe-second',
  });
  assert.equal(second.statusCode, 201);
  const stepDown = await bellevue('PATCH', `/api/users/${hugo.id}`, { role: 'coordinator', version: hugo.version });
  assert.equal(stepDown.statusCode, 200);
  assert.equal(stepDown.json().role, 'coordinator');
  const newAdmin = as(t.app, await login(t.app, 'second.referent@bellevue.test', 'mot-de-passe-second'));
  assert.deepEqual((await newAdmin('DELETE', `/api/users/${second.json().id}`)).json(), lastAdmin);
});

test('skills and an out-of-office end date are set on the membership (used by automatic assignment)', async () => {
  const ines = await byEmail(referent, 'ines.benali@horizon.test');
  assert.ok(ines);
  const res = await referent('PATCH', `/api/users/${ines.id}`, {
    skills: ['voyages', 'juridique', 'voyages'],
    unavailableUntil: '2027-01-04T09:00:00+01:00',
    version: ines.version,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().skills, res.json().unavailableUntil], [['voyages', 'juridique'], '2027-01-04T08:00:00.000Z']);
  const back = await referent('PATCH', `/api/users/${ines.id}`, { unavailableUntil: null, version: res.json().version });
  assert.deepEqual([back.json().skills, back.json().unavailableUntil], [['voyages', 'juridique'], null]);
  const bad = await referent('PATCH', `/api/users/${ines.id}`, { unavailableUntil: 'demain', version: back.json().version });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().details.fields[0].path, 'unavailableUntil');
  const created = await referent('POST', '/api/users', {
    email: 'paie.renfort@horizon.test',
    displayName: 'Renfort Paie',
    role: 'assistant',
    skills: ['paie'],
    password: 'mot-de-passe-renfort',
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.json().skills, ['paie']);
});
