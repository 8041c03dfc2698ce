/**
 * Satisfaction surveys on the demo organisation: opened once on resolution, mailed once (after-commit
 * listener and minute task racing), rated by link (a GET never records) or in the app by the requester
 * only, changeable for 7 days (requests clock pinned), switched off per service, tenancy.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sha256 } from '../../platform/ids.ts';
import type { OutgoingMail } from '../../platform/mailer.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { setRequestClock } from '../requests/request-sla.ts';
import { LINK_FAILURE_LIMIT } from './csat.throttle.ts';
import { mailPendingSurveys, mailSurveyOfRequest } from './csat.survey.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let requester: Api;
let assistant: Api;
let coordinator: Api;
let keyUser: Api;
let otherRequester: Api;
let services: { id: string; name: string; version: number }[];
const BASE = 'https://relais.example.test/satisfaction/';

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  coordinator = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  // The coordinator also works for Atelier Bellevue, where her session starts: switch to Horizon.
  const memberships = (await coordinator('GET', '/api/me')).json().memberships as {
    organizationId: string;
    organizationName: string;
  }[];
  const horizon = memberships.find((m) => m.organizationName === 'Groupe Horizon')?.organizationId;
  assert.equal((await coordinator('POST', '/api/me/organization', { organizationId: horizon })).statusCode, 200);
  keyUser = as(t.app, await login(t.app, 'referent@horizon.test'));
  otherRequester = as(t.app, await login(t.app, 'kevin.dumont@horizon.test'));
  services = (await keyUser('GET', '/api/catalog/services')).json().items;
});
after(async () => {
  setRequestClock(null);
  await t.close();
});

const serviceId = (name: string) => services.find((s) => s.name === name)?.id ?? '';
interface Req {
  id: string;
  reference: string;
  version: number;
}

async function create(title: string, service = 'Demande de devis'): Promise<Req> {
  const res = await requester('POST', '/api/requests', { serviceId: serviceId(service), title, answers: { besoin: 'Chaises' } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** The assistant answers publicly and resolves in the same move (optionally assigning herself first). */
async function resolve(r: Req, reply = 'Trois devis joints, le moins cher est chez Bureau Vallée.', by = assistant) {
  const res = await by('POST', `/api/requests/${r.id}/comments`, { body: reply, status: 'resolved' });
  assert.equal(res.statusCode, 201, res.body);
}

const mailsFor = (ref: string) => t.mail.sent.filter((m) => m.subject.startsWith(`[${ref}]`));
async function waitForMail(ref: string): Promise<OutgoingMail> {
  for (let i = 0; i < 100 && mailsFor(ref).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const [mail] = mailsFor(ref);
  assert.ok(mail, `aucun courrier pour ${ref}`);
  return mail;
}
const tokenOf = (mail: OutgoingMail) => (mail.text.match(/\/satisfaction\/([A-Za-z0-9_-]{43})\b/) ?? [])[1] ?? '';
const surveysOf = (requestId: string) =>
  t.deps.database.db.selectFrom('csat_surveys').selectAll().where('request_id', '=', requestId).execute();

test('aggregates by assistant and site, comments, readers only, on requests resolved on a pinned day', async () => {
  setRequestClock(() => new Date('2025-01-06T10:00:00Z'));
  const lea = as(t.app, await login(t.app, 'lea.moreau@horizon.test'));
  const plan: [Api, number | null, string | null][] = [
    [assistant, 5, 'Parfait, merci\u00a0!'],
    [assistant, 4, null],
    [lea, 2, 'Trop long.'],
    [lea, null, null],
  ];
  for (const [i, [by, score, comment]] of plan.entries()) {
    const r = await create(`Devis agrégats ${i}`);
    const meId = (await by('GET', '/api/me')).json().user.id;
    assert.equal((await by('PATCH', `/api/requests/${r.id}`, { version: r.version, assigneeId: meId })).statusCode, 200);
    await resolve(r, 'Fait.', by);
    if (score) assert.equal((await requester('PUT', `/api/requests/${r.id}/satisfaction`, { score, comment })).statusCode, 200);
  }
  setRequestClock(null);
  const day = 'from=2025-01-06&to=2025-01-06';
  const res = await coordinator('GET', `/api/csat/summary?groupBy=assistant&${day}`);
  assert.equal(res.statusCode, 200, res.body);
  const s = res.json();
  assert.deepEqual(s.overall, {
    count: 3,
    surveys: 4,
    average: 3.67,
    satisfied: 0.6667,
    distribution: [0, 1, 0, 1, 1],
    responseRate: 0.75,
  });
  const byName = Object.fromEntries(s.groups.map((g: { label: string }) => [g.label, g]));
  assert.deepEqual(Object.keys(byName).sort(), ['Léa Moreau', 'Sophie Bernard']);
  assert.deepEqual(
    [byName['Sophie Bernard'].average, byName['Sophie Bernard'].satisfied, byName['Sophie Bernard'].responseRate],
    [4.5, 1, 1],
  );
  assert.deepEqual([byName['Léa Moreau'].count, byName['Léa Moreau'].surveys, byName['Léa Moreau'].responseRate], [1, 2, 0.5]);
  const bySite = (await coordinator('GET', `/api/csat/summary?groupBy=site&${day}`)).json();
  assert.deepEqual(
    bySite.groups.map((g: { label: string; count: number }) => [g.label, g.count]),
    [['Lyon — Siège', 3]],
  );
  const comments = (await coordinator('GET', `/api/csat/comments?${day}`)).json();
  assert.deepEqual(comments.items.map((c: { score: number; comment: string }) => [c.score, c.comment]).sort(), [
    [2, 'Trop long.'],
    [5, 'Parfait, merci\u00a0!'],
  ]);
  assert.equal(comments.total, 2);
  assert.match(comments.items[0].reference, /^DEM-\d{4}-\d{6}$/);
  // The demo's own ratings are there on first start (every figure of the demo is true).
  assert.ok((await keyUser('GET', '/api/csat/summary')).json().overall.count >= 7);
  assert.equal((await as(t.app, await login(t.app, 'dirigeant@horizon.test'))('GET', '/api/csat/comments')).statusCode, 200);
  for (const api of [requester, assistant]) {
    assert.equal((await api('GET', '/api/csat/summary')).statusCode, 403);
    assert.equal((await api('GET', '/api/csat/comments')).statusCode, 403);
  }
  assert.equal((await coordinator('GET', '/api/csat/summary?groupBy=planet')).statusCode, 400);
  assert.equal((await coordinator('GET', '/api/csat/summary?from=2025-02-01&to=2025-01-01')).statusCode, 422);
  const bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await bellevue('GET', `/api/csat/summary?${day}`)).json().overall.surveys, 0, 'tenancy');
});

test('resolution opens one survey and mails it once, in French, with the summary and five links; not again after a reopen', async () => {
  const r = await create('Devis pour des chaises de réunion');
  await resolve(r);
  const mail = await waitForMail(r.reference);
  assert.equal(mail.to, 'demandeur@horizon.test');
  assert.equal(mail.subject, `[${r.reference}] Votre demande est résolue — votre avis\u00a0?`);
  assert.match(mail.text, /Trois devis joints, le moins cher est chez Bureau Vallée\./);
  const token = tokenOf(mail);
  assert.equal(token.length, 43, 'a 32-byte base64url token');
  for (const n of [1, 2, 3, 4, 5]) assert.ok(mail.text.includes(`${BASE}${token}?note=${n}`), `lien ${n}`);
  // The mail leaves before the survey is marked mailed: wait for the mark (condition, not time).
  let [survey] = await surveysOf(r.id);
  for (let i = 0; i < 100 && !survey?.mailed_at; i++) {
    await new Promise((done) => setTimeout(done, 20));
    [survey] = await surveysOf(r.id);
  }
  assert.ok(survey);
  assert.equal(survey.token_hash, sha256(token), 'only the hash is stored');
  assert.ok(!Object.values(survey).includes(token));
  assert.ok(survey.mailed_at);
  assert.equal(await mailPendingSurveys(t.deps), 0);
  assert.equal((await requester('POST', `/api/requests/${r.id}/reopen`, { reason: 'Il manque un devis' })).statusCode, 200);
  await resolve(r, 'Quatrième devis ajouté.');
  await mailPendingSurveys(t.deps);
  await new Promise((done) => setTimeout(done, 100));
  assert.equal((await surveysOf(r.id)).length, 1);
  assert.equal(mailsFor(r.reference).length, 1);
});

test('the after-commit listener and the minute task racing still send once; a failed send is retried', async () => {
  const r = await create('Devis pour un vidéoprojecteur');
  await resolve(r);
  const sent = await Promise.all([
    mailPendingSurveys(t.deps),
    mailPendingSurveys(t.deps),
    mailSurveyOfRequest(t.deps, (await surveysOf(r.id))[0].organization_id, r.id),
  ]);
  await waitForMail(r.reference);
  await new Promise((done) => setTimeout(done, 100));
  assert.equal(mailsFor(r.reference).length, 1, `envois : ${sent}`);

  const failing = await create('Devis pour un tableau blanc');
  const send = t.mail.send.bind(t.mail);
  t.mail.send = async () => {
    throw new Error('SMTP indisponible');
  };
  await resolve(failing);
  await new Promise((done) => setTimeout(done, 100));
  await assert.rejects(mailPendingSurveys(t.deps), /SMTP indisponible/);
  const [pending] = await surveysOf(failing.id);
  assert.deepEqual([pending.mailed_at, pending.mail_claimed_at], [null, null], 'the claim is released');
  t.mail.send = send;
  assert.equal(await mailPendingSurveys(t.deps), 1);
  assert.equal(mailsFor(failing.reference).length, 1);
});

test('by link: a GET (even with ?note=5) records nothing, the POST records; unknown tokens 404, bad scores 400', async () => {
  const r = await create('Devis pour des casiers');
  await resolve(r);
  const token = tokenOf(await waitForMail(r.reference));
  const anon = as(t.app, null);
  const seen = await anon('GET', `/api/csat/surveys/${token}?note=5`);
  assert.equal(seen.statusCode, 200, seen.body);
  assert.deepEqual(
    [seen.json().reference, seen.json().title, seen.json().siteName, seen.json().score, seen.json().changeable],
    [r.reference, 'Devis pour des casiers', 'Lyon — Siège', null, true],
  );
  assert.equal((await surveysOf(r.id))[0].score, null, 'the GET recorded nothing');
  for (const score of [0, 6, 'x', 4.5])
    assert.equal((await anon('POST', `/api/csat/surveys/${token}`, { score })).statusCode, 400);
  const rated = await anon('POST', `/api/csat/surveys/${token}`, { score: 4, comment: 'Réponse claire, merci.' });
  assert.equal(rated.statusCode, 200, rated.body);
  assert.deepEqual([rated.json().score, rated.json().comment], [4, 'Réponse claire, merci.']);
  const view = (await requester('GET', `/api/requests/${r.id}`)).json();
  const event = view.timeline.find((e: { kind: string }) => e.kind === 'csat_rated');
  assert.deepEqual([event?.data.score, event?.actor?.name], [4, 'Julien Petit']);
  assert.ok(!JSON.stringify(view.timeline).includes('Réponse claire'), 'the comment is not on the timeline');
  const audit = (await keyUser('GET', `/api/audit?action=csat.rated`)).json().items;
  assert.ok(audit.some((a: { targetId: string }) => a.targetId === r.id));
  assert.equal((await anon('GET', `/api/csat/surveys/${'A'.repeat(43)}`)).statusCode, 404);
  assert.equal((await anon('POST', `/api/csat/surveys/${'A'.repeat(43)}`, { score: 3 })).statusCode, 404);
});

test('unknown tokens are throttled per IP like failed logins', async () => {
  const probe = (token: string) =>
    t.app.inject({ method: 'GET', url: `/api/csat/surveys/${token}`, remoteAddress: '203.0.113.7' });
  for (let i = 0; i < LINK_FAILURE_LIMIT; i++) assert.equal((await probe(`inconnu${i}`.padEnd(43, 'x'))).statusCode, 404);
  const locked = await probe('encore'.padEnd(43, 'x'));
  assert.equal(locked.statusCode, 429);
  assert.ok(locked.headers['retry-after']);
});

test('in the app: only the requester rates (not a watcher, staff or another requester), changeable for 7 days', async () => {
  setRequestClock(() => new Date('2025-03-03T09:00:00Z'));
  const r = await create('Devis pour des stores');
  await resolve(r);
  const kevinId = (await otherRequester('GET', '/api/me')).json().user.id;
  assert.equal((await assistant('POST', `/api/requests/${r.id}/watchers`, { userId: kevinId })).statusCode, 201);
  const mine = (await requester('GET', `/api/requests/${r.id}/satisfaction`)).json();
  assert.deepEqual([mine.survey.score, mine.survey.changeable, mine.allowedActions], [null, true, ['csat.rate']]);
  assert.equal((await otherRequester('PUT', `/api/requests/${r.id}/satisfaction`, { score: 1 })).statusCode, 403);
  assert.equal((await assistant('PUT', `/api/requests/${r.id}/satisfaction`, { score: 5 })).statusCode, 403);
  assert.equal((await assistant('GET', `/api/requests/${r.id}/satisfaction`)).statusCode, 403, 'assistants never read ratings');
  const stranger = as(t.app, await login(t.app, 'amandine.lopez@horizon.test'));
  assert.equal((await stranger('PUT', `/api/requests/${r.id}/satisfaction`, { score: 1 })).statusCode, 403);
  assert.equal((await requester('PUT', `/api/requests/${r.id}/satisfaction`, { score: 'x' })).statusCode, 400);
  const first = await requester('PUT', `/api/requests/${r.id}/satisfaction`, { score: 3, comment: 'Un peu lent.' });
  assert.equal(first.statusCode, 200, first.body);
  setRequestClock(() => new Date('2025-03-10T08:59:00Z'));
  const changed = await requester('PUT', `/api/requests/${r.id}/satisfaction`, { score: 5 });
  assert.deepEqual([changed.statusCode, changed.json().survey.score, changed.json().survey.comment], [200, 5, null]);
  const staffView = (await coordinator('GET', `/api/requests/${r.id}/satisfaction`)).json();
  assert.deepEqual([staffView.survey.score, staffView.allowedActions], [5, []]);
  setRequestClock(() => new Date('2025-03-10T09:01:00Z'));
  const late = await requester('PUT', `/api/requests/${r.id}/satisfaction`, { score: 1 });
  assert.deepEqual([late.statusCode, late.json().details?.reason], [409, 'csat_closed']);
  assert.match(late.json().message, /7\u00a0jours/);
  const token = tokenOf(await waitForMail(r.reference));
  const anon = as(t.app, null);
  assert.equal((await anon('GET', `/api/csat/surveys/${token}`)).json().changeable, false);
  assert.equal((await anon('POST', `/api/csat/surveys/${token}`, { score: 1 })).statusCode, 409);
  setRequestClock(null);
  const events = (await requester('GET', `/api/requests/${r.id}`))
    .json()
    .timeline.filter((e: { kind: string }) => e.kind === 'csat_rated');
  assert.deepEqual(
    events.map((e: { data: { score: number } }) => e.data.score),
    [3, 5],
  );
  const audit = (await keyUser('GET', `/api/audit?action=csat.changed`)).json().items;
  assert.ok(audit.some((a: { targetId: string }) => a.targetId === r.id));
  const bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await bellevue('GET', `/api/requests/${r.id}/satisfaction`)).statusCode, 404, 'tenancy');
});

test('a service with the survey off: no survey, no mail, nothing to rate', async () => {
  const quote = services.find((s) => s.name === 'Commande de fournitures');
  assert.ok(quote);
  const fresh = (await keyUser('GET', `/api/catalog/services/${quote.id}`)).json();
  assert.equal(fresh.csatEnabled, true);
  const off = await keyUser('PATCH', `/api/catalog/services/${quote.id}`, { csatEnabled: false, version: fresh.version });
  assert.deepEqual([off.statusCode, off.json().csatEnabled], [200, false]);
  const res = await requester('POST', '/api/requests', {
    serviceId: quote.id,
    title: 'Agrafes',
    answers: { articles: 'Agrafes 24/6', site: (await sites())[0] },
  });
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json();
  await resolve(r);
  await mailPendingSurveys(t.deps);
  await new Promise((done) => setTimeout(done, 100));
  assert.equal((await surveysOf(r.id)).length, 0);
  assert.equal(mailsFor(r.reference).length, 0);
  assert.deepEqual((await requester('GET', `/api/requests/${r.id}/satisfaction`)).json(), { survey: null, allowedActions: [] });
  assert.equal((await requester('PUT', `/api/requests/${r.id}/satisfaction`, { score: 4 })).statusCode, 404);
});

async function sites(): Promise<string[]> {
  return ((await keyUser('GET', '/api/sites')).json().items as { id: string; name: string }[])
    .filter((s) => s.name.startsWith('Lyon'))
    .map((s) => s.id);
}
