import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let coordinator: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let requester: ReturnType<typeof as>;
let ids: { lyon: string; service: string; demandeur: string; assistante: string; coordinatrice: string };

before(async () => {
  t = await testApp({ demo: true });
  coordinator = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  // The coordinator works for two organisations: switch to Horizon.
  const horizon = await t.deps.database.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', 'horizon')
    .executeTakeFirstOrThrow();
  await coordinator('POST', '/api/me/organization', { organizationId: horizon.id });
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  const sites = (await coordinator('GET', '/api/sites')).json().items as { id: string; name: string }[];
  const services = (await coordinator('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const people = await t.deps.database.db.selectFrom('users').select(['id', 'email']).execute();
  const person = (email: string) => people.find((p) => p.email === email)?.id ?? '';
  ids = {
    lyon: sites.find((s) => s.name.startsWith('Lyon'))?.id ?? '',
    service: services.find((s) => s.name === 'Demande de devis')?.id ?? '',
    demandeur: person('demandeur@horizon.test'),
    assistante: person('assistante@horizon.test'),
    coordinatrice: person('coordinatrice@horizon.test'),
  };
});
after(() => t.close());

const body = (extra: Record<string, unknown> = {}) => ({
  name: 'Relevé hebdomadaire',
  serviceId: ids.service,
  siteId: ids.lyon,
  title: 'Relevé du {date}',
  rule: { kind: 'weekly', weekdays: ['mon'], time: '09:00' },
  checklist: ['Relever', 'Classer'],
  ...extra,
});

test('the demo organisation has its four recurring schedules, each with its next three occurrences', async () => {
  const res = await assistant('GET', '/api/recurring-schedules');
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items;
  assert.deepEqual(items.map((s: { name: string }) => s.name).sort(), [
    'Consolidation des notes de frais',
    'Déclaration de TVA trimestrielle',
    'Relevé des badges',
    'Tournée courrier',
  ]);
  const mail = items.find((s: { name: string }) => s.name === 'Tournée courrier');
  assert.equal(mail.site.timezone, 'Indian/Reunion');
  assert.equal(mail.team.name, 'Pôle assistantes Horizon', 'the schedule’s team wins over the service’s');
  assert.equal(mail.nextOccurrences.length, 3);
  for (const o of mail.nextOccurrences) assert.match(o.title, /^Tournée courrier du \d{1,2} [a-zéû]+ \d{4}$/);
  assert.deepEqual(mail.allowedActions, []);
});

test('a coordinator creates a schedule; the requester defaults to the creator; staff read, others may not', async () => {
  const res = await coordinator('POST', '/api/recurring-schedules', body());
  assert.equal(res.statusCode, 201, res.body);
  const s = res.json();
  assert.equal(s.requester.id, ids.coordinatrice);
  assert.equal(s.assignee, null);
  assert.equal(s.priority, 'P3');
  assert.deepEqual(s.rule, { kind: 'weekly', weekdays: ['mon'], time: '09:00', ifClosed: 'next' });
  assert.deepEqual(s.checklist, ['Relever', 'Classer']);
  assert.deepEqual(s.allowedActions, ['recurring.update', 'recurring.delete']);
  assert.equal(s.nextOccurrences.length, 3);
  assert.ok(s.nextOccurrences.every((o: { at: string }) => new Date(o.at) > new Date()));
  assert.equal((await assistant('GET', `/api/recurring-schedules/${s.id}`)).statusCode, 200);
  assert.equal((await assistant('POST', '/api/recurring-schedules', body())).statusCode, 403);
  assert.equal((await requester('GET', '/api/recurring-schedules')).statusCode, 403);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('GET', `/api/recurring-schedules/${s.id}`)).statusCode, 404);
});

test('invalid rules, people and links are refused field by field', async () => {
  const badRule = await coordinator(
    'POST',
    '/api/recurring-schedules',
    body({ rule: { kind: 'weekly', weekdays: [], time: '25:00' } }),
  );
  assert.equal(badRule.statusCode, 400);
  const paths = badRule.json().details.fields.map((f: { path: string }) => f.path);
  assert.ok(
    paths.some((p: string) => p.startsWith('rule')),
    paths.join(),
  );
  const notStaff = await coordinator('POST', '/api/recurring-schedules', body({ assigneeId: ids.demandeur }));
  assert.equal(notStaff.statusCode, 422);
  assert.equal(notStaff.json().details.fields[0].path, 'assigneeId');
  const stranger = await coordinator(
    'POST',
    '/api/recurring-schedules',
    body({ requesterId: '0190f0f0-0000-7000-8000-000000000000' }),
  );
  assert.equal(stranger.statusCode, 422);
  assert.equal(stranger.json().details.fields[0].path, 'requesterId');
  assert.match(stranger.json().details.fields[0].message, /membre/);
  const unknownSite = await coordinator(
    'POST',
    '/api/recurring-schedules',
    body({ siteId: '0190f0f0-0000-7000-8000-000000000000' }),
  );
  assert.equal(unknownSite.statusCode, 422);
});

test('update with version (stale: 409 with the current state), then delete', async () => {
  const s = (await coordinator('POST', '/api/recurring-schedules', body({ requesterId: ids.demandeur }))).json();
  const quarterly = { kind: 'monthly_day', day: 15, time: '09:00', everyMonths: 3, startMonth: 1 };
  const res = await coordinator('PATCH', `/api/recurring-schedules/${s.id}`, {
    version: s.version,
    rule: quarterly,
    assigneeId: ids.assistante,
    active: false,
  });
  assert.equal(res.statusCode, 200, res.body);
  const u = res.json();
  assert.equal(u.version, s.version + 1);
  assert.equal(u.assignee.id, ids.assistante);
  assert.equal(u.active, false);
  assert.ok(u.nextOccurrences.every((o: { occurrence: string }) => /-(01|04|07|10)-15$/.test(o.occurrence)));
  const stale = await coordinator('PATCH', `/api/recurring-schedules/${s.id}`, { version: s.version, name: 'Autre' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().details.current.active, false);
  assert.equal((await coordinator('DELETE', `/api/recurring-schedules/${s.id}`)).statusCode, 204);
  assert.equal((await coordinator('GET', `/api/recurring-schedules/${s.id}`)).statusCode, 404);
});
