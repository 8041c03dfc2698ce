import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { executableMarkup, XSS_CORPUS } from '../../../common/xss-corpus.ts';
import { as, login, type Session, type TestApp, testApp } from '../../test/harness.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
const sessions: Record<string, Session> = {};
const api: Record<string, Api> = {};
let sites: { id: string; name: string }[];
let topic: string;
let secret: string;
let lyon: string;
let strasbourg: string;

const WHO = ['assistante', 'referent', 'demandeur', 'lukas.meyer', 'dpo'] as const;

before(async () => {
  t = await testApp({ demo: true });
  for (const who of WHO) {
    sessions[who] = await login(t.app, `${who}@horizon.test`);
    api[who] = as(t.app, sessions[who]);
  }
  sessions.other = await login(t.app, 'referent@bellevue.test');
  api.other = as(t.app, sessions.other);
  sites = (await api.assistante('GET', '/api/sites')).json().items;
  const siteId = (name: string) => sites.find((s) => s.name.includes(name))?.id ?? '';
  topic = await create({ kind: 'topic', name: 'Entraide bureautique' });
  secret = await create({ kind: 'topic', name: 'Cellule recrutement', private: true });
  lyon = await create({ kind: 'site', name: 'Site de Lyon (test)', siteId: siteId('Lyon') });
  strasbourg = await create({ kind: 'site', name: 'Site de Strasbourg (test)', siteId: siteId('Strasbourg') });
});
after(() => t.close());

async function create(body: Record<string, unknown>): Promise<string> {
  const res = await api.assistante('POST', '/api/channels', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function post(who: string, channelId: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await api[who]('POST', `/api/channels/${channelId}/messages`, { body, ...extra });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const names = async (who: string) =>
  ((await api[who]('GET', '/api/channels')).json().items as { id: string; name: string }[]).map((c) => c.id);

test('creation: staff only, validated, the creator owns the channel', async () => {
  assert.equal((await api.demandeur('POST', '/api/channels', { kind: 'topic', name: 'X' })).statusCode, 403);
  assert.equal((await api.assistante('POST', '/api/channels', { kind: 'site', name: 'Sans site' })).statusCode, 400);
  assert.equal((await api.assistante('POST', '/api/channels', { kind: 'topic', name: '' })).statusCode, 400);
  const unknown = await api.assistante('POST', '/api/channels', {
    kind: 'site',
    name: 'Site inconnu',
    siteId: '0190f0f0-0000-7000-8000-000000000000',
  });
  assert.equal(unknown.statusCode, 422);
  const c = (await api.assistante('GET', `/api/channels/${topic}`)).json();
  assert.deepEqual([c.member, c.role, c.private, c.unread], [true, 'owner', false, 0]);
  assert.ok(c.allowedActions.includes('channel.update') && c.allowedActions.includes('channel.post'));
});

test('visibility: staff see every public channel, requesters their site and topics, private members only, other org 404', async () => {
  const staff = await names('referent');
  assert.ok([topic, lyon, strasbourg].every((id) => staff.includes(id)));
  assert.ok(!staff.includes(secret));
  assert.ok((await names('assistante')).includes(secret));
  const julien = await names('demandeur');
  assert.ok(julien.includes(topic) && julien.includes(lyon));
  assert.ok(!julien.includes(strasbourg) && !julien.includes(secret));
  assert.equal((await api.demandeur('GET', `/api/channels/${strasbourg}`)).statusCode, 404);
  assert.equal((await api['lukas.meyer']('GET', `/api/channels/${strasbourg}`)).statusCode, 200);
  assert.equal((await api['lukas.meyer']('GET', `/api/channels/${lyon}/messages`)).statusCode, 404);
  for (const url of [`/api/channels/${secret}`, `/api/channels/${secret}/messages`, `/api/channels/${secret}/members`]) {
    assert.equal((await api.referent('GET', url)).statusCode, 404, url);
    assert.equal((await api.demandeur('GET', url)).statusCode, 404, url);
  }
  assert.equal((await api.referent('POST', `/api/channels/${secret}/join`)).statusCode, 404);
  assert.equal((await api.other('GET', `/api/channels/${topic}`)).statusCode, 404);
  assert.equal((await api.other('POST', `/api/channels/${topic}/join`)).statusCode, 404);
  assert.ok(!(await names('other')).includes(topic));
});

test('membership: post needs joining (one call), owners manage members, the DPO only reads', async () => {
  assert.equal((await api.demandeur('POST', `/api/channels/${topic}/messages`, { body: 'Bonjour' })).statusCode, 403);
  const joined = await api.demandeur('POST', `/api/channels/${topic}/join`);
  assert.deepEqual([joined.statusCode, joined.json().member, joined.json().role], [200, true, 'member']);
  await post('demandeur', topic, 'Bonjour, quelqu’un sait relier l’imprimante du 2e\u00a0?');
  assert.equal((await api.dpo('POST', `/api/channels/${topic}/join`)).statusCode, 403);
  assert.equal((await api.dpo('GET', `/api/channels/${topic}/messages`)).statusCode, 200);
  const coordId = (await api.referent('GET', '/api/me')).json().user.id;
  assert.equal((await api.demandeur('POST', `/api/channels/${secret}/members`, { userId: coordId })).statusCode, 403);
  const added = await api.assistante('POST', `/api/channels/${secret}/members`, { userId: coordId });
  assert.equal(added.statusCode, 200, added.body);
  assert.ok(added.json().items.some((m: { userId: string }) => m.userId === coordId));
  assert.equal((await api.referent('GET', `/api/channels/${secret}`)).statusCode, 200);
  const foreign = await api.assistante('POST', `/api/channels/${secret}/members`, {
    userId: (await api.other('GET', '/api/me')).json().user.id,
  });
  assert.equal(foreign.statusCode, 422);
  assert.equal((await api.assistante('DELETE', `/api/channels/${secret}/members?userId=${coordId}`)).statusCode, 204);
  assert.equal((await api.referent('GET', `/api/channels/${secret}`)).statusCode, 404);
  assert.equal((await api.assistante('POST', `/api/channels/${secret}/leave`)).statusCode, 204);
  assert.equal((await api.demandeur('POST', `/api/channels/${topic}/leave`)).statusCode, 204);
  assert.equal((await api.demandeur('GET', `/api/channels/${topic}`)).json().member, false);
  await api.demandeur('POST', `/api/channels/${topic}/join`);
});

test('threads and pages: replies hang on their root, the newest page comes first with a cursor', async () => {
  const channel = await create({ kind: 'topic', name: 'Fils de discussion' });
  const root = await post('assistante', channel, 'Qui réserve la salle pour jeudi\u00a0?');
  const reply = await post('assistante', channel, 'C’est fait, salle Rhône.', { threadRootId: root.id });
  assert.equal(reply.threadRootId, root.id);
  const nested = await api.assistante('POST', `/api/channels/${channel}/messages`, { body: 'x', threadRootId: reply.id });
  assert.equal(nested.statusCode, 422);
  assert.equal((await api.assistante('POST', `/api/channels/${channel}/messages`, { body: '  ' })).statusCode, 400);
  for (let i = 1; i <= 4; i++) await post('assistante', channel, `Message ${i}`);
  const first = (await api.assistante('GET', `/api/channels/${channel}/messages?limit=2`)).json();
  assert.deepEqual(
    first.items.map((m: { body: string }) => m.body),
    ['Message 3', 'Message 4'],
  );
  const second = (await api.assistante('GET', `/api/channels/${channel}/messages?limit=10&before=${first.nextBefore}`)).json();
  assert.deepEqual(
    second.items.map((m: { body: string; replyCount: number }) => [m.body, m.replyCount]),
    [
      ['Qui réserve la salle pour jeudi\u00a0?', 1],
      ['Message 1', 0],
      ['Message 2', 0],
    ],
  );
  assert.equal(second.nextBefore, null);
  const thread = (await api.assistante('GET', `/api/channels/${channel}/messages?threadRootId=${root.id}`)).json();
  assert.deepEqual(
    thread.items.map((m: { id: string }) => m.id),
    [reply.id],
  );
  assert.equal((await api.assistante('GET', `/api/channels/${channel}/messages?limit=0`)).statusCode, 400);
});

test('edits and deletions keep the history; 409 on a stale version; only the author edits', async () => {
  const m = await post('demandeur', topic, 'Réunion **mardi**');
  assert.match(m.html, /<strong>mardi<\/strong>/);
  assert.deepEqual(m.allowedActions, ['message.update', 'message.delete', 'message.revisions']);
  const edited = await api.demandeur('PATCH', `/api/messages/${m.id}`, { body: 'Réunion **mercredi**', version: 1 });
  assert.deepEqual([edited.statusCode, edited.json().version, !!edited.json().editedAt], [200, 2, true]);
  const stale = await api.demandeur('PATCH', `/api/messages/${m.id}`, { body: 'Jeudi', version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().details.current.body, 'Réunion **mercredi**');
  assert.equal((await api.assistante('PATCH', `/api/messages/${m.id}`, { body: 'x', version: 2 })).statusCode, 403);
  assert.equal((await api.assistante('DELETE', `/api/messages/${m.id}`)).statusCode, 403);
  assert.equal((await api.assistante('GET', `/api/messages/${m.id}/revisions`)).statusCode, 403);
  assert.equal((await api.referent('DELETE', `/api/messages/${m.id}`)).statusCode, 204);
  const page = (await api.demandeur('GET', `/api/channels/${topic}/messages?limit=100`)).json().items;
  const gone = page.find((x: { id: string }) => x.id === m.id);
  assert.deepEqual([gone.body, gone.html, !!gone.deletedAt, gone.allowedActions], ['', '', true, []]);
  const history = (await api.demandeur('GET', `/api/messages/${m.id}/revisions`)).json().items;
  assert.deepEqual(
    history.map((r: { kind: string; body: string }) => [r.kind, r.body]),
    [
      ['delete', 'Réunion **mercredi**'],
      ['edit', 'Réunion **mardi**'],
    ],
  );
  assert.equal((await api.demandeur('PATCH', `/api/messages/${m.id}`, { body: 'x', version: 3 })).statusCode, 409);
  assert.equal((await api.other('GET', `/api/messages/${m.id}/revisions`)).statusCode, 404);
});

test('unread counts follow the read marker; one’s own messages are never unread', async () => {
  const channel = await create({ kind: 'topic', name: 'Non-lus' });
  await api.demandeur('POST', `/api/channels/${channel}/join`);
  const unread = async (who: string) =>
    ((await api[who]('GET', '/api/channels')).json().items as { id: string; unread: number }[]).find((c) => c.id === channel)
      ?.unread;
  const a = await post('assistante', channel, 'Premier');
  await post('assistante', channel, 'Second');
  assert.equal(await unread('demandeur'), 2);
  assert.equal(await unread('assistante'), 0);
  assert.equal(await unread('referent'), 0, 'not a member');
  const marked = await api.demandeur('POST', `/api/channels/${channel}/read`, { messageId: a.id });
  assert.deepEqual([marked.statusCode, marked.json().unread], [200, 1]);
  await post('demandeur', channel, 'Merci');
  assert.equal(await unread('demandeur'), 0, 'posting reads what came before');
  await post('assistante', channel, 'Avec plaisir');
  assert.equal(await unread('demandeur'), 1);
  assert.equal((await api.demandeur('GET', `/api/channels/${channel}`)).json().unread, 1);
  const bad = await api.demandeur('POST', `/api/channels/${channel}/read`, { messageId: topic });
  assert.equal(bad.statusCode, 422);
});

test('search: French, accents folded both ways, only in channels the actor reads, deleted messages gone', async () => {
  const hidden = await create({ kind: 'topic', name: 'Recrutement confidentiel', private: true });
  await post('assistante', hidden, 'Entretien du candidat élagueur vendredi');
  const pub = await post('assistante', topic, 'Le prochain élagueur passe à Strasbourg');
  const search = async (who: string, q: string) =>
    (await api[who]('GET', `/api/channels/search?q=${encodeURIComponent(q)}`)).json().items as {
      id: string;
      channel: { id: string };
      snippet: string;
    }[];
  const staff = await search('assistante', 'elagueur');
  assert.equal(staff.length, 2);
  assert.equal((await search('assistante', 'Élagueur')).length, 2);
  const julien = await search('demandeur', 'élagueur');
  assert.deepEqual(
    julien.map((m) => m.id),
    [pub.id],
  );
  assert.match(julien[0]?.snippet ?? '', /⟦/);
  assert.equal((await search('other', 'elagueur')).length, 0);
  await api.assistante('DELETE', `/api/messages/${pub.id}`);
  assert.equal((await search('demandeur', 'elagueur')).length, 0);
  assert.equal((await api.demandeur('GET', '/api/channels/search?q=')).statusCode, 400);
});

test('XSS corpus: stored verbatim, rendered harmless', async () => {
  for (const input of XSS_CORPUS) {
    const m = await post('assistante', topic, input);
    assert.equal(m.body, input.trim());
    assert.equal(executableMarkup(m.html), null, `${input} → ${m.html}`);
  }
});

test('an urgent channel makes every message urgent; archived channels refuse posts', async () => {
  const urgences = await create({ kind: 'topic', name: 'Urgences (test)', urgent: true });
  assert.equal((await post('assistante', urgences, 'Fuite d’eau au 3e')).urgent, true);
  const c = (await api.assistante('GET', `/api/channels/${topic}`)).json();
  assert.equal((await post('assistante', topic, 'Coupure réseau', { urgent: true })).urgent, true);
  assert.equal((await post('assistante', topic, 'Rien de grave')).urgent, false);
  const archived = await api.assistante('PATCH', `/api/channels/${topic}`, { archived: true, version: c.version });
  assert.equal(archived.statusCode, 200, archived.body);
  assert.equal((await api.assistante('PATCH', `/api/channels/${topic}`, { name: 'x', version: c.version })).statusCode, 409);
  assert.equal((await api.demandeur('PATCH', `/api/channels/${topic}`, { name: 'x', version: c.version + 1 })).statusCode, 403);
  assert.equal((await api.assistante('POST', `/api/channels/${topic}/messages`, { body: 'x' })).statusCode, 409);
  await api.assistante('PATCH', `/api/channels/${topic}`, { archived: false, version: c.version + 1 });
});

test('demo data: a channel per site, the pool’s, « Urgences » (urgent) and « Point hebdo » with a thread', async () => {
  type C = { id: string; name: string; kind: string; urgent: boolean; unread: number; member: boolean };
  const mine = (await api.assistante('GET', '/api/channels')).json().items as C[];
  const byName = (name: string) => mine.find((c) => c.name === name);
  for (const site of ['Lyon — Siège', 'Strasbourg — Usine', 'Marseille — Agence', 'Lille — Entrepôt'])
    assert.ok(byName(site), site);
  assert.deepEqual([byName('Pôle assistantes')?.kind, byName('Pôle assistantes')?.unread], ['team', 2]);
  assert.equal(byName('Urgences')?.urgent, true);
  const weekly = byName('Point hebdo');
  const roots = (await api.assistante('GET', `/api/channels/${weekly?.id}/messages`)).json().items;
  assert.equal(roots[0]?.replyCount, 2);
  const julien = ((await api.demandeur('GET', '/api/channels')).json().items as C[]).map((c) => c.name);
  assert.ok(julien.includes('Lyon — Siège') && julien.includes('Urgences'));
  assert.ok(!julien.includes('Pôle assistantes') && !julien.includes('Strasbourg — Usine'));
});

test('Idempotency-Key: the same post sent twice makes one message', async () => {
  const channel = await create({ kind: 'topic', name: 'Idempotence' });
  const key = { 'idempotency-key': 'canal-essai-0001' };
  const first = await api.assistante('POST', `/api/channels/${channel}/messages`, { body: 'Une seule fois' }, key);
  const again = await api.assistante('POST', `/api/channels/${channel}/messages`, { body: 'Une seule fois' }, key);
  assert.deepEqual([first.statusCode, again.statusCode, again.json().id], [201, 201, first.json().id]);
  const items = (await api.assistante('GET', `/api/channels/${channel}/messages`)).json().items;
  assert.equal(items.length, 1);
});
