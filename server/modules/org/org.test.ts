/**
 * Functions and teams through the API as the key user of Groupe Horizon, the audit trail each write
 * leaves, and the wall between organisations. (Sites: sites.test.ts; members: people/people.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let referent: Api;
let dpo: Api;
let bellevue: Api;
const WEEK = {
  mon: [
    ['09:00', '12:00'],
    ['14:00', '18:00'],
  ],
  tue: [['09:00', '18:00']],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

before(async () => {
  t = await testApp({ demo: true });
  referent = as(t.app, await login(t.app, 'referent@horizon.test'));
  dpo = as(t.app, await login(t.app, 'dpo@horizon.test'));
  bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
});
after(() => t.close());

async function siteId(api: Api, name: string): Promise<string> {
  const items = (await api('GET', '/api/sites')).json().items as { id: string; name: string }[];
  const site = items.find((s) => s.name === name);
  assert.ok(site, name);
  return site.id;
}

async function created(res: ReturnType<Api>) {
  const r = await res;
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; version: number } & Record<string, unknown>;
}

test('functions: unique code (409 on create and on rename), allowed characters, per organisation', async () => {
  const fn = await created(referent('POST', '/api/functions', { name: 'Juridique', code: 'JUR' }));
  const dup = await referent('POST', '/api/functions', { name: 'Juridique bis', code: 'JUR' });
  assert.equal(dup.statusCode, 409);
  assert.deepEqual(dup.json(), {
    code: 'already_exists',
    message: 'Cet élément existe déjà.',
    details: { fields: [{ path: 'code', code: 'unique', message: 'Cette valeur est déjà utilisée.' }] },
  });
  assert.equal((await referent('PATCH', `/api/functions/${fn.id}`, { code: 'RH', version: 1 })).statusCode, 409);
  const chars = await referent('POST', '/api/functions', { name: 'Qualité', code: 'QUALITÉ 1' });
  assert.deepEqual(chars.json().details.fields, [
    { path: 'code', code: 'invalid_format', message: 'Lettres, chiffres, «\u00a0-\u00a0» et «\u00a0_\u00a0» uniquement.' },
  ]);
  assert.equal((await bellevue('POST', '/api/functions', { name: 'Juridique', code: 'JUR' })).statusCode, 201);
  const renamed = await referent('PATCH', `/api/functions/${fn.id}`, { name: 'Affaires juridiques', version: 1 });
  assert.deepEqual(
    { ...renamed.json<Record<string, unknown>>(), updatedAt: 0 },
    {
      id: fn.id,
      name: 'Affaires juridiques',
      code: 'JUR',
      version: 2,
      createdAt: fn.createdAt,
      updatedAt: 0,
      allowedActions: ['function.update', 'function.delete'],
    },
  );
  const stale = await referent('PATCH', `/api/functions/${fn.id}`, { name: 'Autre', version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.deepEqual({ ...stale.json().details.current, updatedAt: 0 }, { ...renamed.json(), updatedAt: 0 });
});

test('teams: every linked site, function and person must belong to the organisation (422)', async () => {
  const foreignSite = await siteId(bellevue, 'Nantes — Atelier');
  const foreignPerson = (await bellevue('GET', '/api/users'))
    .json()
    .items.find((u: { email: string }) => u.email === 'demandeur@bellevue.test').id;
  const lyon = await siteId(referent, 'Lyon — Siège');
  const base = { name: 'Équipe projets', model: 'dedicated', siteIds: [lyon] };
  for (const [field, id] of [
    ['siteIds', foreignSite],
    ['memberIds', foreignPerson],
    ['coordinatorId', foreignPerson],
  ] as const) {
    const res = await referent('POST', '/api/teams', { ...base, [field]: field === 'coordinatorId' ? id : [id] });
    assert.equal(res.statusCode, 422, field);
    assert.deepEqual(res.json(), {
      code: 'unprocessable',
      message: `Référence inconnue dans cette organisation\u00a0: ${id}.`,
      details: { ids: [id] },
    });
  }
  const team = await created(referent('POST', '/api/teams', base));
  assert.deepEqual([team.siteIds, team.functionIds, team.memberIds, team.coordinatorId, team.version], [[lyon], [], [], null, 1]);
  const cross = await referent('PATCH', `/api/teams/${team.id}`, { siteIds: [lyon, foreignSite], version: 1 });
  assert.equal(cross.statusCode, 422);
  assert.deepEqual((await referent('GET', `/api/teams/${team.id}`)).json().siteIds, [lyon], 'nothing changed');
  const ok = await referent('PATCH', `/api/teams/${team.id}`, { model: 'outsourced', providerName: 'Juris SAS', version: 1 });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual([ok.json().model, ok.json().providerName, ok.json().version], ['outsourced', 'Juris SAS', 2]);
  const stale = await referent('PATCH', `/api/teams/${team.id}`, { name: 'Ancienne', version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().details.current.providerName, 'Juris SAS');
});

test('every write adds one audit row, shown to the DPO with actor and before/after; refused writes add none', async () => {
  const head = (await dpo('GET', '/api/audit?limit=1')).json().items[0].seq as number;
  const site = await created(
    referent('POST', '/api/sites', {
      name: 'Audit',
      address: 'Rue',
      timezone: 'Indian/Reunion',
      holidayRegion: 'RE',
      businessHours: WEEK,
    }),
  );
  const hours = { ...WEEK, sat: [['09:00', '12:00']] };
  assert.equal(
    (await referent('PATCH', `/api/sites/${site.id}`, { name: 'Audit 2', businessHours: hours, version: 1 })).statusCode,
    200,
  );
  assert.equal((await referent('PATCH', `/api/sites/${site.id}`, { name: 'Refusé', version: 1 })).statusCode, 409);
  assert.equal((await referent('POST', '/api/functions', { name: 'Doublon', code: 'RH' })).statusCode, 409);
  const fn = await created(referent('POST', '/api/functions', { name: 'Audit', code: 'AUD' }));
  assert.equal((await referent('DELETE', `/api/functions/${fn.id}`)).statusCode, 204);
  assert.equal((await referent('DELETE', `/api/sites/${site.id}`)).statusCode, 204);
  const org = (await referent('GET', '/api/organization')).json();
  assert.equal(
    (await referent('PATCH', '/api/organization', { name: 'Groupe Horizon SA', version: org.version })).statusCode,
    200,
  );

  const res = await dpo('GET', `/api/audit?limit=20`);
  assert.equal(res.statusCode, 200);
  const items = (res.json().items as { seq: number; action: string; actorLabel: string; targetId: string; summary: unknown }[])
    .filter((i) => i.seq > head)
    .reverse();
  assert.deepEqual(
    items.map((i) => [i.seq - head, i.action]),
    [
      [1, 'site.created'],
      [2, 'site.updated'],
      [3, 'function.created'],
      [4, 'function.deleted'],
      [5, 'site.deleted'],
      [6, 'org.updated'],
    ],
  );
  for (const i of items) assert.equal(i.actorLabel, 'Marc Dubois <referent@horizon.test>');
  assert.equal(items[0].targetId, site.id);
  assert.deepEqual(items[1].summary, {
    changes: { name: { from: 'Audit', to: 'Audit 2' }, business_hours: { from: WEEK, to: hours } },
  });
  assert.deepEqual(items[3].summary, { before: { name: 'Audit', code: 'AUD' } });
  assert.deepEqual(items[5].summary, { changes: { name: { from: 'Groupe Horizon', to: 'Groupe Horizon SA' } } });
  // Re-sending unchanged business hours (as the edit form does) records only what changed, on both dialects.
  const lyon = (await referent('GET', '/api/sites')).json().items.find((s: { name: string }) => s.name === 'Lyon — Siège');
  const renamed = await referent('PATCH', `/api/sites/${lyon.id}`, {
    name: 'Lyon — Siège social',
    businessHours: lyon.businessHours,
    version: lyon.version,
  });
  assert.equal(renamed.statusCode, 200);
  const last = (await dpo('GET', '/api/audit?limit=1')).json().items[0];
  assert.deepEqual(
    [last.action, last.summary],
    ['site.updated', { changes: { name: { from: 'Lyon — Siège', to: 'Lyon — Siège social' } } }],
  );
  const filtered = (await dpo('GET', '/api/audit?action=function.&limit=5')).json().items;
  assert.deepEqual(
    filtered.slice(0, 2).map((i: { action: string }) => i.action),
    ['function.deleted', 'function.created'],
  );
  assert.equal((await as(t.app, await login(t.app, 'assistante@horizon.test'))('GET', '/api/audit')).statusCode, 403);
});

test('another organisation’s objects answer 404 and never appear in lists', async () => {
  const foreign = {
    sites: await siteId(bellevue, 'Nantes — Atelier'),
    functions: (await bellevue('GET', '/api/functions')).json().items[0].id,
    teams: (await bellevue('GET', '/api/teams')).json().items[0].id,
    users: (await bellevue('GET', '/api/users')).json().items[0].id,
  };
  const notFound = { code: 'not_found', message: 'Élément introuvable.' };
  for (const [kind, id] of Object.entries(foreign)) {
    for (const [method, payload] of [
      ['GET'],
      ['PATCH', { name: 'Piraté', displayName: 'Piraté', version: 1 }],
      ['DELETE'],
    ] as const) {
      const res = await referent(method, `/api/${kind}/${id}`, payload);
      assert.equal(res.statusCode, 404, `${method} ${kind}`);
      assert.deepEqual(res.json(), notFound);
    }
    const list = (await referent('GET', `/api/${kind}`)).body;
    assert.ok(!list.includes(id), `${kind} list`);
  }
  assert.equal((await referent('GET', `/api/sites/${foreign.sites}/calendar`)).statusCode, 404);
  assert.equal(
    (await referent('POST', `/api/sites/${foreign.sites}/closures`, { startsOn: '2026-01-02', endsOn: '2026-01-02', label: 'x' }))
      .statusCode,
    404,
  );
  assert.equal((await bellevue('GET', `/api/sites/${foreign.sites}`)).json().name, 'Nantes — Atelier', 'untouched');
  const sites = (await referent('GET', '/api/sites')).json().items.map((s: { name: string }) => s.name);
  assert.ok(!sites.includes('Nantes — Atelier'));
  const audit = (await dpo('GET', '/api/audit?limit=200')).body;
  for (const id of Object.values(foreign)) assert.ok(!audit.includes(id), 'audit of another organisation');
});
