import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
const api: Record<string, Api> = {};
let topic: string;
let secret: string;
let serviceId: string;
let julienId: string;

before(async () => {
  t = await testApp({ demo: true });
  for (const who of ['assistante', 'referent', 'demandeur']) api[who] = as(t.app, await login(t.app, `${who}@horizon.test`));
  api.other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  julienId = (await api.demandeur('GET', '/api/me')).json().user.id;
  const services = (await api.assistante('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  // A service whose form has a required answer: a message carries none, the form is filled in later (as for a mail).
  serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
  topic = (await api.assistante('POST', '/api/channels', { kind: 'topic', name: 'Achats (test)' })).json().id;
  secret = (await api.assistante('POST', '/api/channels', { kind: 'topic', name: 'Direction (test)', private: true })).json().id;
  assert.equal((await api.demandeur('POST', `/api/channels/${topic}/join`)).statusCode, 200);
});
after(() => t.close());

async function post(who: string, channelId: string, body: string) {
  const res = await api[who]('POST', `/api/channels/${channelId}/messages`, { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const convert = (who: string, messageId: string, extra: Record<string, unknown> = {}) =>
  api[who]('POST', `/api/messages/${messageId}/request`, { serviceId, title: 'Chaises', description: 'Six chaises', ...extra });

test('a message becomes a request on behalf of its author, linked both ways, with an internal timeline event', async () => {
  const m = await post('demandeur', topic, 'Il nous faut six chaises\npour la salle B');
  assert.ok(!m.allowedActions.includes('message.to_request'));
  const listed = (await api.assistante('GET', `/api/channels/${topic}/messages`))
    .json()
    .items.find((x: { id: string }) => x.id === m.id);
  assert.ok(listed.allowedActions.includes('message.to_request'));
  assert.equal(listed.request, null);
  const res = await convert('assistante', m.id, {
    title: 'Six chaises salle B',
    description: 'Il nous faut six chaises',
    priority: 'P2',
  });
  assert.equal(res.statusCode, 201, res.body);
  const { request, message } = res.json();
  assert.match(request.reference, /\d/);
  assert.equal(message.requestId, request.id);
  assert.ok(!message.allowedActions.includes('message.to_request'));
  const detail = (await api.assistante('GET', `/api/requests/${request.id}`)).json();
  const status = detail.status;
  assert.deepEqual(message.request, { id: request.id, reference: request.reference, title: 'Six chaises salle B', status });
  assert.deepEqual(
    [detail.title, detail.description, detail.priority, detail.requester.id, detail.source],
    ['Six chaises salle B', 'Il nous faut six chaises', 'P2', julienId, 'chat'],
  );
  assert.deepEqual(detail.sourceMessage, {
    id: m.id,
    channelId: topic,
    channelName: 'Achats (test)',
    excerpt: 'Il nous faut six chaises pour la salle B',
  });
  const event = detail.timeline.find((e: { kind: string }) => e.kind === 'from_message');
  assert.equal(event.public, false);
  assert.deepEqual(event.data, { messageId: m.id, channelId: topic, channelName: 'Achats (test)' });
  const mine = (await api.demandeur('GET', `/api/requests/${request.id}`)).json();
  assert.equal(mine.sourceMessage.id, m.id);
  assert.ok(!mine.timeline.some((e: { kind: string }) => e.kind === 'from_message'));
  const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('target_id', '=', m.id).execute();
  assert.ok(audit.some((a) => a.action === 'message.to_request'));
  const again = await convert('assistante', m.id);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'conflict');
});

test('two simultaneous conversions of one message make one request', async () => {
  const m = await post('demandeur', topic, 'Course concurrente');
  const before = await requestCount();
  const codes = (await Promise.all([convert('assistante', m.id), convert('referent', m.id)])).map((r) => r.statusCode);
  assert.deepEqual(codes.sort(), [201, 409]);
  assert.equal(await requestCount(), before + 1);
});

const requestCount = async () =>
  Number(
    (
      await t.deps.database.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('who may convert: staff who create for others; requesters 403; outsiders of the channel 404', async () => {
  const m = await post('demandeur', topic, 'Demande du demandeur');
  assert.equal((await convert('demandeur', m.id)).statusCode, 403);
  assert.equal((await convert('other', m.id)).statusCode, 404);
  const hidden = await post('assistante', secret, 'Recrutement confidentiel');
  assert.equal((await convert('referent', hidden.id)).statusCode, 404);
  assert.equal((await convert('demandeur', hidden.id)).statusCode, 404);
  const res = await convert('assistante', hidden.id, { requesterId: julienId });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().request.id;
  // A staff member outside the private channel reads the request but not where it came from.
  const seen = (await api.referent('GET', `/api/requests/${id}`)).json();
  assert.equal(seen.sourceMessage, null);
  assert.equal((await api.assistante('GET', `/api/requests/${id}`)).json().sourceMessage.channelName, 'Direction (test)');
  assert.equal((await convert('assistante', 'inconnu')).statusCode, 404);
  const bad = await api.assistante('POST', `/api/messages/${m.id}/request`, { serviceId, title: '' });
  assert.equal(bad.statusCode, 400);
});

test('a private channel message answers 404, not 403, to non-members on edit, delete and history', async () => {
  const hidden = await post('assistante', secret, 'Secret');
  for (const who of ['referent', 'demandeur', 'other']) {
    assert.equal((await api[who]('PATCH', `/api/messages/${hidden.id}`, { body: 'x', version: 1 })).statusCode, 404, who);
    assert.equal((await api[who]('DELETE', `/api/messages/${hidden.id}`)).statusCode, 404, who);
    assert.equal((await api[who]('GET', `/api/messages/${hidden.id}/revisions`)).statusCode, 404, who);
  }
  // A reader who is not the author still gets 403 where the policy says so.
  const open = await post('assistante', topic, 'Public');
  assert.equal((await api.demandeur('PATCH', `/api/messages/${open.id}`, { body: 'x', version: 1 })).statusCode, 403);
  assert.equal((await api.assistante('PATCH', `/api/messages/${hidden.id}`, { body: 'Secret !', version: 1 })).statusCode, 200);
});
