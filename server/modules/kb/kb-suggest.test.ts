/**
 * Suggestions on a sentence being typed, on the dialect under test: the words typed last count even
 * after many small ones, and a word that most of the organisation's index contains is ignored (it would
 * make every article a match). See `sentenceTerms` and `withoutCommon` in server/modules/search/kb-index.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newKbArticle, newKbSpace, newMember, newOrganization, newSite, sessionFor, systemCtx } from '../../test/factories.ts';
import { as, type TestApp, testApp } from '../../test/harness.ts';
import { transitionArticle } from './lifecycle.service.ts';

let t: TestApp;
let requester: ReturnType<typeof as>;

before(async () => {
  t = await testApp();
  const org = await newOrganization(t.deps);
  const site = await newSite(t.deps, org);
  requester = as(t.app, await sessionFor(t.deps, await newMember(t.deps, org, 'requester', site), org));
  const spaceId = await newKbSpace(t.deps, org);
  for (const [title, body] of [
    ['Frais de repas', 'Plafond de 25 € par repas.'],
    ['Procédure d’accueil', 'Le livret est remis le premier jour.'],
    ['Badge perdu : la procédure', 'Signalez-le pour qu’il soit désactivé.'],
  ]) {
    const id = await newKbArticle(t.deps, org, { spaceId, title, body });
    await transitionArticle(systemCtx(t.deps, org), { organizationId: org }, id, 'published', 1);
  }
  // A large base of drafts (indexed, never suggested) where « procédure » is everywhere: the word is common
  // in this organisation's index.
  for (let i = 0; i < 105; i++) {
    await newKbArticle(t.deps, org, { spaceId, title: `Fiche ${i}`, body: 'Suivez la procédure du service.' });
  }
  // Another organisation's articles never weigh on these suggestions (the statistic is per organisation).
  const other = await newOrganization(t.deps);
  const otherSpace = await newKbSpace(t.deps, other);
  await newKbArticle(t.deps, other, { spaceId: otherSpace, title: 'Badge', body: 'Badge badge badge.' });
});
after(() => t.close());

const suggest = async (q: string) =>
  ((await requester('GET', `/api/kb/suggest?q=${encodeURIComponent(q)}`)).json().items as { title: string }[]).map(
    (a) => a.title,
  );

test('the end of a long sentence still counts (small words do not use up the terms)', async () => {
  assert.deepEqual(await suggest('Bonjour, je voudrais savoir comment on fait pour déclarer les frais de repas'), [
    'Frais de repas',
  ]);
});

test('a word most of a large index contains is ignored, unless it is the only one', async () => {
  assert.deepEqual(await suggest('je ne retrouve plus mon badge, quelle est la procédure'), ['Badge perdu : la procédure']);
  assert.deepEqual((await suggest('procédure')).sort(), ['Badge perdu : la procédure', 'Procédure d’accueil']);
});
