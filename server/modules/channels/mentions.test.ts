import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp, loginIn } from '../../test/harness.ts';
import { parseMentions, slugOf } from './mentions.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
const api: Record<string, Api> = {};
const ids: Record<string, string> = {};
const WHO = ['assistante', 'lea.moreau', 'thomas.garnier', 'ines.benali', 'coordinatrice', 'referent', 'elodie.schmitt'];

/** A session working in Groupe Horizon (the coordinator also belongs to Atelier Bellevue). */
async function horizon(email: string): Promise<Api> {
  return as(t.app, await loginIn(t.app, email));
}

before(async () => {
  t = await testApp({ demo: true });
  for (const who of WHO) {
    api[who] = await horizon(`${who}@horizon.test`);
    ids[who] = (await api[who]('GET', '/api/me')).json().user.id;
  }
  api.other = as(t.app, await login(t.app, 'referent@bellevue.test'));
});
after(() => t.close());

async function channel(body: Record<string, unknown>, members: string[] = []): Promise<string> {
  const res = await api.assistante('POST', '/api/channels', body);
  assert.equal(res.statusCode, 201, res.body);
  for (const who of members) await api.assistante('POST', `/api/channels/${res.json().id}/members`, { userId: ids[who] });
  return res.json().id;
}

async function post(channelId: string, body: string) {
  const res = await api.assistante('POST', `/api/channels/${channelId}/messages`, { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Who got a mention notification for a message (names from WHO). */
async function mentioned(messageId: string): Promise<string[]> {
  const rows = await t.deps.database.db
    .selectFrom('notifications')
    .select('user_id')
    .where('type', '=', 'mention')
    .where('target_id', '=', messageId)
    .execute();
  return WHO.filter((who) => rows.some((r) => r.user_id === ids[who])).sort();
}

test('parsing: handles outside code, folded, no e-mail addresses, once each', () => {
  const body = [
    'Bonjour @Léa.Moreau et @thomas.garnier. Merci @lea.moreau!',
    'Écrivez à contact@horizon.test, pas à `@ines.benali`.',
    '```',
    '@elodie.schmitt dans un bloc',
    '```',
    '(@coordination)',
  ].join('\n');
  assert.deepEqual(parseMentions(body), ['lea.moreau', 'thomas.garnier', 'coordination']);
  assert.equal(slugOf('Pôle assistantes Horizon'), 'pole-assistantes-horizon');
  assert.equal(slugOf('RH & paie externalisées — PaieServices'), 'rh-paie-externalisees-paieservices');
});

test('a user mention notifies that user (accents and case ignored), never the author, not inside code', async () => {
  const c = await channel({ kind: 'topic', name: 'Entraide mentions' });
  const m = await post(c, '@Léa.Moreau peux-tu regarder ? @assistante `@thomas.garnier`');
  assert.deepEqual(await mentioned(m.id), ['lea.moreau']);
  assert.deepEqual(
    m.mentions.map((x: { kind: string; handle: string; name: string }) => [x.kind, x.handle, x.name]),
    [
      ['user', 'lea.moreau', 'Léa Moreau'],
      ['user', 'assistante', 'Sophie Bernard'],
    ],
  );
  const list = (await api['lea.moreau']('GET', '/api/notifications?limit=20')).json().items as { title: string; url: string }[];
  const item = list.find((i) => i.url === `/canaux/${c}?message=${m.id}`);
  assert.ok(item);
  assert.match(item.title, /^Sophie Bernard vous a mentionné dans «\u00a0Entraide mentions\u00a0»\u00a0: /);
  // A mention in a thread reply links to the root with its thread open.
  const res = await api.assistante('POST', `/api/channels/${c}/messages`, { body: '@lea.moreau et ici ?', threadRootId: m.id });
  assert.equal(res.statusCode, 201, res.body);
  const after = (await api['lea.moreau']('GET', '/api/notifications?limit=20')).json().items as { url: string }[];
  assert.ok(after.some((i) => i.url === `/canaux/${c}?message=${m.id}&thread=1`));
});

test('a team mention notifies its members; @coordination the coordinators', async () => {
  const c = await channel({ kind: 'topic', name: 'Groupes mentions' });
  const team = await post(c, 'Qui est disponible ? @pole-assistantes-horizon');
  assert.deepEqual(await mentioned(team.id), ['ines.benali', 'lea.moreau', 'thomas.garnier']);
  assert.equal(team.mentions[0].kind, 'team');
  const group = await post(c, '@coordination besoin d’un arbitrage');
  assert.deepEqual(await mentioned(group.id), ['coordinatrice']);
  assert.deepEqual([group.mentions[0].kind, group.mentions[0].handle], ['group', 'coordination']);
});

test('a private channel never leaks: a mentioned non-member is not notified', async () => {
  const secret = await channel({ kind: 'topic', name: 'Cellule mentions', private: true }, ['lea.moreau']);
  const m = await post(secret, '@lea.moreau @thomas.garnier @coordination dossier sensible');
  assert.deepEqual(await mentioned(m.id), ['lea.moreau']);
  const team = await post(secret, '@pole-assistantes-horizon');
  assert.deepEqual(await mentioned(team.id), ['lea.moreau']);
});

test('editing notifies only the new mentions', async () => {
  const c = await channel({ kind: 'topic', name: 'Édition mentions' });
  const m = await post(c, 'Point avec @lea.moreau');
  const edited = await api.assistante('PATCH', `/api/messages/${m.id}`, {
    body: 'Point avec @lea.moreau et @Elodie.Schmitt',
    version: m.version,
  });
  assert.equal(edited.statusCode, 200, edited.body);
  const rows = await t.deps.database.db
    .selectFrom('notifications')
    .select('user_id')
    .where('type', '=', 'mention')
    .where('target_id', '=', m.id)
    .execute();
  assert.deepEqual(rows.map((r) => r.user_id).sort(), [ids['lea.moreau'], ids['elodie.schmitt']].sort(), 'Léa once');
  assert.equal(edited.json().mentions.length, 2);
});

test('mentionable: readers of the channel, teams and the group, filtered; 404 outside', async () => {
  const c = await channel({ kind: 'topic', name: 'Composer' });
  const secret = await channel({ kind: 'topic', name: 'Composer privé', private: true }, ['lea.moreau']);
  const handles = async (id: string, q: string) =>
    (
      (await api.assistante('GET', `/api/channels/${id}/mentionable?q=${encodeURIComponent(q)}`)).json().items as {
        handle: string;
        kind: string;
      }[]
    ).map((i) => `${i.kind}:${i.handle}`);
  assert.deepEqual(await handles(c, 'lea'), ['user:lea.moreau']);
  assert.deepEqual(await handles(c, 'Léa'), ['user:lea.moreau']);
  assert.ok((await handles(c, 'pole')).includes('team:pole-assistantes-horizon'));
  assert.deepEqual(await handles(c, '@coord'), ['group:coordination', 'user:coordinatrice']);
  assert.deepEqual(await handles(secret, 'thomas'), [], 'not a reader of the private channel');
  assert.ok((await handles(secret, 'lea')).includes('user:lea.moreau'));
  assert.ok((await handles(c, '')).length <= 10);
  assert.equal((await api.referent('GET', `/api/channels/${secret}/mentionable?q=a`)).statusCode, 404);
  assert.equal((await api.other('GET', `/api/channels/${c}/mentionable?q=a`)).statusCode, 404);
});
