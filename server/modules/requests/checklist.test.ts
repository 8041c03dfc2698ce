import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let admin: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let requester: ReturnType<typeof as>;
let serviceId: string;

before(async () => {
  t = await testApp({ demo: true });
  admin = as(t.app, await login(t.app, 'referent@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  const services = (await admin('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
});
after(() => t.close());

const newRequest = async () => {
  const res = await requester('POST', '/api/requests', { serviceId, title: 'Devis chaises', answers: { besoin: 'Six chaises' } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
type Event = { kind: string; public: boolean; data: { label?: string }; at: string };
const events = (r: { timeline: Event[] }, kind: string) => r.timeline.filter((e) => e.kind.startsWith(kind));

test('a service’s checklist (≤ 30 items of ≤ 200 characters) is copied onto its new requests', async () => {
  const service = (await admin('GET', `/api/catalog/services/${serviceId}`)).json();
  assert.deepEqual(service.checklist, []);
  const tooMany = await admin('PATCH', `/api/catalog/services/${serviceId}`, {
    version: service.version,
    checklist: Array.from({ length: 31 }, (_, i) => `Étape ${i}`),
  });
  assert.equal(tooMany.statusCode, 400);
  const tooLong = await admin('PATCH', `/api/catalog/services/${serviceId}`, {
    version: service.version,
    checklist: ['x'.repeat(201)],
  });
  assert.equal(tooLong.statusCode, 400);
  const ok = await admin('PATCH', `/api/catalog/services/${serviceId}`, {
    version: service.version,
    checklist: ['Consulter trois fournisseurs', 'Comparer les offres'],
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json().checklist, ['Consulter trois fournisseurs', 'Comparer les offres']);
  const r = await newRequest();
  assert.deepEqual(
    r.checklist.map((c: { label: string; done: boolean; position: number }) => [c.label, c.done, c.position]),
    [
      ['Consulter trois fournisseurs', false, 0],
      ['Comparer les offres', false, 1],
    ],
  );
});

test('staff add, tick, untick and remove items; each change is on the staff timeline and bumps the activity', async () => {
  const r = await newRequest();
  const me = (await assistant('GET', '/api/me')).json().user.id;
  const added = await assistant('POST', `/api/requests/${r.id}/checklist`, { label: '  Envoyer le bon de commande ' });
  assert.equal(added.statusCode, 201, added.body);
  const item = added.json();
  assert.deepEqual([item.label, item.done, item.position], ['Envoyer le bon de commande', false, r.checklist.length]);
  const ticked = (await assistant('PATCH', `/api/requests/${r.id}/checklist/${item.id}`, { done: true })).json();
  assert.equal(ticked.done, true);
  assert.equal(ticked.doneById, me);
  assert.ok(ticked.doneAt);
  // Ticking a ticked item changes nothing and writes nothing.
  assert.equal((await assistant('PATCH', `/api/requests/${r.id}/checklist/${item.id}`, { done: true })).statusCode, 200);
  const unticked = (await assistant('PATCH', `/api/requests/${r.id}/checklist/${item.id}`, { done: false })).json();
  assert.deepEqual([unticked.done, unticked.doneById, unticked.doneAt], [false, null, null]);
  assert.equal((await assistant('DELETE', `/api/requests/${r.id}/checklist/${item.id}`)).statusCode, 204);
  const after = (await assistant('GET', `/api/requests/${r.id}`)).json();
  const log = events(after, 'checklist_');
  assert.deepEqual(
    log.map((e) => [e.kind, e.data.label, e.public]),
    [
      ['checklist_added', 'Envoyer le bon de commande', false],
      ['checklist_checked', 'Envoyer le bon de commande', false],
      ['checklist_unchecked', 'Envoyer le bon de commande', false],
      ['checklist_removed', 'Envoyer le bon de commande', false],
    ],
  );
  assert.equal(after.lastActivityAt, log[log.length - 1].at);
  assert.equal(after.checklist.length, r.checklist.length);
  const seen = (await requester('GET', `/api/requests/${r.id}`)).json();
  assert.deepEqual(events(seen, 'checklist_'), [], 'requesters do not see the checklist log');
});

test('an item of another request answers 404; requesters may not; a cancelled request is frozen', async () => {
  const a = await newRequest();
  const b = await newRequest();
  const itemOfB = b.checklist[0].id;
  assert.equal((await assistant('PATCH', `/api/requests/${a.id}/checklist/${itemOfB}`, { done: true })).statusCode, 404);
  assert.equal((await assistant('DELETE', `/api/requests/${a.id}/checklist/${itemOfB}`)).statusCode, 404);
  assert.equal((await assistant('PATCH', `/api/requests/${a.id}/checklist/inconnu`, { done: true })).statusCode, 404);
  assert.equal((await requester('POST', `/api/requests/${a.id}/checklist`, { label: 'Moi aussi' })).statusCode, 403);
  assert.equal(
    (await requester('PATCH', `/api/requests/${a.id}/checklist/${a.checklist[0].id}`, { done: true })).statusCode,
    403,
  );
  assert.equal((await assistant('POST', `/api/requests/${a.id}/checklist`, { label: '' })).statusCode, 400);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('POST', `/api/requests/${a.id}/checklist`, { label: 'x' })).statusCode, 404);
  assert.equal((await requester('POST', `/api/requests/${a.id}/cancel`, {})).statusCode, 200);
  const frozen = await assistant('PATCH', `/api/requests/${a.id}/checklist/${a.checklist[0].id}`, { done: true });
  assert.equal(frozen.statusCode, 409);
});
