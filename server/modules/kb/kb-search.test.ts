/**
 * Full-text search of the knowledge base on the dialect under test: French, accent-insensitive both
 * ways, title ranked over body, the audience applied in the SQL of the list and of the suggestions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newKbArticle, newKbSpace, newMember, newOrganization, newSite, sessionFor, systemCtx } from '../../test/factories.ts';
import { as, type TestApp, testApp } from '../../test/harness.ts';
import { transitionArticle } from './lifecycle.service.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let org: string;
let siteA: string;
let requesterA: Api;
let requesterB: Api;
let assistant: Api;
let otherOrg: Api;

async function article(input: Record<string, unknown>, publish = true): Promise<string> {
  const id = await newKbArticle(t.deps, org, { spaceId: input.spaceId, ...input });
  if (publish) await transitionArticle(systemCtx(t.deps, org), { organizationId: org }, id, 'published', 1);
  return id;
}

before(async () => {
  t = await testApp();
  org = await newOrganization(t.deps);
  siteA = await newSite(t.deps, org);
  const siteB = await newSite(t.deps, org);
  const session = async (role: 'requester' | 'assistant', site: string, organization = org) =>
    as(t.app, await sessionFor(t.deps, await newMember(t.deps, organization, role, site), organization));
  requesterA = await session('requester', siteA);
  requesterB = await session('requester', siteB);
  assistant = await session('assistant', siteA);
  const org2 = await newOrganization(t.deps);
  otherOrg = await session('assistant', await newSite(t.deps, org2), org2);
  await newKbArticle(t.deps, org2, { title: 'Réinitialiser son mot de passe (autre organisation)' });
  const spaceId = await newKbSpace(t.deps, org);
  const everyone = { kind: 'requesters', siteIds: [] };
  await article({
    spaceId,
    title: 'Réinitialiser son mot de passe',
    body: 'Ouvrez le lien reçu par e-mail.',
    audience: everyone,
  });
  await article({ spaceId, title: 'Frais de repas', body: 'Plafond de 25 € par repas.', audience: everyone });
  await article({ spaceId, title: 'Préparer un demenagement de bureau', body: 'Cartons fournis.', audience: everyone });
  await article({ spaceId, title: 'Carte carburant', body: 'Les frais de péage se déclarent aussi.', audience: everyone });
  await article({ spaceId, title: 'Frais de mission (procédure interne)', body: 'Contrôle.', audience: { kind: 'staff' } });
  await article({
    spaceId,
    title: 'Frais de stationnement du site A',
    body: 'Parking.',
    audience: { kind: 'requesters', siteIds: [siteA] },
  });
  await article({ spaceId, title: 'Frais en brouillon', body: 'Pas encore publié.', audience: everyone }, false);
  await article({
    spaceId,
    title: 'Comment obtenir une attestation employeur ?',
    body: 'Demande au service RH.',
    audience: everyone,
  });
});
after(() => t.close());

async function search(who: Api, q: string): Promise<{ titles: string[]; excerpts: string[]; total: number }> {
  const res = await who('GET', `/api/kb/articles?q=${encodeURIComponent(q)}`);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  return {
    titles: body.items.map((a: { title: string }) => a.title),
    excerpts: body.items.map((a: { excerpt: string }) => a.excerpt),
    total: body.total,
  };
}

test('accents and case are folded both ways, and stems match', async () => {
  assert.deepEqual((await search(requesterA, 'reinitialiser')).titles, ['Réinitialiser son mot de passe']);
  assert.deepEqual((await search(requesterA, 'RÉINITIALISER')).titles, ['Réinitialiser son mot de passe']);
  assert.deepEqual((await search(requesterA, 'déménagement')).titles, ['Préparer un demenagement de bureau']);
  assert.deepEqual((await search(requesterA, 'demenagement')).titles, ['Préparer un demenagement de bureau']);
  assert.ok((await search(requesterA, 'frais')).titles.includes('Frais de repas'));
  assert.deepEqual((await search(requesterA, 'zzzz')).total, 0);
  assert.deepEqual((await search(requesterA, '" OR 1=1 --')).total, 0);
});

test('ranked title over body, with highlighted snippets', async () => {
  const { titles, excerpts } = await search(requesterA, 'frais');
  // The two title matches first (in any order: bm25 / ts_rank), the body match last.
  assert.deepEqual(titles.slice(0, 2).sort(), ['Frais de repas', 'Frais de stationnement du site A']);
  assert.equal(titles[2], 'Carte carburant');
  assert.match(excerpts[2], /Les ⟦frais⟧ de péage/);
});

test('the audience is applied in the search: site, staff only, drafts, other organisations', async () => {
  assert.deepEqual((await search(requesterB, 'frais')).titles, ['Frais de repas', 'Carte carburant']);
  const staff = (await search(assistant, 'frais')).titles;
  assert.equal(staff.length, 5);
  assert.ok(staff.includes('Frais de mission (procédure interne)') && staff.includes('Frais en brouillon'));
  assert.deepEqual((await search(otherOrg, 'reinitialiser')).titles, ['Réinitialiser son mot de passe (autre organisation)']);
});

test('suggestions while typing: any meaningful word, published and visible only, at most five', async () => {
  const suggest = async (who: Api, q: string) =>
    ((await who('GET', `/api/kb/suggest?q=${encodeURIComponent(q)}`)).json().items as { title: string }[]).map((a) => a.title);
  assert.deepEqual(await suggest(requesterA, 'attestation employeur'), ['Comment obtenir une attestation employeur ?']);
  assert.deepEqual(await suggest(requesterA, 'Bonjour, je voudrais une attestation pour ma banque'), [
    'Comment obtenir une attestation employeur ?',
  ]);
  assert.deepEqual(await suggest(requesterA, 'fr'), []);
  assert.deepEqual(await suggest(requesterB, 'stationnement'), []);
  const staff = await suggest(assistant, 'frais mission repas');
  assert.ok(staff.length <= 5 && !staff.includes('Frais en brouillon'));
  assert.deepEqual(staff.slice(0, 2).sort(), ['Frais de mission (procédure interne)', 'Frais de repas']);
});
