import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemCtx } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { createOccurrence, runRecurring } from './recurring.runner.ts';

let t: TestApp;
let admin: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let requester: ReturnType<typeof as>;
let ids: { org: string; lyon: string; service: string; demandeur: string; assistante: string };

before(async () => {
  t = await testApp({ demo: true });
  admin = as(t.app, await login(t.app, 'referent@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  const db = t.deps.database.db;
  const sites = (await admin('GET', '/api/sites')).json().items as { id: string; name: string }[];
  const services = (await admin('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const people = await db.selectFrom('users').select(['id', 'email']).execute();
  const person = (email: string) => people.find((p) => p.email === email)?.id ?? '';
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow();
  ids = {
    org: org.id,
    lyon: sites.find((s) => s.name.startsWith('Lyon'))?.id ?? '',
    // A service whose form has required fields: a recurring request is created without answers.
    service: services.find((s) => s.name === 'Demande de devis')?.id ?? '',
    demandeur: person('demandeur@horizon.test'),
    assistante: person('assistante@horizon.test'),
  };
});
after(() => t.close());

async function schedule(name: string) {
  const res = await admin('POST', '/api/recurring-schedules', {
    name,
    serviceId: ids.service,
    siteId: ids.lyon,
    requesterId: ids.demandeur,
    assigneeId: ids.assistante,
    title: '{name} — {date}'.replace('{name}', name),
    description: 'Pour {mois}.',
    priority: 'P2',
    rule: { kind: 'weekly', weekdays: ['mon'], time: '09:00' },
    checklist: ['Relever la boîte', 'Classer'],
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; version: number; nextOccurrences: { occurrence: string; at: string; title: string }[] };
}

const createdFor = (scheduleId: string) =>
  t.deps.database.db
    .selectFrom('requests')
    .select(['id', 'title', 'created_at'])
    .where('recurring_schedule_id', '=', scheduleId)
    .execute();
const occurrencesOf = (scheduleId: string) =>
  t.deps.database.db.selectFrom('recurring_occurrences').selectAll().where('schedule_id', '=', scheduleId).execute();

test('the runner creates the due occurrence once, from the template, on behalf of the requester', async () => {
  const s = await schedule('Tournée A');
  const first = s.nextOccurrences[0];
  const before = new Date(new Date(first.at).getTime() - 60_000);
  await runRecurring(t.deps, before);
  assert.equal((await createdFor(s.id)).length, 0, 'nothing before the occurrence instant');
  await runRecurring(t.deps, new Date(first.at));
  await runRecurring(t.deps, new Date(first.at));
  const created = await createdFor(s.id);
  assert.equal(created.length, 1);
  assert.equal(created[0].title, first.title);
  const r = (await assistant('GET', `/api/requests/${created[0].id}`)).json();
  assert.equal(r.source, 'recurring');
  assert.equal(r.requester.id, ids.demandeur);
  assert.equal(r.assignee.id, ids.assistante);
  assert.equal(r.status, 'assigned');
  assert.equal(r.priority, 'P2');
  assert.match(r.description, /^Pour [a-zéû]+ \d{4}\.$/);
  assert.deepEqual(
    r.checklist.map((c: { label: string }) => c.label),
    ['Relever la boîte', 'Classer'],
  );
  assert.deepEqual(
    (await occurrencesOf(s.id)).map((o) => [o.occurrence, o.request_id]),
    [[first.occurrence, created[0].id]],
  );
  // The requester sees it among their requests.
  assert.equal((await requester('GET', `/api/requests/${created[0].id}`)).statusCode, 200);
  // An edit makes the runner look again at once: the occurrence log still says « done ».
  const edited = await admin('PATCH', `/api/recurring-schedules/${s.id}`, { version: s.version, name: 'Tournée A bis' });
  assert.equal(edited.statusCode, 200, edited.body);
  await runRecurring(t.deps, new Date(first.at));
  assert.equal((await createdFor(s.id)).length, 1);
  const listed = (await admin('GET', `/api/recurring-schedules/${s.id}`)).json();
  assert.equal(listed.lastOccurrence.requestId, created[0].id);
});

test('two concurrent runs for the same instant create one request', async () => {
  const s = await schedule('Tournée B');
  const at = new Date(s.nextOccurrences[0].at);
  await Promise.all([runRecurring(t.deps, at), runRecurring(t.deps, at), runRecurring(t.deps, at)]);
  assert.equal((await createdFor(s.id)).length, 1);
  assert.equal((await occurrencesOf(s.id)).length, 1);
});

test('a second creation of the same occurrence is refused by the log and rolled back entirely', async () => {
  const s = await schedule('Tournée C');
  const row = await t.deps.database.db
    .selectFrom('recurring_schedules')
    .selectAll()
    .where('id', '=', s.id)
    .executeTakeFirstOrThrow();
  const o = { occurrence: s.nextOccurrences[0].occurrence, date: s.nextOccurrences[0].occurrence, at: s.nextOccurrences[0].at };
  const ctx = systemCtx(t.deps, ids.org);
  const scope = { organizationId: ids.org };
  const counter = () =>
    t.deps.database.db.selectFrom('request_counters').select('last_number').where('organization_id', '=', ids.org).execute();
  assert.equal(await createOccurrence(ctx, scope, row, o), true);
  const numbers = await counter();
  assert.equal(await createOccurrence(ctx, scope, row, o), false);
  assert.deepEqual(await counter(), numbers, 'the reference number was not consumed');
  assert.equal((await createdFor(s.id)).length, 1);
});

test('an inactive schedule creates nothing; missed occurrences are caught up within 7 days only', async () => {
  const s = await schedule('Tournée D');
  const [o1, o2] = s.nextOccurrences;
  await admin('PATCH', `/api/recurring-schedules/${s.id}`, { version: s.version, active: false });
  await runRecurring(t.deps, new Date(o2.at));
  assert.equal((await createdFor(s.id)).length, 0);
  const cur = (await admin('GET', `/api/recurring-schedules/${s.id}`)).json();
  await admin('PATCH', `/api/recurring-schedules/${s.id}`, { version: cur.version, active: true });
  // Down for two weeks: the first Monday is more than 7 days old, the second is caught up.
  await runRecurring(t.deps, new Date(new Date(o2.at).getTime() + 6 * 86_400_000));
  assert.deepEqual(
    (await occurrencesOf(s.id)).map((o) => o.occurrence),
    [o2.occurrence],
  );
  assert.ok(o1.occurrence < o2.occurrence);
});

test('planning: recurring work and due requests per day, with lanes; range and role checked', async () => {
  const s = await schedule('Tournée E');
  const first = s.nextOccurrences[0];
  await runRecurring(t.deps, new Date(first.at));
  const [request] = await createdFor(s.id);
  const day = first.at.slice(0, 10);
  const to = new Date(new Date(first.at).getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
  const res = await assistant('GET', `/api/planning?from=${day}&to=${to}&siteId=${ids.lyon}`);
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.equal(p.days[0].date, day);
  const mine = p.days.flatMap((d: { recurring: { scheduleId: string }[] }) => d.recurring.filter((i) => i.scheduleId === s.id));
  assert.equal(mine.length, 3, 'three Mondays in three weeks');
  assert.equal(mine[0].request.id, request.id);
  assert.equal(mine[0].time, '09:00');
  assert.equal(mine[1].request, null);
  assert.ok(p.lanes.some((l: { key: string }) => l.key === mine[0].lane));
  const detail = (await assistant('GET', `/api/requests/${request.id}`)).json();
  const dueDay = p.days.find((d: { due: { id: string }[] }) => d.due.some((i) => i.id === request.id));
  assert.ok(dueDay, 'the created request appears on its due day');
  assert.equal(
    new Date(detail.sla.resolutionDueAt).toISOString(),
    dueDay.due.find((i: { id: string }) => i.id === request.id).dueAt,
  );
  assert.ok(p.days.every((d: { recurring: { site: { id: string } }[] }) => d.recurring.every((i) => i.site.id === ids.lyon)));
  assert.equal((await assistant('GET', '/api/planning?from=2026-01-01&to=2026-03-15')).statusCode, 400);
  assert.equal((await assistant('GET', '/api/planning?from=2026-03-15&to=2026-03-01')).statusCode, 400);
  assert.equal((await assistant('GET', '/api/planning?from=2026-02-30&to=2026-03-01')).statusCode, 400);
  assert.equal((await requester('GET', `/api/planning?from=${day}&to=${to}`)).statusCode, 403);
});
