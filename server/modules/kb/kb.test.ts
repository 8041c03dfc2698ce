/**
 * The knowledge base on the demo organisation: audience in lists and on get, the lifecycle with
 * revisions, diff and restore, votes and views, templates, process documentation, drafts from requests.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { setKbClock } from './kb.repository.ts';

type Api = ReturnType<typeof as>;
interface Summary {
  id: string;
  title: string;
  status: string;
  spaceName: string;
  version: number;
  revision: number;
  reviewDue: boolean;
  helpful: number;
  views: number;
}
let t: TestApp;
let requester: Api;
let reunion: Api;
let assistant: Api;
let coordinator: Api;
let dpo: Api;
let agent: Api;
const NB = '\u00a0';

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  reunion = as(t.app, await login(t.app, 'priscilla.payet@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  coordinator = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  // The coordinator also works for Atelier Bellevue: switch to Groupe Horizon.
  const me = (await coordinator('GET', '/api/me')).json();
  const horizon = me.memberships.find((m: { organizationName: string }) => m.organizationName === 'Groupe Horizon');
  await coordinator('POST', '/api/me/organization', { organizationId: horizon.organizationId });
  dpo = as(t.app, await login(t.app, 'dpo@horizon.test'));
  agent = as(t.app, await login(t.app, 'agent-rh@horizon.test'));
});
after(async () => {
  setKbClock(null);
  await t.close();
});

async function titles(who: Api, query = ''): Promise<string[]> {
  const res = await who('GET', `/api/kb/articles?limit=200${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as Summary[]).map((a) => a.title);
}
async function find(who: Api, title: string): Promise<Summary> {
  const res = await who('GET', '/api/kb/articles?limit=200');
  const found = (res.json().items as Summary[]).find((a) => a.title === title);
  assert.ok(found, title);
  return found;
}
async function spaceId(name: string): Promise<string> {
  const spaces = (await coordinator('GET', '/api/kb/spaces')).json().items as { id: string; name: string }[];
  return spaces.find((s) => s.name === name)?.id ?? '';
}

test('audience: requesters see published articles of their site, staff all but other teams’ articles', async () => {
  const mine = await titles(requester);
  assert.ok(mine.includes(`Comment obtenir une attestation employeur${NB}?`));
  assert.ok(mine.includes('Déclarer une note de frais'));
  assert.ok(!mine.some((x) => x.startsWith('Agence de La Réunion')), 'Réunion only');
  assert.ok(!mine.includes('Traiter une demande d’attestation employeur'), 'staff only');
  assert.ok((await titles(reunion)).some((x) => x.startsWith('Agence de La Réunion')));
  const staff = await titles(assistant);
  assert.ok(staff.includes('Traiter une demande d’attestation employeur'));
  assert.ok(staff.includes('Préparer la salle pour un comité de direction'), 'drafts for staff');
  const payroll = 'Transmettre les éléments variables de paie à PaieServices';
  assert.ok(!staff.includes(payroll), 'teams article of another team');
  assert.ok((await titles(agent)).includes(payroll), 'member of the team');
  assert.ok((await titles(coordinator)).includes(payroll), 'coordination sees all');
  // The same rules on get: 404, not 403, outside the audience.
  const hidden = await find(coordinator, payroll);
  assert.equal((await assistant('GET', `/api/kb/articles/${hidden.id}`)).statusCode, 404);
  const process = await find(assistant, 'Traiter une demande d’attestation employeur');
  assert.equal((await requester('GET', `/api/kb/articles/${process.id}`)).statusCode, 404);
  assert.equal((await requester('GET', '/api/kb/articles?status=draft')).json().total, 0);
  const spaces = (await requester('GET', '/api/kb/spaces')).json().items as { name: string; articleCount: number }[];
  assert.deepEqual(
    spaces.map((s) => [s.name, s.articleCount]),
    [['Aide aux salariés', 6]],
  );
});

test('an article carries Markdown, safe HTML, counts, the actor’s vote and allowed actions', async () => {
  const s = await find(requester, `Comment obtenir une attestation employeur${NB}?`);
  const a = (await requester('GET', `/api/kb/articles/${s.id}`)).json();
  assert.match(a.body, /\*\*3\u00a0jours ouvrés\*\*/);
  assert.match(a.html, /<strong>3\u00a0jours ouvrés<\/strong>/);
  assert.deepEqual([a.helpful, a.unhelpful, a.myVote, a.views, a.status], [2, 1, true, 42, 'published']);
  assert.deepEqual(a.allowedActions, ['kb.vote', 'kb.view']);
  assert.equal(a.serviceIds.length, 1);
  const staff = (await coordinator('GET', `/api/kb/articles/${s.id}`)).json();
  assert.deepEqual(staff.allowedActions, ['kb.update', 'kb.review', 'kb.publish', 'kb.archive', 'kb.vote', 'kb.view']);
  assert.equal(staff.myVote, null);
});

test('votes: one per user, changeable; the DPO does not vote', async () => {
  const s = await find(requester, 'Déclarer une note de frais');
  const first = await requester('POST', `/api/kb/articles/${s.id}/vote`, { helpful: false });
  assert.deepEqual(first.json(), { helpful: 1, unhelpful: 1, myVote: false });
  const again = await requester('POST', `/api/kb/articles/${s.id}/vote`, { helpful: true });
  assert.deepEqual(again.json(), { helpful: 2, unhelpful: 0, myVote: true });
  assert.equal((await dpo('POST', `/api/kb/articles/${s.id}/vote`, { helpful: true })).statusCode, 403);
});

test('views: at most one per user, article and hour; a GET counts nothing', async () => {
  const s = await find(requester, 'Envoyer un courrier recommandé');
  const views = async () => (await requester('GET', `/api/kb/articles/${s.id}`)).json().views;
  const start = await views();
  setKbClock(() => new Date('2026-12-01T09:00:00Z'));
  assert.equal((await requester('POST', `/api/kb/articles/${s.id}/view`, {})).statusCode, 204);
  await requester('POST', `/api/kb/articles/${s.id}/view`, {});
  setKbClock(() => new Date('2026-12-01T09:59:00Z'));
  await requester('POST', `/api/kb/articles/${s.id}/view`, {});
  assert.equal(await views(), start + 1);
  setKbClock(() => new Date('2026-12-01T10:00:00Z'));
  await requester('POST', `/api/kb/articles/${s.id}/view`, {});
  await reunion('POST', `/api/kb/articles/${s.id}/view`, {});
  assert.equal(await views(), start + 3);
  setKbClock(null);
});

test('write, revise, conflict, diff and restore', async () => {
  const space = await spaceId('Procédures du pôle');
  const input = {
    spaceId: space,
    title: 'Archiver les factures',
    body: 'Ligne 1\nLigne 2\n',
    type: 'process',
    audience: { kind: 'staff' },
  };
  assert.equal((await requester('POST', '/api/kb/articles', input)).statusCode, 403);
  const created = await assistant('POST', '/api/kb/articles', input);
  assert.equal(created.statusCode, 201, created.body);
  const a = created.json();
  assert.deepEqual([a.status, a.revision, a.version, a.ownerName], ['draft', 1, 1, 'Sophie Bernard']);
  const patch = {
    version: 1,
    title: 'Archiver les factures fournisseurs',
    body: 'Ligne 1\nLigne 2 modifiée\n',
    note: 'Précision',
  };
  const b = (await assistant('PATCH', `/api/kb/articles/${a.id}`, patch)).json();
  assert.deepEqual([b.revision, b.version], [2, 2]);
  const stale = await assistant('PATCH', `/api/kb/articles/${a.id}`, { ...patch, title: 'Autre' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().details.current.title, 'Archiver les factures fournisseurs');
  // A change of the review date alone adds no revision.
  const c = (await assistant('PATCH', `/api/kb/articles/${a.id}`, { version: 2, reviewAt: '2027-05-01' })).json();
  assert.deepEqual([c.revision, c.reviewAt], [2, '2027-05-01']);
  const diff = (await assistant('GET', `/api/kb/articles/${a.id}/diff?from=1&to=2`)).json();
  assert.deepEqual(diff.title, [{ value: 'Archiver les factures ' }, { value: 'fournisseurs', added: true }]);
  assert.deepEqual(diff.body, [
    { value: 'Ligne 1\n' },
    { value: 'Ligne 2\n', removed: true },
    { value: 'Ligne 2 modifiée\n', added: true },
  ]);
  const restored = (await assistant('POST', `/api/kb/articles/${a.id}/restore`, { revision: 1, version: c.version })).json();
  assert.deepEqual([restored.title, restored.body, restored.revision], [input.title, input.body, 3]);
  const revisions = (await assistant('GET', `/api/kb/articles/${a.id}/revisions`)).json().items;
  assert.deepEqual(
    revisions.map((r: { number: number; note: string | null; authorName: string }) => [r.number, r.note, r.authorName]),
    [
      [3, 'Retour à la version 1', 'Sophie Bernard'],
      [2, 'Précision', 'Sophie Bernard'],
      [1, null, 'Sophie Bernard'],
    ],
  );
  assert.equal((await assistant('GET', `/api/kb/articles/${a.id}/diff?from=1&to=9`)).statusCode, 404);
  assert.equal((await requester('GET', `/api/kb/articles/${a.id}/revisions`)).statusCode, 403);
  const bad = await assistant('POST', '/api/kb/articles', {
    ...input,
    serviceIds: ['nope'],
    audience: { kind: 'teams', teamIds: ['x'] },
  });
  assert.equal(bad.statusCode, 422, bad.body);
});

test('lifecycle: each move needs its action, a missing move answers 409 naming the allowed ones', async () => {
  const space = await spaceId('Aide aux salariés');
  const input = {
    spaceId: space,
    title: 'Poser un jour de télétravail',
    body: 'Demandez à votre manager.',
    type: 'faq',
    audience: { kind: 'requesters', siteIds: [] },
  };
  let a = (await assistant('POST', '/api/kb/articles', input)).json();
  const move = (who: Api, to: string) => who('POST', `/api/kb/articles/${a.id}/transition`, { to, version: a.version });
  assert.equal((await move(requester, 'review')).statusCode, 403);
  a = (await move(assistant, 'review')).json();
  assert.equal(a.status, 'review');
  assert.equal((await move(assistant, 'published')).statusCode, 403);
  assert.ok(!(await titles(requester)).includes(input.title), 'not yet published');
  a = (await move(coordinator, 'published')).json();
  assert.deepEqual([a.status, typeof a.publishedAt], ['published', 'string']);
  assert.ok((await titles(requester)).includes(input.title));
  const refused = await move(coordinator, 'review');
  assert.equal(refused.statusCode, 409);
  assert.deepEqual(refused.json().details.allowed, ['archived', 'draft']);
  assert.equal(
    refused.json().message,
    `Impossible de passer de «${NB}publié${NB}» à «${NB}en relecture${NB}». Possible${NB}: archivé, brouillon.`,
  );
  assert.equal((await coordinator('DELETE', `/api/kb/articles/${a.id}`)).statusCode, 409);
  a = (await move(coordinator, 'archived')).json();
  assert.ok(!(await titles(requester)).includes(input.title), 'archived: staff only');
  assert.equal((await assistant('DELETE', `/api/kb/articles/${a.id}`)).statusCode, 403);
  assert.equal((await coordinator('DELETE', `/api/kb/articles/${a.id}`)).statusCode, 204);
  assert.equal((await coordinator('GET', `/api/kb/articles/${a.id}`)).statusCode, 404);
});

test('process documentation per service, review-due list', async () => {
  const services = (await assistant('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const attestation = services.find((s) => s.name === 'Attestation employeur')?.id ?? '';
  const process = (await assistant('GET', `/api/kb/services/${attestation}/process`)).json().items as Summary[];
  assert.deepEqual(
    process.map((a) => a.title),
    ['Traiter une demande d’attestation employeur'],
  );
  assert.deepEqual((await requester('GET', `/api/kb/services/${attestation}/process`)).json().items, []);
  const filtered = await titles(assistant, `&serviceId=${attestation}`);
  assert.equal(filtered.length, 2);
  const overdue = 'Expédier un courrier recommandé avec avis de réception';
  const mine = (await assistant('GET', '/api/kb/review-due')).json().items as Summary[];
  assert.deepEqual(
    mine.map((a) => [a.title, a.reviewDue]),
    [[overdue, true]],
  );
  assert.deepEqual(
    (await as(t.app, await login(t.app, 'lea.moreau@horizon.test'))('GET', '/api/kb/review-due')).json().items,
    [],
  );
  assert.ok(((await coordinator('GET', '/api/kb/review-due')).json().items as Summary[]).some((a) => a.title === overdue));
  assert.deepEqual(await titles(coordinator, '&reviewDue=true'), [overdue]);
});

test('spaces and provider templates: copy as drafts, delete only when empty', async () => {
  const templates = (await assistant('GET', '/api/kb/templates')).json().items as {
    id: string;
    name: string;
    articleCount: number;
  }[];
  assert.deepEqual(
    templates.map((x) => [x.name, x.articleCount]),
    [
      ['Modèles Relais — RH', 3],
      ['Modèles Relais — Services généraux', 4],
    ],
  );
  assert.equal((await assistant('POST', `/api/kb/templates/${templates[0].id}/copy`, {})).statusCode, 403);
  const copy = await coordinator('POST', `/api/kb/templates/${templates[0].id}/copy`, {});
  assert.equal(copy.statusCode, 201, copy.body);
  assert.deepEqual(
    [copy.json().name, copy.json().templateOf, copy.json().articleCount],
    ['Modèles Relais — RH', templates[0].id, 3],
  );
  const drafts = (await coordinator('GET', `/api/kb/articles?spaceId=${copy.json().id}`)).json().items as Summary[];
  assert.deepEqual(new Set(drafts.map((d) => d.status)), new Set(['draft']));
  assert.equal((await coordinator('DELETE', `/api/kb/spaces/${copy.json().id}`)).statusCode, 409);
  const empty = (await coordinator('POST', '/api/kb/spaces', { name: 'Vide', description: 'Rien' })).json();
  const renamed = await coordinator('PATCH', `/api/kb/spaces/${empty.id}`, { name: 'Vide (renommé)', version: empty.version });
  assert.equal(renamed.json().name, 'Vide (renommé)');
  assert.equal((await coordinator('DELETE', `/api/kb/spaces/${empty.id}`)).statusCode, 204);
  assert.equal((await assistant('POST', '/api/kb/spaces', { name: 'Non' })).statusCode, 403);
});

test('the portal suggestion of the demo: « attestation employeur » finds the FAQ first', async () => {
  const res = await requester('GET', `/api/kb/suggest?q=${encodeURIComponent('attestation employeur')}`);
  assert.equal(res.statusCode, 200);
  const items = res.json().items as Summary[];
  assert.equal(items[0]?.title, `Comment obtenir une attestation employeur${NB}?`);
  assert.ok(items.every((a) => a.status === 'published'));
  assert.deepEqual((await requester('GET', '/api/kb/suggest?q=at')).json().items, []);
});
