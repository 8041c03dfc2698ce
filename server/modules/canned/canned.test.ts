import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { frenchDueDate } from './canned.service.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let assistant: Api;
let keyUser: Api;
let requester: Api;
let teams: { id: string; name: string }[];
const NB = '\u00a0';

before(async () => {
  t = await testApp({ demo: true });
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  keyUser = as(t.app, await login(t.app, 'referent@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  teams = (await assistant('GET', '/api/teams')).json().items;
});
after(() => t.close());

const teamId = (start: string) => teams.find((x) => x.name.startsWith(start))?.id ?? '';

test('due dates read the French way, in the site’s time zone', () => {
  assert.equal(frenchDueDate('2026-12-03T13:00:00Z', 'Europe/Paris'), `jeudi 3 décembre 2026 à 14${NB}h${NB}00`);
  assert.equal(frenchDueDate('2026-12-03T13:00:00Z', 'Indian/Reunion'), `jeudi 3 décembre 2026 à 17${NB}h${NB}00`);
  assert.equal(frenchDueDate('2027-07-01T07:05:00Z', 'Europe/Paris'), `jeudi 1er juillet 2027 à 9${NB}h${NB}05`);
  assert.equal(frenchDueDate(null, 'Europe/Paris'), '—');
});

test('staff list the demo responses, by team plus organisation-wide; only the coordination and key users write', async () => {
  const all = (await assistant('GET', '/api/canned-responses')).json().items as { title: string; teamId: string | null }[];
  assert.deepEqual(all.map((c) => c.title).sort(), ['Accusé de réception', 'Demande de précisions', 'Paie — demande traitée']);
  const pool = (await assistant('GET', `/api/canned-responses?teamId=${teamId('Pôle assistantes')}`)).json().items;
  assert.deepEqual(pool.map((c: { title: string }) => c.title).sort(), ['Accusé de réception', 'Demande de précisions']);
  assert.equal((await requester('GET', '/api/canned-responses')).statusCode, 403);
  const body = {
    title: 'Relance',
    body: 'Bonjour {{prenom}}, {{ inconnu }} — {{assistant}}',
    teamId: teamId('Pôle assistantes'),
  };
  assert.equal((await assistant('POST', '/api/canned-responses', body)).statusCode, 403);
  const created = await keyUser('POST', '/api/canned-responses', body);
  assert.equal(created.statusCode, 201, created.body);
  const c = created.json();
  assert.deepEqual(
    [c.teamId, c.version, c.allowedActions],
    [body.teamId, 1, ['canned.update', 'canned.delete', 'canned.render']],
  );
  const moved = await keyUser('PATCH', `/api/canned-responses/${c.id}`, { teamId: null, version: 1 });
  assert.deepEqual([moved.statusCode, moved.json().teamId, moved.json().version], [200, null, 2]);
  assert.equal((await keyUser('PATCH', `/api/canned-responses/${c.id}`, { title: 'x', version: 1 })).statusCode, 409);
  const unknownTeam = await keyUser('POST', '/api/canned-responses', {
    ...body,
    teamId: '0190f0f0-0000-7000-8000-000000000000',
  });
  assert.equal(unknownTeam.statusCode, 422);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('GET', `/api/canned-responses/${c.id}`)).statusCode, 404);
  assert.equal((await keyUser('DELETE', `/api/canned-responses/${c.id}`)).statusCode, 204);
});

test('rendering fills the variables for one request and leaves unknown ones visible', async () => {
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const quote = services.find((s) => s.name === 'Demande de devis')?.id;
  const created = await requester('POST', '/api/requests', {
    serviceId: quote,
    title: 'Devis pour trois fauteuils',
    answers: { besoin: 'Trois fauteuils' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const r = created.json();
  const keyUserName = (await keyUser('GET', '/api/me')).json().user.displayName;
  const made = await keyUser('POST', '/api/canned-responses', {
    title: 'Test',
    body: 'Bonjour {{prenom}}, {{reference}} «\u00a0{{titre}}\u00a0» pour le {{echeance}}. {{inconnu}} {{assistant}}',
  });
  const rendered = await keyUser('POST', `/api/canned-responses/${made.json().id}/render`, { requestId: r.id });
  assert.equal(rendered.statusCode, 200, rendered.body);
  const due = frenchDueDate(r.sla.resolutionDueAt, r.site.timezone);
  assert.match(due, /^\p{L}+ \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2}\u00a0h\u00a0\d{2}$/u);
  assert.equal(
    rendered.json().body,
    `Bonjour Julien, ${r.reference} «\u00a0Devis pour trois fauteuils\u00a0» pour le ${due}. {{inconnu}} ${keyUserName}`,
  );
  const demo = (await assistant('GET', '/api/canned-responses'))
    .json()
    .items.find((c: { title: string }) => c.title === 'Accusé de réception');
  const ack = (await assistant('POST', `/api/canned-responses/${demo.id}/render`, { requestId: r.id })).json().body;
  assert.ok(ack.startsWith('Bonjour Julien,\n\nNous avons bien reçu votre demande'), ack);
  assert.ok(!ack.includes('{{'), ack);
  assert.equal((await requester('POST', `/api/canned-responses/${demo.id}/render`, { requestId: r.id })).statusCode, 403);
  const foreign = await assistant('POST', `/api/canned-responses/${demo.id}/render`, {
    requestId: '0190f0f0-0000-7000-8000-000000000000',
  });
  assert.equal(foreign.statusCode, 404);
});
