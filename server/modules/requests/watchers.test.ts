import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newOrganization, newMember, newRequest } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { grantAccess } from './requests.repository.ts';

type Who = ReturnType<typeof as>;
let t: TestApp;
let orgId: string | undefined;
const people: Record<string, { as: Who; id: string }> = {};

before(async () => {
  t = await testApp({ demo: true });
  const accounts = {
    requester: 'demandeur@horizon.test',
    neighbour: 'lukas.meyer@horizon.test',
    assistant: 'assistante@horizon.test',
    coordinator: 'coordinatrice@horizon.test',
    dpo: 'dpo@horizon.test',
    executive: 'dirigeant@horizon.test',
  };
  for (const [key, email] of Object.entries(accounts)) {
    const who = as(t.app, await login(t.app, email));
    const me = (await who('GET', '/api/me')).json();
    orgId ??= me.organization.id;
    // The coordinator belongs to two organisations: work in the requester's.
    if (me.organization.id !== orgId) await who('POST', '/api/me/organization', { organizationId: orgId ?? '' });
    people[key] = { as: who, id: me.user.id };
  }
});
after(() => t.close());

const p = (key: string) => people[key];
const make = (confidential = false) => newRequest(t.deps, orgId ?? '', { requesterId: p('requester').id, confidential });
const watch = (who: string, id: string, userId: string) => p(who).as('POST', `/api/requests/${id}/watchers`, { userId });

test('staff add a member as watcher, who may then read and reply; the watcher leaves on their own', async () => {
  const id = await make();
  const neighbour = p('neighbour');
  assert.equal((await neighbour.as('GET', `/api/requests/${id}`)).statusCode, 403);
  assert.equal((await watch('neighbour', id, neighbour.id)).statusCode, 403, 'not a party: cannot watch');
  const res = await watch('assistant', id, neighbour.id);
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json().items, [{ id: neighbour.id, name: 'Lukas Meyer' }]);
  assert.equal((await watch('assistant', id, neighbour.id)).statusCode, 409);
  const seen = await neighbour.as('GET', `/api/requests/${id}`);
  assert.equal(seen.statusCode, 200);
  assert.deepEqual(seen.json().watchers, [{ id: neighbour.id, name: 'Lukas Meyer' }]);
  assert.ok(!seen.json().timeline.some((e: { kind: string }) => e.kind === 'watcher_added'), 'staff-only event');
  assert.equal((await neighbour.as('POST', `/api/requests/${id}/comments`, { body: 'Je suis en copie.' })).statusCode, 201);
  const staff = (await p('assistant').as('GET', `/api/requests/${id}`)).json();
  assert.equal(staff.timeline.find((e: { kind: string }) => e.kind === 'watcher_added').data.userId, neighbour.id);
  assert.equal((await neighbour.as('DELETE', `/api/requests/${id}/watchers/${neighbour.id}`)).statusCode, 204);
  assert.equal((await neighbour.as('GET', `/api/requests/${id}`)).statusCode, 403);
  assert.equal((await p('assistant').as('DELETE', `/api/requests/${id}/watchers/${neighbour.id}`)).statusCode, 404);
});

test('only staff add or remove someone else; watchers must be members; the DPO stays read-only', async () => {
  const id = await make();
  const { requester, neighbour, assistant } = { requester: p('requester'), neighbour: p('neighbour'), assistant: p('assistant') };
  const others = await watch('requester', id, neighbour.id);
  assert.equal(others.statusCode, 403);
  assert.match(others.json().message, /équipe d’assistance/);
  assert.equal((await watch('requester', id, requester.id)).statusCode, 201, 'the requester may watch (a no-op for access)');
  assert.equal((await watch('executive', id, p('executive').id)).statusCode, 201, 'a reader follows what they read');
  assert.equal((await watch('dpo', id, p('dpo').id)).statusCode, 403);
  const foreigner = await newMember(t.deps, await newOrganization(t.deps), 'requester');
  const notMember = await watch('assistant', id, foreigner);
  assert.equal(notMember.statusCode, 422);
  assert.equal(notMember.json().details.fields[0].path, 'userId');
  await watch('assistant', id, neighbour.id);
  assert.equal((await requester.as('DELETE', `/api/requests/${id}/watchers/${neighbour.id}`)).statusCode, 403);
  assert.equal((await assistant.as('DELETE', `/api/requests/${id}/watchers/${neighbour.id}`)).statusCode, 204);
});

test('confidential: cleared staff name others; only the requester and cleared staff may watch', async () => {
  const id = await make(true);
  const { coordinator, assistant, neighbour, requester } = {
    coordinator: p('coordinator'),
    assistant: p('assistant'),
    neighbour: p('neighbour'),
    requester: p('requester'),
  };
  await grantAccess(t.deps.database.db, { organizationId: orgId ?? '' }, id, coordinator.id, 'cleared');
  assert.equal((await assistant.as('GET', `/api/requests/${id}`)).statusCode, 403);
  assert.equal((await assistant.as('POST', `/api/requests/${id}/cleared`, { userId: assistant.id })).statusCode, 403);
  const notStaff = await coordinator.as('POST', `/api/requests/${id}/cleared`, { userId: neighbour.id });
  assert.equal(notStaff.statusCode, 422);
  const cleared = await coordinator.as('POST', `/api/requests/${id}/cleared`, { userId: assistant.id });
  assert.equal(cleared.statusCode, 201, cleared.body);
  assert.deepEqual(
    cleared.json().items.map((u: { id: string }) => u.id),
    [coordinator.id, assistant.id],
  );
  assert.equal((await coordinator.as('POST', `/api/requests/${id}/cleared`, { userId: assistant.id })).statusCode, 409);
  assert.equal((await assistant.as('GET', `/api/requests/${id}`)).statusCode, 200);
  const leak = await watch('assistant', id, neighbour.id);
  assert.equal(leak.statusCode, 422);
  assert.match(leak.json().message, /confidentielle/);
  assert.equal((await watch('assistant', id, p('dpo').id)).statusCode, 422, 'staff not cleared either');
  assert.equal((await watch('assistant', id, coordinator.id)).statusCode, 201);
  assert.equal((await watch('assistant', id, assistant.id)).statusCode, 201);
  assert.equal((await coordinator.as('DELETE', `/api/requests/${id}/cleared/${assistant.id}`)).statusCode, 204);
  assert.equal((await assistant.as('GET', `/api/requests/${id}`)).statusCode, 403, 'the watch went with the clearance');
  const view = (await coordinator.as('GET', `/api/requests/${id}`)).json();
  assert.deepEqual(
    view.watchers.map((w: { id: string }) => w.id),
    [coordinator.id],
  );
  const kinds = view.timeline.map((e: { kind: string }) => e.kind);
  for (const k of ['cleared_added', 'cleared_removed', 'watcher_added']) assert.ok(kinds.includes(k), k);
  const mine = (await requester.as('GET', `/api/requests/${id}`)).json();
  assert.deepEqual(mine.cleared, []);
  assert.ok(!mine.timeline.some((e: { kind: string }) => e.kind.startsWith('cleared')));
  assert.equal((await coordinator.as('DELETE', `/api/requests/${id}/cleared/${assistant.id}`)).statusCode, 404);
});
