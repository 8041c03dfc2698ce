import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type Session, type TestApp, testApp } from '../../test/harness.ts';
import type { ServerMessage } from '../live/live.protocol.ts';
import { LiveTestClient } from '../live/live.test-client.ts';

const ORIGIN = 'https://relais.example.test';
type Chat = Extract<ServerMessage, { type: 'channel.message' }>;

let t: TestApp;
let url: string;
const sessions: Record<string, Session> = {};

before(async () => {
  t = await testApp({ demo: true });
  url = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/api/live`;
  for (const email of ['assistante@horizon.test', 'demandeur@horizon.test', 'referent@horizon.test', 'referent@bellevue.test'])
    sessions[email.split('@')[0] === 'referent' ? email : email.split('@')[0]] = await login(t.app, email);
});
after(() => t.close());

const api = (who: string) => as(t.app, sessions[who]);
const open = (who: string) => LiveTestClient.open(url, { cookie: sessions[who].cookie, origin: ORIGIN });
const chat = (messageId: string, action: string) => (m: ServerMessage) =>
  m.type === 'channel.message' && m.messageId === messageId && m.action === action;

async function channel(body: Record<string, unknown>): Promise<string> {
  const res = await api('assistante')('POST', '/api/channels', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

test('a message reaches the readers of its channel only: not another organisation, not non-members of a private channel', async () => {
  const pub = await channel({ kind: 'topic', name: 'Direct public' });
  const priv = await channel({ kind: 'topic', name: 'Direct privé', private: true });
  const julien = await open('demandeur');
  const stranger = await open('referent@bellevue.test');
  const admin = await open('referent@horizon.test');
  const author = await open('assistante');
  try {
    const posted = await api('assistante')('POST', `/api/channels/${pub}/messages`, { body: 'Pot de départ à 17 h' });
    assert.equal(posted.statusCode, 201, posted.body);
    const id = posted.json().id;
    const heard = await julien.next<Chat>(chat(id, 'posted'), 'posted');
    assert.deepEqual([heard.channelId, heard.threadRootId], [pub, null]);
    await admin.next(chat(id, 'posted'), 'posted (staff)');
    const secret = await api('assistante')('POST', `/api/channels/${priv}/messages`, { body: 'Entretien annuel' });
    assert.equal(secret.statusCode, 201);
    // The member hears it: the delivery decision for every socket of the organisation has been made.
    await author.next(chat(secret.json().id, 'posted'), 'posted (member)');
    const edited = await api('assistante')('PATCH', `/api/messages/${id}`, { body: 'Pot de départ à 18 h', version: 1 });
    assert.equal(edited.statusCode, 200);
    await julien.next(chat(id, 'edited'), 'edited');
    assert.equal((await api('assistante')('DELETE', `/api/messages/${id}`)).statusCode, 204);
    await julien.next(chat(id, 'deleted'), 'deleted');
    for (const client of [julien, stranger, admin]) await client.sync();
    const got = (c: LiveTestClient) => c.received.filter((m) => m.type === 'channel.message') as Chat[];
    assert.ok(!got(julien).some((m) => m.channelId === priv), 'non-member heard a private message');
    assert.ok(!got(admin).some((m) => m.channelId === priv), 'staff non-member heard a private message');
    assert.deepEqual(got(stranger), [], 'another organisation heard a message');
    // Once added, the member hears the private channel.
    const adminId = (await api('referent@horizon.test')('GET', '/api/me')).json().user.id;
    await api('assistante')('POST', `/api/channels/${priv}/members`, { userId: adminId });
    const next = await api('assistante')('POST', `/api/channels/${priv}/messages`, { body: 'Bienvenue' });
    await admin.next(chat(next.json().id, 'posted'), 'posted (new member)');
    await julien.sync();
    assert.ok(!got(julien).some((m) => m.channelId === priv));
  } finally {
    for (const client of [julien, stranger, admin, author]) await client.close();
  }
});

test('a requester does not hear the channel of another site', async () => {
  const sites = (await api('assistante')('GET', '/api/sites')).json().items as { id: string; name: string }[];
  const strasbourg = sites.find((s) => s.name.includes('Strasbourg'))?.id;
  const other = await channel({ kind: 'site', name: 'Strasbourg direct', siteId: strasbourg });
  const julien = await open('demandeur');
  const admin = await open('referent@horizon.test');
  try {
    const posted = await api('assistante')('POST', `/api/channels/${other}/messages`, { body: 'Livraison au quai' });
    assert.equal(posted.statusCode, 201);
    await admin.next(chat(posted.json().id, 'posted'), 'posted (staff)');
    await julien.sync();
    assert.ok(!julien.received.some((m) => m.type === 'channel.message' && m.messageId === posted.json().id));
  } finally {
    await julien.close();
    await admin.close();
  }
});
