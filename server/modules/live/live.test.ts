import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newMember, newOrganization, sessionFor } from '../../test/factories.ts';
import { as, login, type Session, type TestApp, testApp } from '../../test/harness.ts';
import { LiveTestClient } from './live.test-client.ts';
import type { ServerMessage } from './live.protocol.ts';
import { liveHubOf, originAllowed } from './live.routes.ts';
import { PRESENCE_TTL_MS, type PresencePerson, presenceStore } from './presence.service.ts';

const ORIGIN = 'https://relais.example.test';
type Changed = Extract<ServerMessage, { type: 'request.changed' }>;
type Presence = Extract<ServerMessage, { type: 'presence' }>;

let t: TestApp;
let url: string;
const sessions: Record<string, Session> = {};
let serviceId: string;
let org: string;

before(async () => {
  t = await testApp({ demo: true });
  url = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/api/live`;
  for (const who of ['demandeur', 'assistante', 'lea.moreau', 'dpo']) sessions[who] = await login(t.app, `${who}@horizon.test`);
  sessions.other = await login(t.app, 'lukas.meyer@horizon.test');
  const services = (await as(t.app, sessions.demandeur)('GET', '/api/catalog/services')).json().items;
  serviceId = services.find((s: { name: string }) => s.name === 'Demande de devis').id;
  org = (await api('assistante')('GET', '/api/me')).json().organization.id;
});
after(() => t.close());

const open = (who: string, origin = ORIGIN) => LiveTestClient.open(url, { cookie: sessions[who].cookie, origin });
const api = (who: string) => as(t.app, sessions[who]);
const meId = async (who: string): Promise<string> => (await api(who)('GET', '/api/me')).json().user.id;

async function newRequestAs(who: string): Promise<string> {
  const body = { serviceId, title: 'Devis fauteuils', description: 'Salle du 2e', answers: { besoin: 'Trois fauteuils' } };
  const res = await api(who)('POST', '/api/requests', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

const changed = (requestId: string, action: string) => (m: ServerMessage) =>
  m.type === 'request.changed' && m.requestId === requestId && m.action === action;
const presenceOf = (requestId: string, test: (people: PresencePerson[]) => boolean) => (m: ServerMessage) =>
  m.type === 'presence' && m.requestId === requestId && test(m.people);

test('the handshake needs a session (401 before the upgrade) and our own origin (403)', async () => {
  assert.equal(await LiveTestClient.refusal(url, { origin: ORIGIN }), 401);
  assert.equal(await LiveTestClient.refusal(url, { cookie: 'relais_session=forged', origin: ORIGIN }), 401);
  const cookie = sessions.assistante.cookie;
  assert.equal(await LiveTestClient.refusal(url, { cookie, origin: 'https://evil.example' }), 403);
  assert.equal(await LiveTestClient.refusal(url, { cookie, origin: 'null' }), 403);
  const ok = await LiveTestClient.open(url, { cookie, origin: ORIGIN });
  assert.equal((ok.received[0] as { userId: string }).userId, await meId('assistante'));
  await ok.close();
});

test('origins: BASE_URL, the host asked for, loopback only when BASE_URL is loopback', () => {
  assert.ok(originAllowed(ORIGIN, 'elsewhere', ORIGIN));
  assert.ok(originAllowed('https://relais.interne:8443', 'relais.interne:8443', ORIGIN));
  assert.ok(originAllowed('http://localhost:5173', 'localhost:8080', 'http://localhost:8080'));
  assert.ok(!originAllowed('http://localhost:5173', 'relais.example.test', ORIGIN));
  assert.ok(!originAllowed('https://relais.example.test.evil.example', 'relais.example.test', ORIGIN));
  assert.ok(originAllowed(undefined, 'relais.example.test', ORIGIN), 'no Origin: not a browser');
});

test('an API token connects with Authorization: Bearer', async () => {
  const res = await api('assistante')('POST', '/api/me/tokens', { name: 'Écran mural', scopes: ['read'] });
  assert.equal(res.statusCode, 201, res.body);
  const client = await LiveTestClient.open(url, { authorization: `Bearer ${res.json().token}` });
  await client.close();
});

test('staff hear about a new request and a reply, then a queue refresh', async () => {
  const assistant = await open('assistante');
  const id = await newRequestAs('demandeur');
  const created = await assistant.next<Changed>(changed(id, 'request.created'), 'created');
  assert.equal(created.actorId, await meId('demandeur'));
  assert.ok(!Number.isNaN(Date.parse(created.at)));
  await assistant.next((m) => m.type === 'queues.changed', 'queues.changed');
  const reply = await api('demandeur')('POST', `/api/requests/${id}/comments`, { body: 'Précision : tissu bleu' });
  assert.equal(reply.statusCode, 201, reply.body);
  await assistant.next(changed(id, 'request.replied'), 'replied');
  await assistant.close();
});

test('a requester hears about their own request only, and never about internal notes', async () => {
  const [requester, assistant] = [await open('demandeur'), await open('assistante')];
  const others = await newRequestAs('other');
  await assistant.next(changed(others, 'request.created'), 'created (other requester)');
  const mine = await newRequestAs('demandeur');
  await requester.next(changed(mine, 'request.created'), 'created (own)');
  const note = await api('assistante')('POST', `/api/requests/${mine}/comments`, { body: 'Voir le fournisseur', internal: true });
  assert.equal(note.statusCode, 201, note.body);
  await assistant.next(changed(mine, 'request.noted'), 'noted');
  await requester.sync();
  const seen = requester.received.filter((m) => m.type === 'request.changed').map((m) => `${m.requestId} ${m.action}`);
  assert.deepEqual(seen, [`${mine} request.created`]);
  assert.ok(!requester.received.some((m) => m.type === 'queues.changed'), 'requesters have no queues');
  await Promise.all([requester.close(), assistant.close()]);
});

test('SLA crossings reach staff as request.changed, not the requester', async () => {
  const [requester, assistant] = [await open('demandeur'), await open('assistante')];
  const id = await newRequestAs('demandeur');
  for (const action of ['request.sla_at_risk', 'request.sla_breached']) {
    t.deps.events.publish({
      organizationId: org,
      action,
      targetType: 'request',
      targetId: id,
      actorId: null,
      at: new Date().toISOString(),
    });
    const got = await assistant.next<Changed>(changed(id, action), action);
    assert.equal(got.actorId, null);
  }
  await requester.sync();
  const seen = requester.received.filter((m) => m.type === 'request.changed').map((m) => m.action);
  assert.deepEqual(seen, ['request.created']);
  await Promise.all([requester.close(), assistant.close()]);
});

test('presence: one replies, the other sees it; the page can read it over HTTP; requesters see nothing', async () => {
  const id = await newRequestAs('demandeur');
  const [sophie, lea, requester] = [await open('assistante'), await open('lea.moreau'), await open('demandeur')];
  lea.send({ type: 'watch', requestId: id });
  await lea.next(
    presenceOf(id, (p) => p.length === 0),
    'empty presence on watch',
  );
  requester.send({ type: 'watch', requestId: id });
  sophie.send({ type: 'presence', requestId: id, mode: 'replying' });
  const seen = await lea.next<Presence>(
    presenceOf(id, (p) => p.length === 1),
    'Sophie replying',
  );
  assert.equal(seen.people[0].userId, await meId('assistante'));
  assert.equal(seen.people[0].name, 'Sophie Bernard');
  assert.equal(seen.people[0].mode, 'replying');
  const http = (await api('lea.moreau')('GET', `/api/requests/${id}/presence`)).json();
  assert.deepEqual(http.people, seen.people);
  await requester.sync();
  assert.ok(!requester.received.some((m) => m.type === 'presence'), 'a requester is refused silently');
  assert.equal((await api('demandeur')('GET', `/api/requests/${id}/presence`)).statusCode, 403);
  assert.equal((await api('demandeur')('POST', `/api/requests/${id}/presence`, { mode: 'viewing' })).statusCode, 403);
  await Promise.all([sophie.close(), lea.close(), requester.close()]);
});

test('presence expires 45 s after the last refresh and goes with the socket', async () => {
  const id = await newRequestAs('demandeur');
  const [sophie, lea] = [await open('assistante'), await open('lea.moreau')];
  lea.send({ type: 'presence', requestId: id, mode: 'viewing' });
  sophie.send({ type: 'presence', requestId: id, mode: 'viewing' });
  await lea.next(
    presenceOf(id, (p) => p.length === 2),
    'both viewing',
  );
  const store = presenceStore(t.deps.realtime);
  store.sweep(Date.now() + PRESENCE_TTL_MS - 5_000);
  assert.equal(store.people(org, id).length, 2, 'not yet stale');
  let from = lea.received.length;
  store.sweep(Date.now() + PRESENCE_TTL_MS + 1_000);
  await lea.next(
    presenceOf(id, (p) => p.length === 0),
    'everyone expired',
    from,
  );
  sophie.send({ type: 'presence', requestId: id, mode: 'replying' });
  await lea.next(
    presenceOf(id, (p) => p.length === 1 && p[0].mode === 'replying'),
    'Sophie back',
  );
  from = lea.received.length;
  await sophie.close();
  await lea.next(
    presenceOf(id, (p) => p.length === 0),
    'Sophie gone with her socket',
    from,
  );
  await lea.close();
});

test('presence over HTTP shares the store; the DPO may look but is not announced', async () => {
  const id = await newRequestAs('demandeur');
  const lea = await open('lea.moreau');
  lea.send({ type: 'watch', requestId: id });
  await lea.next(
    presenceOf(id, (p) => p.length === 0),
    'watching',
  );
  const posted = await api('assistante')('POST', `/api/requests/${id}/presence`, { mode: 'viewing' });
  assert.equal(posted.statusCode, 200, posted.body);
  assert.equal(posted.json().people[0].mode, 'viewing');
  await lea.next(
    presenceOf(id, (p) => p.length === 1 && p[0].mode === 'viewing'),
    'viewing over HTTP',
  );
  await api('assistante')('POST', `/api/requests/${id}/presence`, { mode: 'left' });
  await lea.next(
    presenceOf(id, (p) => p.length === 0),
    'left over HTTP',
  );
  assert.equal((await api('dpo')('GET', `/api/requests/${id}/presence`)).statusCode, 200);
  assert.equal((await api('dpo')('POST', `/api/requests/${id}/presence`, { mode: 'viewing' })).statusCode, 403);
  const dpo = await open('dpo');
  dpo.send({ type: 'presence', requestId: id, mode: 'replying' });
  await dpo.next(
    presenceOf(id, (p) => p.length === 0),
    'the DPO watches',
  );
  await dpo.sync();
  assert.deepEqual(presenceStore(t.deps.realtime).people(org, id), []);
  await Promise.all([lea.close(), dpo.close()]);
});

test('bad messages answer bad_message and the socket keeps working', async () => {
  const client = await open('assistante');
  for (const bad of [
    'pas du JSON',
    '{"type":"nope"}',
    '{"type":"watch"}',
    '[1,2]',
    'null',
    '{"type":"presence","requestId":"x","mode":"away"}',
  ]) {
    const from = client.received.length;
    client.send(bad);
    await client.next((m) => m.type === 'error' && m.code === 'bad_message', bad, from);
  }
  const from = client.received.length;
  client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
  await client.next((m) => m.type === 'error', 'binary frame', from);
  client.send({ type: 'watch', requestId: '00000000-0000-7000-8000-000000000000' });
  await client.sync();
  assert.ok(!client.received.some((m) => m.type === 'presence'), 'an unknown request is refused silently');
  await client.close();
});

test('the heartbeat closes the socket of a session that logged out (4401)', async () => {
  const userId = await meId('assistante');
  const session = await sessionFor(t.deps, userId, org);
  const client = await LiveTestClient.open(url, { cookie: session.cookie, origin: ORIGIN });
  await liveHubOf(t.deps.realtime)?.heartbeat();
  await client.sync();
  assert.equal((await as(t.app, session)('POST', '/api/auth/logout')).statusCode, 204);
  await liveHubOf(t.deps.realtime)?.heartbeat();
  assert.equal((await client.closed).code, 4401);
});

test('closing the app tells clients to reconnect (1012)', async () => {
  const other = await testApp();
  const orgId = await newOrganization(other.deps);
  const userId = await newMember(other.deps, orgId, 'assistant');
  const base = await other.app.listen({ port: 0, host: '127.0.0.1' });
  const session = await sessionFor(other.deps, userId, orgId);
  const client = await LiveTestClient.open(`${base.replace(/^http/, 'ws')}/api/live`, { cookie: session.cookie });
  await other.close();
  assert.equal((await client.closed).code, 1012);
});
