import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { figures } from './deflection.service.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let coord: Api;
let requester: Api;
let strasbourg: Api;
let boss: Api;
let assistant: Api;
let sites: { id: string; name: string }[];
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const siteId = (start: string) => sites.find((s) => s.name.startsWith(start))?.id ?? '';
const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((a) => a.title);

before(async () => {
  t = await testApp({ demo: true });
  coord = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  // The coordinator works for two organisations: switch to Horizon.
  const horizon = await t.deps.database.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', 'horizon')
    .executeTakeFirstOrThrow();
  await coord('POST', '/api/me/organization', { organizationId: horizon.id });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  strasbourg = as(t.app, await login(t.app, 'lukas.meyer@horizon.test'));
  boss = as(t.app, await login(t.app, 'dirigeant@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  sites = (await coord('GET', '/api/sites')).json().items;
});
after(() => t.close());

test('announcements reach the members of their sites, within their window', async () => {
  const post = (body: object) => coord('POST', '/api/announcements', body);
  const forStrasbourg = await post({ title: 'Parking fermé', body: 'Travaux **lundi**.', siteIds: [siteId('Strasbourg')] });
  assert.equal(forStrasbourg.statusCode, 201, forStrasbourg.body);
  assert.deepEqual(forStrasbourg.json().allowedActions, ['announcement.update', 'announcement.delete']);
  assert.match(forStrasbourg.json().html, /<strong>lundi<\/strong>/);
  assert.equal((await post({ title: 'Pour tous', body: 'Bonjour', pinned: true })).statusCode, 201);
  assert.equal((await post({ title: 'Plus tard', body: 'Bientôt', startsAt: iso(2) })).statusCode, 201);
  assert.equal((await post({ title: 'Passée', body: 'Fini', startsAt: iso(-5), endsAt: iso(-1) })).statusCode, 201);
  const lyon = titles(await requester('GET', '/api/announcements'));
  assert.ok(lyon.includes('Pour tous') && !lyon.includes('Parking fermé'), lyon.join());
  assert.ok(!lyon.includes('Plus tard') && !lyon.includes('Passée'));
  assert.equal(lyon[0], 'Pour tous', 'pinned first');
  const alsace = titles(await strasbourg('GET', '/api/announcements'));
  assert.ok(alsace.includes('Pour tous') && alsace.includes('Parking fermé'));
  // Staff see the other windows and every site; a requester may not ask for them.
  assert.ok(titles(await coord('GET', '/api/announcements?status=scheduled')).includes('Plus tard'));
  assert.ok(titles(await coord('GET', '/api/announcements?status=expired')).includes('Passée'));
  assert.ok(titles(await coord('GET', '/api/announcements?status=all&audience=all')).includes('Parking fermé'));
  assert.equal((await requester('GET', '/api/announcements?status=all')).statusCode, 403);
  const id = forStrasbourg.json().id;
  assert.equal((await requester('GET', `/api/announcements/${id}`)).statusCode, 404);
  assert.equal((await strasbourg('GET', `/api/announcements/${id}`)).statusCode, 200);
  // Moving it to every site makes it visible in Lyon.
  const moved = await coord('PATCH', `/api/announcements/${id}`, { siteIds: [], version: 1 });
  assert.deepEqual([moved.statusCode, moved.json().version], [200, 2]);
  assert.equal((await requester('GET', `/api/announcements/${id}`)).statusCode, 200);
  assert.equal((await coord('PATCH', `/api/announcements/${id}`, { title: 'x', version: 1 })).statusCode, 409);
});

test('announcements: validation, rights, tenancy', async () => {
  const bad = await coord('POST', '/api/announcements', { title: '', body: 'x' });
  assert.equal(bad.statusCode, 400);
  const window = await coord('POST', '/api/announcements', { title: 'A', body: 'B', startsAt: iso(2), endsAt: iso(1) });
  assert.deepEqual([window.statusCode, window.json().code], [422, 'unprocessable']);
  assert.match(window.json().message, /fin/);
  const unknown = await coord('POST', '/api/announcements', {
    title: 'A',
    body: 'B',
    siteIds: ['0190f0f0-0000-7000-8000-000000000000'],
  });
  assert.equal(unknown.statusCode, 422);
  assert.equal((await requester('POST', '/api/announcements', { title: 'A', body: 'B' })).statusCode, 403);
  assert.equal((await assistant('POST', '/api/announcements', { title: 'A', body: 'B' })).statusCode, 403);
  const xss = await coord('POST', '/api/announcements', {
    title: 'X',
    body: '<script>alert(1)</script> [a](javascript:alert(1))',
  });
  assert.equal(xss.statusCode, 201);
  assert.ok(!/<script|href="javascript/i.test(xss.json().html), xss.json().html);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('GET', `/api/announcements/${xss.json().id}`)).statusCode, 404);
  assert.ok(!titles(await other('GET', '/api/announcements')).includes('X'));
  assert.equal((await coord('DELETE', `/api/announcements/${xss.json().id}`)).statusCode, 204);
});

const session = () => `s${Math.random().toString(36).slice(2, 14)}`;
const stats = async (api: Api = coord, query = '') => {
  const res = await api('GET', `/api/portal/deflection/stats${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

test('deflection events: validation and idempotence', async () => {
  const send = (body: object, api: Api = requester) => api('POST', '/api/portal/deflection', body);
  assert.equal((await send({ kind: 'article_opened', articleId: 'a1' })).statusCode, 400);
  assert.equal((await send({ sessionId: session(), kind: 'clicked' })).statusCode, 400);
  assert.equal((await send({ sessionId: 'bad id with spaces', kind: 'abandoned' })).statusCode, 400);
  const noArticle = await send({ sessionId: session(), kind: 'article_opened' });
  assert.deepEqual([noArticle.statusCode, noArticle.json().details.fields[0].path], [422, 'articleId']);
  assert.equal((await send({ sessionId: session(), kind: 'suggestion_shown', articleIds: [] })).statusCode, 400);
  assert.equal((await send({ sessionId: session(), kind: 'submitted' })).statusCode, 422);
  const foreign = await send({ sessionId: session(), kind: 'submitted', requestId: '0190f0f0-0000-7000-8000-000000000000' });
  assert.equal(foreign.statusCode, 422);
  const s = session();
  const before = await stats();
  for (let i = 0; i < 2; i++) {
    assert.equal((await send({ sessionId: s, kind: 'suggestion_shown', articleIds: ['a1', 'a2', 'a1'] })).statusCode, 204);
    assert.equal((await send({ sessionId: s, kind: 'article_opened', articleId: 'a1' })).statusCode, 204);
  }
  const after = await stats();
  assert.equal(after.sessions - before.sessions, 1);
  assert.equal(after.articleOpened - before.articleOpened, 1);
  // Someone else cannot write into that session; the DPO records nothing.
  assert.equal((await send({ sessionId: s, kind: 'abandoned' }, strasbourg)).statusCode, 409);
  const dpo = as(t.app, await login(t.app, 'dpo@horizon.test'));
  assert.equal((await send({ sessionId: session(), kind: 'abandoned' }, dpo)).statusCode, 403);
});

test('deflection figures are computed from the recorded sessions, by site and organisation', async () => {
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const quote = services.find((s) => s.name === 'Demande de devis')?.id;
  const made = await requester('POST', '/api/requests', {
    serviceId: quote,
    title: 'Devis chaises',
    answers: { besoin: 'Six chaises' },
  });
  assert.equal(made.statusCode, 201, made.body);
  const base = await stats();
  // The demo month of self-help: enough visits for a true figure on first start.
  assert.ok(base.sessions >= 50 && base.withSuggestions > 0 && base.deflectionRate > 0, JSON.stringify(base));
  const lyonBase = await stats(coord, `?siteId=${siteId('Lyon')}`);
  const send = (api: Api, body: object) => api('POST', '/api/portal/deflection', body);
  const [a, b, c, d] = [session(), session(), session(), session()];
  // a: reads an article and leaves (a deflection); b: reads one and submits anyway.
  await send(requester, { sessionId: a, kind: 'suggestion_shown', articleIds: ['k1'] });
  await send(requester, { sessionId: a, kind: 'article_opened', articleId: 'k1' });
  await send(requester, { sessionId: a, kind: 'abandoned' });
  await send(requester, { sessionId: b, kind: 'suggestion_shown', articleIds: ['k1', 'k2'] });
  await send(requester, { sessionId: b, kind: 'article_opened', articleId: 'k2' });
  const submitted = await send(requester, { sessionId: b, kind: 'submitted', requestId: made.json().id, serviceId: quote });
  assert.equal(submitted.statusCode, 204, submitted.body);
  // c (Strasbourg): suggestions ignored, leaves; d (Strasbourg): no suggestion, leaves.
  await send(strasbourg, { sessionId: c, kind: 'suggestion_shown', articleIds: ['k3'] });
  await send(strasbourg, { sessionId: c, kind: 'abandoned' });
  await send(strasbourg, { sessionId: d, kind: 'abandoned' });
  const now = await stats();
  const delta = (k: string) => now[k] - base[k];
  assert.deepEqual(
    ['sessions', 'withSuggestions', 'articleOpened', 'submittedAnyway', 'abandonedAfterArticle', 'abandonedWithoutArticle'].map(
      delta,
    ),
    [4, 3, 2, 1, 1, 2],
  );
  const lyon = await stats(coord, `?siteId=${siteId('Lyon')}`);
  assert.equal(lyon.sessions - lyonBase.sessions, 2);
  assert.equal(lyon.abandonedAfterArticle - lyonBase.abandonedAfterArticle, 1);
  // The rate: deflections over sessions with suggestions.
  assert.equal(now.deflectionRate, Math.round((now.deflected / now.withSuggestions) * 1000) / 1000);
  const past = await stats(coord, '?from=2020-01-01&to=2020-01-31');
  assert.deepEqual([past.sessions, past.deflectionRate, past.from, past.to], [0, null, '2020-01-01', '2020-01-31']);
  assert.equal((await coord('GET', '/api/portal/deflection/stats?from=2026-02-01&to=2026-01-01')).statusCode, 422);
  assert.equal((await coord('GET', '/api/portal/deflection/stats?from=hier')).statusCode, 400);
  // Readers: those who steer; another organisation sees none of it.
  assert.equal((await boss('GET', '/api/portal/deflection/stats')).statusCode, 200);
  assert.equal((await requester('GET', '/api/portal/deflection/stats')).statusCode, 403);
  assert.equal((await assistant('GET', '/api/portal/deflection/stats')).statusCode, 403);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await stats(other)).sessions, 0);
});

test('the figures: one session counts once per kind', () => {
  const f = figures([
    new Set(['suggestion_shown', 'article_opened', 'abandoned']),
    new Set(['suggestion_shown', 'article_opened']),
    new Set(['suggestion_shown', 'submitted']),
    new Set(['abandoned']),
  ]);
  assert.deepEqual(f, {
    sessions: 4,
    withSuggestions: 3,
    articleOpened: 2,
    submittedAnyway: 1,
    abandonedAfterArticle: 2,
    abandonedWithoutArticle: 1,
    deflected: 2,
    deflectionRate: 0.667,
  });
  assert.equal(figures([]).deflectionRate, null);
});

test('the portal home: announcements, catalogue by category, my open requests and counters', async () => {
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const quote = services.find((s) => s.name === 'Demande de devis')?.id;
  const mine = await requester('POST', '/api/requests', {
    serviceId: quote,
    title: 'Devis tables',
    answers: { besoin: 'Deux tables' },
  });
  const theirs = await strasbourg('POST', '/api/requests', {
    serviceId: quote,
    title: 'Devis lampes',
    answers: { besoin: 'Lampes' },
  });
  assert.equal(theirs.statusCode, 201);
  const res = await requester('GET', '/api/portal/home');
  assert.equal(res.statusCode, 200, res.body);
  const home = res.json();
  assert.ok(home.announcements.some((a: { title: string }) => a.title.startsWith('Fermeture des services')));
  assert.ok(!home.announcements.some((a: { title: string }) => a.title.includes('Strasbourg')));
  const rh = home.categories.find((c: { name: string }) => c.name === 'Ressources humaines');
  assert.equal(rh.icon, 'users');
  assert.ok(rh.services.some((s: { name: string }) => s.name === 'Attestation employeur'));
  const ids = home.openRequests.map((r: { id: string }) => r.id);
  assert.ok(ids.includes(mine.json().id) && !ids.includes(theirs.json().id));
  assert.ok(home.openRequests.every((r: { requester: { id: string } }) => r.requester.id === home.openRequests[0].requester.id));
  assert.ok(home.openRequests[0].team?.name && home.openRequests[0].sla);
  assert.equal(
    home.counts.open,
    (await requester('GET', '/api/requests?requesterId=me&open=true&limit=100')).json().items.length,
  );
  const other = as(t.app, await login(t.app, 'demandeur@bellevue.test'));
  const foreign = (await other('GET', '/api/portal/home')).json();
  assert.ok(!foreign.openRequests.some((r: { id: string }) => ids.includes(r.id)));
  assert.ok(!foreign.announcements.some((a: { title: string }) => a.title.startsWith('Fermeture des services')));
});

test('following: watched requests, approvals owed, public timeline only', async () => {
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const quote = services.find((s) => s.name === 'Demande de devis')?.id;
  const theirs = (
    await strasbourg('POST', '/api/requests', { serviceId: quote, title: 'Devis bureaux', answers: { besoin: 'Bureaux' } })
  ).json();
  const me = (await requester('GET', '/api/me')).json().user.id;
  assert.equal((await assistant('POST', `/api/requests/${theirs.id}/watchers`, { userId: me })).statusCode, 201);
  const watched = (await requester('GET', '/api/requests?watching=true')).json().items.map((r: { id: string }) => r.id);
  assert.deepEqual(watched.includes(theirs.id), true);
  const own = (await requester('GET', '/api/requests?watching=true')).json().items;
  assert.ok(own.every((r: { requester: { id: string } }) => r.requester.id !== me));
  const advance = services.find((s) => s.name === 'Demande d’acompte')?.id;
  const asked = await requester('POST', '/api/requests', { serviceId: advance, title: 'Acompte', answers: { montant: 300 } });
  assert.equal(asked.json().status, 'pending_approval', asked.body);
  const owed = (await boss('GET', '/api/requests?approving=true')).json().items;
  assert.ok(owed.some((r: { id: string; description: string }) => r.id === asked.json().id));
  assert.ok(owed.every((r: { status: string }) => r.status === 'pending_approval'));
  assert.equal((await requester('GET', '/api/requests?approving=true')).json().items.length, 0);
  assert.equal((await coord('GET', '/api/portal/home')).json().counts.toApprove, 0);
  assert.ok((await boss('GET', '/api/portal/home')).json().counts.toApprove >= 1);
  // An internal note never reaches the requester's timeline.
  const mine = (
    await requester('POST', '/api/requests', { serviceId: quote, title: 'Devis stores', answers: { besoin: 'Stores' } })
  ).json();
  assert.equal(
    (await assistant('POST', `/api/requests/${mine.id}/comments`, { body: 'Note interne', internal: true })).statusCode,
    201,
  );
  const seen = (await requester('GET', `/api/requests/${mine.id}`)).json().timeline as { public: boolean; body: string | null }[];
  assert.ok(seen.length > 0 && seen.every((e) => e.public) && !seen.some((e) => e.body === 'Note interne'));
  const staffView = (await assistant('GET', `/api/requests/${mine.id}`)).json().timeline as { body: string | null }[];
  assert.ok(staffView.some((e) => e.body === 'Note interne'));
});
