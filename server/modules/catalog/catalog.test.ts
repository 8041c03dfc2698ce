import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let referent: ReturnType<typeof as>;
let requester: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let category: string;

before(async () => {
  t = await testApp({ demo: true });
  referent = as(t.app, await login(t.app, 'referent@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  category = (await referent('GET', '/api/catalog/categories')).json().items[0].id;
});
after(() => t.close());

test('the demo catalogue: twenty services with their forms, owners and SLA policies', async () => {
  const items = (await requester('GET', '/api/catalog/services')).json().items;
  assert.equal(items.length, 20);
  const attestation = items.find((s: { name: string }) => s.name === 'Attestation employeur');
  assert.equal(attestation.confidentiality, 'confidential');
  assert.equal(attestation.autonomyLevel, 3);
  assert.deepEqual(attestation.requiredSkills, ['paie']);
  assert.deepEqual(
    attestation.form.map((f: { key: string; type: string; required: boolean }) => [f.key, f.type, f.required]),
    [
      ['type', 'choice', true],
      ['destinataire', 'text', false],
      ['date_souhaitee', 'date', true],
      ['precisions', 'long_text', false],
    ],
  );
  assert.deepEqual(attestation.allowedActions, [], 'a requester may not edit the catalogue');
  const policies = (await assistant('GET', '/api/sla/policies')).json().items;
  const rh = policies.find((p: { name: string }) => p.name.startsWith('Niveau de service PaieServices'));
  assert.equal(attestation.slaPolicyId, rh.id);
  assert.equal((await requester('GET', '/api/sla/policies')).statusCode, 403);
});

test('a key user designs a service; invalid forms are refused field by field, in French', async () => {
  const bad = await referent('POST', '/api/catalog/services', {
    categoryId: category,
    name: 'Carte de visite',
    form: [
      { key: 'Modele', label: 'Modèle', type: 'text' },
      { key: 'format', label: 'Format', type: 'choice', options: ['Standard'] },
      { key: 'format', label: 'Quantité', type: 'number' },
    ],
  });
  assert.equal(bad.statusCode, 400);
  const messages = bad.json().details.fields.map((f: { path: string; message: string }) => `${f.path}: ${f.message}`);
  assert.deepEqual(messages, [
    'form.0.key: Identifiant de champ\u00a0: minuscules, chiffres et « _ », commençant par une lettre.',
    'form.1.options: Un champ à choix demande au moins deux options.',
    'form: Deux champs du formulaire ont le même identifiant.',
  ]);
  const good = await referent('POST', '/api/catalog/services', {
    categoryId: category,
    name: 'Carte de visite',
    description: 'Commande de cartes de visite.',
    defaultPriority: 'P4',
    form: [
      { key: 'modele', label: 'Modèle', type: 'choice', required: true, options: ['Standard', 'Premium'] },
      { key: 'quantite', label: 'Quantité', type: 'number', min: 50, max: 1000 },
    ],
  });
  assert.equal(good.statusCode, 201, good.body);
  assert.equal(good.json().autonomyLevel, 2);
  assert.equal(good.json().confidentiality, 'normal');
  const dup = await referent('POST', '/api/catalog/services', { categoryId: category, name: 'Carte de visite' });
  assert.equal(dup.statusCode, 409);
  const stale = await referent('PATCH', `/api/catalog/services/${good.json().id}`, { active: false, version: 7 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().details.current.active, true);
  const off = await referent('PATCH', `/api/catalog/services/${good.json().id}`, { active: false, version: 1 });
  assert.equal(off.json().active, false);
  const forRequester = (await requester('GET', '/api/catalog/services')).json().items;
  assert.ok(
    !forRequester.some((s: { name: string }) => s.name === 'Carte de visite'),
    'inactive services are hidden from requesters',
  );
  assert.ok(
    (await assistant('GET', '/api/catalog/services')).json().items.some((s: { name: string }) => s.name === 'Carte de visite'),
  );
});

test('links stay inside the organisation; used categories and policies cannot be deleted', async () => {
  const bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  const foreignTeam = (await bellevue('GET', '/api/teams')).json().items[0].id;
  const cross = await referent('POST', '/api/catalog/services', {
    categoryId: category,
    name: 'Lien croisé',
    teamId: foreignTeam,
  });
  assert.equal(cross.statusCode, 422);
  assert.deepEqual(cross.json().details.fields, [
    { path: 'teamId', code: 'unknown_reference', message: 'Introuvable dans cette organisation.' },
  ]);
  assert.equal((await referent('DELETE', `/api/catalog/categories/${category}`)).statusCode, 409);
  const policy = (await referent('GET', '/api/sla/policies')).json().items[0].id;
  assert.equal((await referent('DELETE', `/api/sla/policies/${policy}`)).statusCode, 409);
  assert.equal((await bellevue('GET', `/api/catalog/categories/${category}`)).statusCode, 404);
});

test('SLA policies: every priority needs targets; one default per organisation', async () => {
  const missing = await referent('POST', '/api/sla/policies', {
    name: 'Incomplet',
    targets: { P1: { firstResponse: 30, resolution: 120 } },
  });
  assert.equal(missing.statusCode, 400);
  const targets = {
    P1: { firstResponse: 30, resolution: 120 },
    P2: { firstResponse: 60, resolution: 240 },
    P3: { firstResponse: 240, resolution: 960 },
    P4: { firstResponse: 480, resolution: 1920 },
  };
  const premium = await referent('POST', '/api/sla/policies', { name: 'Premium', targets, isDefault: true });
  assert.equal(premium.statusCode, 201, premium.body);
  const defaults = (await referent('GET', '/api/sla/policies')).json().items.filter((p: { isDefault: boolean }) => p.isDefault);
  assert.deepEqual(
    defaults.map((p: { name: string }) => p.name),
    ['Premium'],
  );
  // A patch leaves out what it does not change: the default flag and the icon survive.
  const cheaper = { ...targets, P4: { firstResponse: 600, resolution: 2400 } };
  const moved = await referent('PATCH', `/api/sla/policies/${premium.json().id}`, { targets: cheaper, version: 1 });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().isDefault, true);
  const cat = (await referent('GET', '/api/catalog/categories')).json().items[1];
  const renamed = await referent('PATCH', `/api/catalog/categories/${cat.id}`, { name: 'Finance', version: cat.version });
  assert.equal(renamed.json().icon, cat.icon);
});
