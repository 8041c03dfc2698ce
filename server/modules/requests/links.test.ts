import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newOrganization, newRequest } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let requester: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let orgId: string;
let requesterId: string;

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const me = (await requester('GET', '/api/me')).json();
  [orgId, requesterId] = [me.organization.id, me.user.id];
});
after(() => t.close());

const make = (title: string) => newRequest(t.deps, orgId, { requesterId, title });
const linksOf = async (id: string) =>
  (await assistant('GET', `/api/requests/${id}`)).json().links as { id: string; kind: string; request: { id: string } }[];
const kinds = async (id: string, kind: string) =>
  (await assistant('GET', `/api/requests/${id}`))
    .json()
    .timeline.filter((e: { kind: string }) => e.kind === kind)
    .map((e: { data: { otherId: string } }) => e.data.otherId);

test('a link is stored both ways with the inverse kind, with an event on each request', async () => {
  const [parent, child, original, copy] = [
    await make('Parent'),
    await make('Enfant'),
    await make('Original'),
    await make('Copie'),
  ];
  const res = await assistant('POST', `/api/requests/${parent}/links`, { otherId: child, kind: 'parent_of' });
  assert.equal(res.statusCode, 201, res.body);
  const link = res.json();
  assert.equal(link.kind, 'parent_of');
  assert.equal(link.request.id, child);
  assert.match(link.request.reference, /^DEM-/);
  assert.equal(link.request.title, 'Enfant');
  assert.deepEqual(
    (await linksOf(parent)).map((l) => [l.id, l.kind, l.request.id]),
    [[link.id, 'parent_of', child]],
  );
  assert.deepEqual(
    (await linksOf(child)).map((l) => [l.kind, l.request.id]),
    [['child_of', parent]],
  );
  assert.deepEqual(await kinds(parent, 'link_added'), [child]);
  assert.deepEqual(await kinds(child, 'link_added'), [parent]);
  const dup = await assistant('POST', `/api/requests/${copy}/links`, { otherId: original, kind: 'duplicate_of' });
  assert.equal(dup.statusCode, 201);
  assert.deepEqual(
    (await linksOf(original)).map((l) => [l.kind, l.request.id]),
    [['duplicated_by', copy]],
  );
  const seen = (await requester('GET', `/api/requests/${child}`)).json();
  assert.ok(!seen.timeline.some((e: { kind: string }) => e.kind === 'link_added'), 'link events are staff-only');
});

test('self-links, unknown or foreign requests, second links and non-staff are refused', async () => {
  const [a, b] = [await make('A'), await make('B')];
  const self = await assistant('POST', `/api/requests/${a}/links`, { otherId: a, kind: 'related' });
  assert.equal(self.statusCode, 422);
  assert.equal(self.json().details.fields[0].path, 'otherId');
  const foreign = await newRequest(t.deps, await newOrganization(t.deps));
  assert.equal((await assistant('POST', `/api/requests/${a}/links`, { otherId: foreign, kind: 'related' })).statusCode, 404);
  assert.equal((await assistant('POST', `/api/requests/${a}/links`, { otherId: 'nope', kind: 'related' })).statusCode, 404);
  assert.equal((await assistant('POST', `/api/requests/${a}/links`, { otherId: b, kind: 'cousin_of' })).statusCode, 400);
  assert.equal((await assistant('POST', `/api/requests/${a}/links`, { otherId: b, kind: 'related' })).statusCode, 201);
  const again = await assistant('POST', `/api/requests/${b}/links`, { otherId: a, kind: 'parent_of' });
  assert.equal(again.statusCode, 409, 'one link per pair, whichever side');
  assert.match(again.json().message, /déjà liées/);
  assert.equal((await requester('POST', `/api/requests/${a}/links`, { otherId: b, kind: 'related' })).statusCode, 403);
  const secret = await newRequest(t.deps, orgId, { requesterId, confidential: true });
  const hidden = await assistant('POST', `/api/requests/${a}/links`, { otherId: secret, kind: 'related' });
  assert.equal(hidden.statusCode, 404, 'a confidential request the assistant is not cleared on does not exist for them');
});

test('removing a link from either side removes both directions, with an event on each request', async () => {
  const [a, b] = [await make('A'), await make('B')];
  const link = (await assistant('POST', `/api/requests/${a}/links`, { otherId: b, kind: 'parent_of' })).json();
  const fromB = (await linksOf(b))[0];
  assert.equal(
    (await assistant('DELETE', `/api/requests/${a}/links/${fromB.id}`)).statusCode,
    404,
    'a link id of another request',
  );
  assert.equal((await requester('DELETE', `/api/requests/${b}/links/${fromB.id}`)).statusCode, 403);
  assert.equal((await assistant('DELETE', `/api/requests/${b}/links/${fromB.id}`)).statusCode, 204);
  assert.deepEqual(await linksOf(a), []);
  assert.deepEqual(await linksOf(b), []);
  assert.deepEqual(await kinds(a, 'link_removed'), [b]);
  assert.deepEqual(await kinds(b, 'link_removed'), [a]);
  assert.equal((await assistant('DELETE', `/api/requests/${a}/links/${link.id}`)).statusCode, 404);
});
