import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tenant } from '../../platform/tenancy.ts';
import { newMember, sessionFor, systemCtx } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { indexMissing, MARK_END, MARK_START, rebuildSearchIndex, requestSearcher } from './search.module.ts';

type Api = ReturnType<typeof as>;
interface Item {
  id: string;
  reference: string;
  title: string;
  snippet: string | null;
}

let t: TestApp;
let orgId: string;
let requester: Api; // Julien Petit, demo requester
let assistant: Api; // demo assistant of the pool: not cleared for HR requests
let newcomer: Api; // a brand-new assistant, in no team
let stranger: Api; // another requester of the same organisation
let hr: Api; // external HR agent, member of the HR team (cleared)
let services: { id: string; name: string }[];
const r: Record<string, { id: string; reference: string; version: number }> = {};

async function create(api: Api, service: string, body: Record<string, unknown>) {
  const serviceId = services.find((s) => s.name === service)?.id;
  const res = await api('POST', '/api/requests', { serviceId, description: '', ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const quote = (title: string, description: string, besoin = 'Voir la description') =>
  create(requester, 'Demande de devis', { title, description, answers: { besoin } });

async function comment(api: Api, id: string, body: string, internal: boolean) {
  const res = await api('POST', `/api/requests/${id}/comments`, { body, internal });
  assert.equal(res.statusCode, 201, res.body);
}

async function search(api: Api, q: string, extra = ''): Promise<{ items: Item[]; nextCursor: string | null }> {
  const res = await api('GET', `/api/requests?q=${encodeURIComponent(q)}${extra}`);
  assert.equal(res.statusCode, 200, `${JSON.stringify(q)}: ${res.body}`);
  return res.json();
}
const ids = async (api: Api, q: string, extra = '') => (await search(api, q, extra)).items.map((i) => i.id);

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  hr = as(t.app, await login(t.app, 'agent-rh@horizon.test'));
  orgId = (await requester('GET', '/api/me')).json().organization.id;
  newcomer = as(t.app, await sessionFor(t.deps, await newMember(t.deps, orgId, 'assistant'), orgId));
  stranger = as(t.app, await sessionFor(t.deps, await newMember(t.deps, orgId, 'requester'), orgId));
  services = (await requester('GET', '/api/catalog/services')).json().items;
  r.password = await quote('Réinitialiser mot de passe', 'Impossible de me connecter depuis lundi.', 'Accès Zimbra bloqué');
  r.badge = await quote('reinitialiser le badge du parking', 'La barrière refuse mon badge.');
  r.titleHit = await quote('Photocopieuse en panne au 3e', 'Plus rien ne sort depuis ce matin.');
  r.bodyHit = await quote('Bourrage au rez-de-chaussée', 'La photocopieuse du hall coince le papier.');
  r.supplies = await quote('Commande de fournitures de bureau', 'Stylos et classeurs pour l’accueil.');
  await comment(assistant, r.password.id, 'Lien envoyé : pensez à regarder le dossier Indésirables.', false);
  await comment(assistant, r.password.id, 'Compte verrouillé par le script Kerberos, voir avec la DSI.', true);
  r.secret = await create(requester, 'Attestation employeur', {
    title: 'Attestation pour la banque Quetzal',
    answers: { type: 'Attestation de salaire', date_souhaitee: '2026-12-15' },
  });
  await comment(hr, r.secret.id, 'Salaire vérifié avec le cabinet Zanzibar.', true);
});
after(() => t.close());

test('accents are folded both ways, case ignored', async () => {
  for (const q of ['reinitialiser', 'réinitialiser', 'RÉINITIALISER', 'Reinitialiser mot']) {
    const found = await ids(assistant, q);
    assert.ok(found.includes(r.password.id), `${q} finds "Réinitialiser mot de passe"`);
    if (!q.includes('mot')) assert.ok(found.includes(r.badge.id), `${q} finds "reinitialiser le badge"`);
  }
});

test('every term is a prefix and all are required', async () => {
  assert.ok((await ids(requester, 'fourn')).includes(r.supplies.id));
  assert.ok((await ids(requester, 'command fourn bur')).includes(r.supplies.id));
  assert.deepEqual(await ids(requester, 'fournitures photocopieuse'), []);
  const both = await ids(requester, 'photocop');
  assert.ok(both.includes(r.titleHit.id) && both.includes(r.bodyHit.id));
});

test('a reference is found whole, by its number or its short number', async () => {
  const ref = r.password.reference as string;
  const number = ref.slice(-6);
  for (const q of [ref, ref.toLowerCase(), number, String(Number(number))]) {
    const found = await ids(assistant, q);
    assert.ok(found.includes(r.password.id), q);
  }
  assert.equal((await ids(assistant, ref))[0], r.password.id);
});

test('form answers, the requester’s name and public replies are searchable, with marked snippets', async () => {
  assert.ok((await ids(assistant, 'zimbra')).includes(r.password.id));
  assert.ok((await ids(assistant, 'Julien Petit')).includes(r.password.id));
  for (const api of [requester, assistant]) {
    const { items } = await search(api, 'indésirables');
    assert.deepEqual(
      items.map((i) => i.id),
      [r.password.id],
    );
    assert.ok(items[0].snippet?.includes(`${MARK_START}Indésirables${MARK_END}`), String(items[0].snippet));
  }
  const { items } = await search(requester, 'zimbra');
  assert.ok(items[0].snippet?.includes(`${MARK_START}Zimbra${MARK_END}`), String(items[0].snippet));
});

test('internal notes are searched by staff who work requests, never by the requester', async () => {
  const staff = await search(assistant, 'kerberos');
  assert.deepEqual(
    staff.items.map((i) => i.id),
    [r.password.id],
  );
  assert.ok(staff.items[0].snippet?.includes(`${MARK_START}Kerberos${MARK_END}`));
  assert.deepEqual(await ids(requester, 'kerberos'), []);
  assert.deepEqual(await ids(requester, 'mot kerberos'), []);
  assert.deepEqual(await ids(stranger, 'kerberos'), []);
  // A word in both the public text and a note: found, but the requester's snippet shows no note.
  const own = await search(requester, 'compte');
  for (const item of own.items) assert.ok(!item.snippet?.includes('Kerberos'), String(item.snippet));
});

test('a confidential request is found only by its requester and the cleared staff', async () => {
  assert.deepEqual(await ids(requester, 'quetzal'), [r.secret.id]);
  assert.deepEqual(await ids(hr, 'quetzal'), [r.secret.id]);
  assert.deepEqual(await ids(hr, 'zanzibar'), [r.secret.id]);
  for (const api of [assistant, newcomer, stranger]) {
    assert.deepEqual(await ids(api, 'quetzal'), []);
    assert.deepEqual(await ids(api, 'zanzibar'), []);
    assert.deepEqual(await ids(api, r.secret.reference), []);
  }
  assert.deepEqual(await ids(requester, 'zanzibar'), [], 'the HR note stays internal');
  assert.deepEqual(await ids(stranger, 'reinitialiser'), [], 'another requester’s requests are not visible');
  const otherOrg = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.deepEqual(await ids(otherOrg, 'reinitialiser'), [], 'nor another organisation’s');
});

test('the search ranks only the candidates it is given, so its cap never hides a visible request', async () => {
  const scope = { organizationId: orgId };
  const only = tenant.selectFrom(t.deps.database.db, scope, 'requests').where('requests.id', '=', r.badge.id);
  const found = await requestSearcher.matches(systemCtx(t.deps, orgId), scope, 'reinitialiser', only);
  assert.deepEqual(
    found.map((m) => m.id),
    [r.badge.id],
  );
});

test('best match first by default; another sort applies to the matches; filters still apply', async () => {
  const ranked = await ids(requester, 'photocopieuse');
  assert.ok(ranked.indexOf(r.titleHit.id) < ranked.indexOf(r.bodyHit.id), 'a title match ranks above a description match');
  const newest = await ids(requester, 'photocopieuse', '&sort=-created');
  assert.ok(newest.indexOf(r.bodyHit.id) < newest.indexOf(r.titleHit.id));
  assert.deepEqual(await ids(requester, 'photocopieuse', '&priority=P1'), []);
  assert.equal((await requester('GET', '/api/requests?sort=relevance')).statusCode, 200, 'relevance without q: by due date');
  const first = await search(requester, 'photocopieuse', '&limit=1');
  assert.deepEqual(
    first.items.map((i) => i.id),
    [ranked[0]],
  );
  assert.ok(first.nextCursor);
  const second = await search(requester, 'photocopieuse', `&limit=1&cursor=${first.nextCursor}`);
  assert.deepEqual(
    second.items.map((i) => i.id),
    [ranked[1]],
  );
  const keysetCursor = (await search(requester, 'photocopieuse', '&limit=1&sort=-created')).nextCursor;
  assert.equal((await requester('GET', `/api/requests?q=photocopieuse&cursor=${keysetCursor}`)).statusCode, 400);
});

test('every write re-indexes the request in its transaction', async () => {
  const cur = (await assistant('GET', `/api/requests/${r.supplies.id}`)).json();
  const res = await assistant('PATCH', `/api/requests/${r.supplies.id}`, {
    version: cur.version,
    title: 'Commande de cartouches',
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await ids(requester, 'fournitures'), []);
  assert.deepEqual(await ids(requester, 'cartouches commande'), [r.supplies.id]);
});

test('malformed queries never fail: syntax is dropped, nothing searchable gives nothing', async () => {
  const nasty = [
    '"',
    '""',
    '"unterminated',
    '(',
    ')',
    '(a OR b',
    '*',
    'réinit*',
    '-',
    '-photocopieuse',
    'NEAR(a b)',
    'a NEAR/2 b',
    'AND',
    'OR NOT',
    'title:photocopieuse',
    '{title_text}: x',
    '^photo',
    "' OR 1=1 --",
    "'; drop table requests; --",
    '\\',
    'a & b | !c',
    'fourn:*',
    '<script>alert(1)</script>',
    '%_%',
    '\u0000',
    '\u200b\u200e\u202e',
    '😀🔥',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ＤＥＭ',
    'e\u0301'.repeat(100),
    'é'.repeat(200),
    'x'.repeat(200),
    'a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 0',
    Array.from({ length: 30 }, (_, i) => `m${i}`).join(' '),
  ];
  for (const q of nasty) for (const api of [requester, assistant]) await search(api, q);
  for (const q of ['***', '--', '()', '\u200b', 'a', '""']) assert.deepEqual((await search(assistant, q)).items, [], q);
  assert.equal((await requester('GET', `/api/requests?q=${'x'.repeat(201)}`)).statusCode, 400);
  assert.ok((await ids(requester, '"photocopieuse"')).includes(r.titleHit.id), 'quotes are ignored, the word is searched');
});

test('the bulk paths (missing rows, full rebuild) restore the same results', async () => {
  await t.deps.database.db.deleteFrom('request_search').where('organization_id', '=', orgId).execute();
  assert.deepEqual(await ids(assistant, 'zimbra'), []);
  assert.ok((await indexMissing(t.deps.database)) >= 7);
  assert.deepEqual(await ids(assistant, 'kerberos'), [r.password.id]);
  const count = await rebuildSearchIndex(t.deps.database, orgId);
  assert.ok(count >= 7);
  assert.ok((await rebuildSearchIndex(t.deps.database)) >= count, 'every organisation');
  assert.deepEqual(await ids(requester, 'indesirables'), [r.password.id], 'rebuilt twice: still one row per request');
  assert.equal(await indexMissing(t.deps.database), 0);
});
