import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newMember, newOrganization, newRequest, newSite, newView, sessionFor, systemCtx } from '../../test/factories.ts';
import { as, type TestApp, testApp } from '../../test/harness.ts';
import { updateRequest } from '../requests/request-update.ts';

type Api = ReturnType<typeof as>;
interface View {
  id: string;
  name: string;
  builtIn: boolean;
  shared: boolean;
  ownerId: string | null;
  query: string;
  count: number;
  version: number | null;
  allowedActions: string[];
}

let t: TestApp;
let org: string;
let site: string;
const users: Record<string, string> = {};
const api: Record<string, Api> = {};
const req: Record<string, string> = {};
let foreign: string;

async function assignAndMove(id: string, assigneeId: string | null, status?: string) {
  const scope = { organizationId: org };
  const row = await t.deps.database.db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  await updateRequest(systemCtx(t.deps, org), scope, id, { version: row.version, assigneeId, status: status as never });
}

/** Moves a request's resolution due date, as time passing would (no SLA policy in this bare organisation). */
async function dueIn(id: string, minutes: number) {
  const at = new Date(Date.now() + minutes * 60_000).toISOString();
  await t.deps.database.db.updateTable('requests').set({ resolution_due_at: at }).where('id', '=', id).execute();
}

before(async () => {
  t = await testApp();
  org = await newOrganization(t.deps);
  site = await newSite(t.deps, org);
  for (const role of ['assistant', 'coordinator', 'requester', 'dpo'] as const)
    users[role] = await newMember(t.deps, org, role, site);
  users.assistant2 = await newMember(t.deps, org, 'assistant', site);
  for (const [key, id] of Object.entries(users)) api[key] = as(t.app, await sessionFor(t.deps, id, org));
  const mine = { requesterId: users.requester, siteId: site };
  for (const key of ['assigned', 'unassigned', 'waiting', 'late', 'soon', 'resolved', 'cancelled'])
    req[key] = await newRequest(t.deps, org, { ...mine, title: key });
  req.secret = await newRequest(t.deps, org, { ...mine, title: 'secret', confidential: true });
  await assignAndMove(req.assigned, users.assistant);
  await assignAndMove(req.waiting, users.assistant2, 'waiting_requester');
  await assignAndMove(req.late, users.assistant2);
  await assignAndMove(req.soon, users.assistant);
  await assignAndMove(req.resolved, users.assistant, 'resolved');
  await assignAndMove(req.cancelled, null, 'cancelled');
  await dueIn(req.late, -30);
  await dueIn(req.soon, 30);
  await dueIn(req.unassigned, 600);
  const other = await newOrganization(t.deps);
  foreign = await newRequest(t.deps, other);
});
after(() => t.close());

const views = async (who: Api) => (await who('GET', '/api/views')).json().items as View[];
const listed = async (who: Api, query: string) =>
  ((await who('GET', `/api/requests?${query}&limit=100`)).json().items as { id: string }[]).map((i) => i.id).sort();

test('built-in queues come first with their live counts, equal to the list they open', async () => {
  const items = await views(api.assistant);
  assert.deepEqual(
    items.slice(0, 5).map((v) => [v.id, v.name, v.builtIn]),
    [
      ['builtin:mine', 'Mes demandes en cours', true],
      ['builtin:unassigned', 'Non attribuées', true],
      ['builtin:breached', 'En retard', true],
      ['builtin:due_1h', 'Échéance dans l’heure', true],
      ['builtin:waiting', 'En attente', true],
    ],
  );
  const count = (id: string) => items.find((v) => v.id === id)?.count;
  // The confidential request is not the assistant's to see: it is counted nowhere.
  assert.deepEqual(
    ['mine', 'unassigned', 'breached', 'due_1h', 'waiting'].map((k) => count(`builtin:${k}`)),
    [2, 1, 1, 1, 1],
  );
  for (const v of items) assert.equal(v.count, (await listed(api.assistant, v.query)).length, v.id);
  assert.deepEqual(await listed(api.assistant, items[2].query), [req.late]);
  assert.equal((await views(api.assistant2)).find((v) => v.id === 'builtin:mine')?.count, 2, 'waiting + late');
  const counts = (await api.assistant('GET', '/api/views/counts')).json();
  assert.deepEqual(counts, Object.fromEntries(items.map((v) => [v.id, v.count])));
});

test('personal views are their owner’s alone; shared ones are managed by the coordination', async () => {
  const personal = await api.assistant('POST', '/api/views', { name: 'Mes P1', filters: { priority: ['P1', 'P2'] } });
  assert.equal(personal.statusCode, 201, personal.body);
  const mineView = personal.json() as View;
  assert.deepEqual(
    [mineView.shared, mineView.ownerId, mineView.count, mineView.query],
    [false, users.assistant, 0, 'priority=P1%2CP2&sort=due'],
  );
  for (const who of [api.assistant2, api.coordinator]) {
    assert.ok(!(await views(who)).some((v) => v.id === mineView.id));
    assert.equal((await who('GET', `/api/views/${mineView.id}`)).statusCode, 403);
    assert.equal((await who('PATCH', `/api/views/${mineView.id}`, { name: 'x', version: 1 })).statusCode, 403);
  }
  const refused = await api.assistant('POST', '/api/views', { name: 'Pour tous', shared: true });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().message, /partager/);
  const shared = await api.coordinator('POST', '/api/views', {
    name: 'À moi, en cours',
    filters: { assigneeId: 'me', open: 'true' },
    shared: true,
    position: 1,
  });
  assert.equal(shared.statusCode, 201, shared.body);
  const sharedView = shared.json() as View;
  // The same shared view counts each viewer's own work.
  const seen = await views(api.assistant);
  assert.deepEqual(
    seen.slice(5).map((v) => v.id),
    [sharedView.id, mineView.id],
    'built-ins, shared, then personal',
  );
  assert.equal(seen.find((v) => v.id === sharedView.id)?.count, 2);
  assert.equal((await views(api.coordinator)).find((v) => v.id === sharedView.id)?.count, 0);
  assert.deepEqual(seen.find((v) => v.id === sharedView.id)?.allowedActions, []);
  assert.equal((await api.assistant('DELETE', `/api/views/${sharedView.id}`)).statusCode, 403);
  const renamed = await api.coordinator('PATCH', `/api/views/${sharedView.id}`, { name: 'Mes dossiers', version: 1 });
  assert.deepEqual([renamed.statusCode, renamed.json().version], [200, 2]);
  assert.equal((await api.coordinator('PATCH', `/api/views/${sharedView.id}`, { name: 'y', version: 1 })).statusCode, 409);
  const edited = await api.assistant('PATCH', `/api/views/${mineView.id}`, { filters: { tag: 'paie' }, version: 1 });
  assert.deepEqual([edited.statusCode, edited.json().query], [200, 'tag=paie&sort=due']);
  assert.equal((await api.assistant('PATCH', `/api/views/${mineView.id}`, { shared: true, version: 2 })).statusCode, 403);
  assert.equal((await api.assistant('DELETE', `/api/views/${mineView.id}`)).statusCode, 204);
});

test('views are checked: foreign ids, bad filters, other organisations, read-only and requester roles', async () => {
  const unknown = await api.assistant('POST', '/api/views', {
    name: 'x',
    filters: { teamId: '0190f0f0-0000-7000-8000-000000000000' },
  });
  assert.equal(unknown.statusCode, 422);
  assert.equal(unknown.json().details.fields[0].path, 'filters.teamId');
  assert.equal((await api.assistant('POST', '/api/views', { name: 'x', filters: { status: ['perdu'] } })).statusCode, 400);
  const elsewhere = await newView(t.deps, await newOrganization(t.deps));
  assert.equal((await api.coordinator('GET', `/api/views/${elsewhere}`)).statusCode, 404);
  assert.equal((await api.requester('GET', '/api/views')).statusCode, 403);
  assert.equal((await api.dpo('GET', '/api/views/counts')).statusCode, 200);
  assert.equal((await api.dpo('POST', '/api/views', { name: 'x' })).statusCode, 403);
});

test('bulk: each item is checked like a single update; one failure does not stop the others', async () => {
  const ids = [req.unassigned, req.secret, foreign, req.cancelled, req.unassigned, '0190f0f0-0000-7000-8000-000000000000'];
  const res = await api.assistant2('POST', '/api/requests/bulk', { ids, action: 'assign', value: 'me' });
  assert.equal(res.statusCode, 200, res.body);
  const results = res.json().results as { id: string; ok: boolean; code?: string; message?: string }[];
  assert.deepEqual(
    results.map((r) => [r.id, r.ok, r.code]),
    [
      [req.unassigned, true, undefined],
      [req.secret, false, 'forbidden'],
      [foreign, false, 'not_found'],
      [req.cancelled, false, 'conflict'],
      ['0190f0f0-0000-7000-8000-000000000000', false, 'not_found'],
    ],
  );
  assert.equal(results[3].message, 'Cette demande est clôturée et ne peut plus être modifiée.');
  const got = (await api.assistant2('GET', `/api/requests/${req.unassigned}`)).json();
  assert.deepEqual([got.assignee.id, got.status, got.assignment], [users.assistant2, 'assigned', { rule: 'manual' }]);
  const moved = await api.assistant2('POST', '/api/requests/bulk', {
    ids: [req.unassigned, req.resolved],
    action: 'status',
    value: 'in_progress',
  });
  assert.deepEqual(
    moved.json().results.map((r: { ok: boolean; code?: string }) => [r.ok, r.code]),
    [
      [true, undefined],
      [true, undefined],
    ],
  );
  const tagged = await api.assistant2('POST', '/api/requests/bulk', {
    ids: [req.unassigned, req.late],
    action: 'add_tag',
    value: 'paie',
  });
  assert.ok(tagged.json().results.every((r: { ok: boolean }) => r.ok));
  assert.deepEqual((await listed(api.assistant2, 'tag=paie')).sort(), [req.unassigned, req.late].sort());
  await api.assistant2('POST', '/api/requests/bulk', { ids: [req.late], action: 'remove_tag', value: 'paie' });
  assert.deepEqual(await listed(api.assistant2, 'tag=paie'), [req.unassigned]);
  const urgent = await api.assistant2('POST', '/api/requests/bulk', { ids: [req.late], action: 'priority', value: 'P1' });
  assert.equal(urgent.json().results[0].ok, true);
  assert.equal((await api.assistant2('GET', `/api/requests/${req.late}`)).json().priority, 'P1');
});

test('bulk as a requester: every item is forbidden, even their own; the DPO cannot bulk at all', async () => {
  const ids = [req.assigned, req.unassigned];
  const res = await api.requester('POST', '/api/requests/bulk', { ids, action: 'priority', value: 'P1' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().results.map((r: { code: string }) => r.code),
    ['forbidden', 'forbidden'],
  );
  assert.equal((await api.dpo('POST', '/api/requests/bulk', { ids, action: 'priority', value: 'P1' })).statusCode, 403);
  const tooMany = Array.from({ length: 201 }, (_, i) => `id-${i}`);
  assert.equal(
    (await api.assistant('POST', '/api/requests/bulk', { ids: tooMany, action: 'priority', value: 'P1' })).statusCode,
    400,
  );
  assert.equal((await api.assistant('POST', '/api/requests/bulk', { ids, action: 'delete', value: 'x' })).statusCode, 400);
});
