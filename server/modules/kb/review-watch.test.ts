/**
 * The review watch on the demo organisation at fixed instants: « Expédier un courrier recommandé avec
 * avis de réception » (owner Sophie Bernard) was due for review on 15 October 2026.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { scanReviews } from './review-watch.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let assistant: Api;
let articleId: string;
const TITLE = 'Expédier un courrier recommandé avec avis de réception';

before(async () => {
  t = await testApp({ demo: true });
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const list = (await assistant('GET', `/api/kb/articles?q=${encodeURIComponent('avis de réception')}`)).json();
  articleId = list.items.find((a: { title: string }) => a.title === TITLE).id;
  // Sophie reads her mail in English; the coordinator in French.
  assert.equal((await assistant('PATCH', '/api/me', { locale: 'en' })).statusCode, 200);
});
after(() => t.close());

const mailsAbout = () => t.mail.sent.filter((m) => m.subject.includes(TITLE));

test('nothing is due before the review date (organisation time)', async () => {
  // 14 October 23:30 in Paris is still the 14th: not due yet.
  assert.equal(await scanReviews(t.deps, new Date('2026-10-14T21:30:00Z')), 0);
  assert.deepEqual(mailsAbout(), []);
});

test('once due: one mail each to the owner and the coordinators, in their language, flagged and audited', async () => {
  // 15 October 00:30 in Paris (22:30 UTC the day before): due.
  assert.equal(await scanReviews(t.deps, new Date('2026-10-14T22:30:00Z')), 1);
  const mails = mailsAbout();
  assert.deepEqual(mails.map((m) => m.to).sort(), ['assistante@horizon.test', 'coordinatrice@horizon.test']);
  const en = mails.find((m) => m.to === 'assistante@horizon.test');
  assert.equal(en?.subject, `Article to review: ${TITLE}`);
  assert.match(
    en?.text ?? '',
    /^Hello Sophie Bernard,\n\nThe article ".+" \(Procédures du pôle\) was due for review on October 15, 2026\./,
  );
  assert.match(en?.text ?? '', new RegExp(`https://relais.example.test/base-de-connaissances/${articleId}`));
  const fr = mails.find((m) => m.to === 'coordinatrice@horizon.test');
  assert.equal(fr?.subject, `Article à relire\u00a0: ${TITLE}`);
  assert.match(fr?.text ?? '', /devait être relu le 15 octobre 2026/);
  const audit = await t.deps.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', articleId)
    .where('action', '=', 'kb.article.review_due')
    .execute();
  assert.equal(audit.length, 1);
  // A second pass, an hour later, sends nothing more.
  assert.equal(await scanReviews(t.deps, new Date('2026-10-14T23:30:00Z')), 0);
  assert.equal(mailsAbout().length, 2);
});

test('a new review date re-arms the flag; an archived article is never flagged', async () => {
  const a = (await assistant('GET', `/api/kb/articles/${articleId}`)).json();
  const moved = await assistant('PATCH', `/api/kb/articles/${articleId}`, { version: a.version, reviewAt: '2026-11-02' });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(await scanReviews(t.deps, new Date('2026-11-01T12:00:00Z')), 0);
  assert.equal(await scanReviews(t.deps, new Date('2026-11-02T08:00:00Z')), 1);
  assert.equal(mailsAbout().length, 4);
  const coordinator = as(t.app, await login(t.app, 'referent@horizon.test'));
  const current = (await coordinator('GET', `/api/kb/articles/${articleId}`)).json();
  const archived = await coordinator('POST', `/api/kb/articles/${articleId}/transition`, {
    to: 'archived',
    version: current.version,
  });
  assert.equal(archived.statusCode, 200, archived.body);
  const again = (await coordinator('GET', `/api/kb/articles/${articleId}`)).json();
  await coordinator('PATCH', `/api/kb/articles/${articleId}`, { version: again.version, reviewAt: '2026-11-10' });
  assert.equal(await scanReviews(t.deps, new Date('2026-11-20T08:00:00Z')), 0);
});
