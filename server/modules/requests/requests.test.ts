import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let requester: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let services: { id: string; name: string }[];
const service = (name: string) => services.find((s) => s.name === name)?.id ?? '';

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  services = (await requester('GET', '/api/catalog/services')).json().items;
});
after(() => t.close());

const quote = (extra: Record<string, unknown> = {}) => ({
  serviceId: service('Demande de devis'),
  title: 'Devis pour trois fauteuils',
  description: 'Pour la salle de réunion du 2e étage.',
  answers: { besoin: 'Trois fauteuils ergonomiques' },
  ...extra,
});

test('a requester creates a request: reference, priority, SLA clocks, timeline', async () => {
  const res = await requester('POST', '/api/requests', quote());
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json();
  assert.match(r.reference, /^DEM-\d{4}-\d{6}$/);
  // The pool team assigns automatically (least loaded with the service's skills) and says why.
  assert.equal(r.status, 'assigned');
  assert.ok(r.assignee && r.assignment?.rule, JSON.stringify(r.assignment));
  assert.equal(r.priority, 'P3');
  assert.equal(r.source, 'portal');
  assert.ok(r.sla.resolutionDueAt && r.sla.firstResponseDueAt);
  assert.ok(new Date(r.sla.resolutionDueAt) > new Date(r.sla.firstResponseDueAt));
  assert.deepEqual(
    r.timeline.map((e: { kind: string }) => e.kind),
    ['created'],
    'the assignment is a staff-only event',
  );
  const staffView = (await assistant('GET', `/api/requests/${r.id}`)).json();
  assert.deepEqual(
    staffView.timeline.map((e: { kind: string }) => e.kind),
    ['created', 'assigned'],
  );
  const second = (await requester('POST', '/api/requests', quote())).json();
  assert.equal(Number(second.reference.slice(-6)), Number(r.reference.slice(-6)) + 1);
});

test('impact × urgency gives the priority; bad answers are refused field by field in French', async () => {
  const high = (await requester('POST', '/api/requests', quote({ impact: 'high', urgency: 'high' }))).json();
  assert.equal(high.priority, 'P1');
  const bad = await requester('POST', '/api/requests', quote({ answers: { nombre: 9 } }));
  assert.equal(bad.statusCode, 400);
  const paths = bad.json().details.fields.map((f: { path: string }) => f.path);
  assert.deepEqual(paths.sort(), ['answers.besoin', 'answers.nombre']);
  const unknown = await requester('POST', '/api/requests', quote({ serviceId: '0190f0f0-0000-7000-8000-000000000000' }));
  assert.equal(unknown.statusCode, 404);
});

test('workflow: assign, progress, wait (SLA paused), resolve; invalid moves answer 409 naming the allowed ones', async () => {
  const r = (await requester('POST', '/api/requests', quote())).json();
  const me = (await assistant('GET', '/api/me')).json().user.id;
  let cur = (await assistant('PATCH', `/api/requests/${r.id}`, { version: r.version, assigneeId: me })).json();
  assert.equal(cur.status, 'assigned');
  assert.equal(cur.assignee.id, me);
  const bad = await assistant('PATCH', `/api/requests/${r.id}`, { version: cur.version, status: 'closed' });
  assert.equal(bad.statusCode, 409);
  assert.ok(bad.json().details.allowed.includes('in_progress'));
  assert.match(bad.json().message, /Statuts possibles/);
  const after = (await assistant('GET', `/api/requests/${r.id}`)).json();
  assert.equal(after.version, cur.version, 'a rejected update changes nothing');
  cur = (await assistant('PATCH', `/api/requests/${r.id}`, { version: cur.version, status: 'waiting_requester' })).json();
  assert.equal(cur.sla.state, 'paused');
  const stale = await assistant('PATCH', `/api/requests/${r.id}`, { version: cur.version - 1, title: 'Autre' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().details.current.title, r.title);
  // The requester answers: back in progress, clock running again.
  const replied = (await requester('POST', `/api/requests/${r.id}/comments`, { body: 'Voici les précisions.' })).json();
  assert.equal(replied.status, 'in_progress');
  assert.equal(replied.sla.pausedAt, null);
  const resolved = (
    await assistant('POST', `/api/requests/${r.id}/comments`, { body: 'Devis envoyés.', status: 'resolved' })
  ).json();
  assert.equal(resolved.status, 'resolved');
  assert.ok(resolved.sla.firstRespondedAt);
  assert.equal(resolved.sla.firstResponseState, 'met');
});

test('internal notes stay internal; requesters see only their own requests', async () => {
  const r = (await requester('POST', '/api/requests', quote())).json();
  assert.equal(
    (await assistant('POST', `/api/requests/${r.id}/comments`, { body: 'Voir avec Paul', internal: true })).statusCode,
    201,
  );
  assert.equal((await requester('POST', `/api/requests/${r.id}/comments`, { body: 'x', internal: true })).statusCode, 403);
  const seen = (await requester('GET', `/api/requests/${r.id}`)).json();
  assert.ok(!seen.timeline.some((e: { kind: string }) => e.kind === 'note'));
  const staffView = (await assistant('GET', `/api/requests/${r.id}`)).json();
  assert.ok(staffView.timeline.some((e: { kind: string }) => e.kind === 'note'));
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('GET', `/api/requests/${r.id}`)).statusCode, 404);
  const list = (await requester('GET', '/api/requests?sort=-created&limit=2')).json();
  assert.equal(list.items.length, 2);
  assert.ok(list.nextCursor);
  const next = (await requester('GET', `/api/requests?sort=-created&limit=2&cursor=${list.nextCursor}`)).json();
  assert.ok(next.items.every((i: { id: string }) => !list.items.some((j: { id: string }) => j.id === i.id)));
  assert.equal((await requester('GET', '/api/requests?cursor=%%%')).statusCode, 400);
});

test('a service with approval waits for the named role; others cannot approve', async () => {
  const advance = service('Demande d’acompte');
  const form = services.find((s) => s.id === advance) as unknown as { form: { key: string; type: string; required?: boolean }[] };
  const answers: Record<string, unknown> = {};
  for (const f of form.form.filter((x) => x.required))
    answers[f.key] = f.type === 'number' ? 300 : f.type === 'date' ? '2026-12-15' : 'x';
  const res = await requester('POST', '/api/requests', { serviceId: advance, title: 'Acompte décembre', answers });
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json();
  assert.equal(r.status, 'pending_approval');
  assert.equal((await assistant('POST', `/api/requests/${r.id}/approval`, { approve: true })).statusCode, 403);
  const boss = as(t.app, await login(t.app, 'dirigeant@horizon.test'));
  const ok = await boss('POST', `/api/requests/${r.id}/approval`, { approve: true, comment: 'OK' });
  assert.equal(ok.statusCode, 200, ok.body);
  const approved = ok.json();
  assert.equal(approved.status, 'assigned', 'approved, then assigned by the team rule');
  assert.ok(approved.timeline.some((e: { kind: string }) => e.kind === 'approved'));
});

test('the key user configures the reference prefix, the reopening window and the impact × urgency matrix', async () => {
  const referent = as(t.app, await login(t.app, 'referent@horizon.test'));
  const org = (await referent('GET', '/api/organization')).json();
  assert.equal(org.priorityMatrix.high.high, 'P1');
  const bad = await referent('PATCH', '/api/organization', { version: org.version, requestPrefix: 'x-1' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().details.fields[0].message, /majuscules/);
  const matrix = { ...org.priorityMatrix, low: { high: 'P2', medium: 'P4', low: 'P4' } };
  const saved = await referent('PATCH', '/api/organization', {
    version: org.version,
    requestPrefix: 'HZN',
    reopenDays: 7,
    priorityMatrix: matrix,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().reopenDays, 7);
  const r = (await requester('POST', '/api/requests', quote({ impact: 'low', urgency: 'high' }))).json();
  assert.match(r.reference, /^HZN-\d{4}-\d{6}$/);
  assert.equal(r.priority, 'P2');
});
