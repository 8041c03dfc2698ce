import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type Session, type TestApp, testApp, loginIn } from '../../test/harness.ts';
import type { ServerMessage } from '../live/live.protocol.ts';
import { LiveTestClient } from '../live/live.test-client.ts';
import { setRequestClock } from '../requests/request-sla.ts';
import { runAlerts } from './alerts.task.ts';

const ORIGIN = 'https://relais.example.test';
const T0 = Date.parse('2026-12-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

let t: TestApp;
let url: string;
const sessions: Record<string, Session> = {};
const ids: Record<string, string> = {};

before(async () => {
  t = await testApp({ demo: true });
  url = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/api/live`;
  for (const who of ['assistante', 'lea.moreau', 'coordinatrice']) {
    sessions[who] = await loginIn(t.app, `${who}@horizon.test`);
    ids[who] = (await as(t.app, sessions[who])('GET', '/api/me')).json().user.id;
  }
  sessions.other = await login(t.app, 'referent@bellevue.test');
});
after(() => {
  setRequestClock(null);
  return t.close();
});

const api = (who: string) => as(t.app, sessions[who]);
const open = (who: string) => LiveTestClient.open(url, { cookie: sessions[who].cookie, origin: ORIGIN });
const changed = (m: ServerMessage) => m.type === 'notifications.changed';
const bell = (c: LiveTestClient) => c.received.filter(changed).length;
const unread = async (who: string) => (await api(who)('GET', '/api/notifications/unread-count')).json().unread as number;
const rising = (to: number) => (m: ServerMessage) => m.type === 'notifications.changed' && m.unread === to;

async function tick(minutes: number) {
  setRequestClock(() => at(minutes));
  await runAlerts(t.deps, at(minutes));
}

test('live: each repeat rings the target, escalation rings the coordinator, acknowledgement stops it, no other organisation', async () => {
  const created = await api('assistante')('POST', '/api/channels', { kind: 'topic', name: 'Astreinte en direct' });
  const channelId = created.json().id;
  await api('assistante')('POST', `/api/channels/${channelId}/members`, { userId: ids['lea.moreau'] });
  // The demo's own urgent alert (« Urgences ») is due too: take charge of it first so it rings nobody.
  const demo = (await api('lea.moreau')('GET', '/api/alerts?state=open')).json().items as { id: string }[];
  for (const a of demo) await api('lea.moreau')('POST', `/api/messages/${a.id}/acknowledge`);
  const lea = await open('lea.moreau');
  const coord = await open('coordinatrice');
  const stranger = await open('other');
  try {
    setRequestClock(() => at(0));
    const before = await unread('lea.moreau');
    const posted = await api('assistante')('POST', `/api/channels/${channelId}/messages`, {
      body: 'Panne de chauffage',
      urgent: true,
    });
    assert.equal(posted.statusCode, 201, posted.body);
    await lea.next(rising(before + 1), 'posted alert');
    await tick(5);
    await lea.next(rising(before + 2), 'first repeat');
    await tick(10);
    await lea.next(rising(before + 3), 'second repeat');
    const coordBefore = await unread('coordinatrice');
    await coord.sync();
    const coordRings = bell(coord);
    await tick(15);
    await coord.next(rising(coordBefore + 1), 'escalation', coordRings);
    await lea.next(rising(before + 4), 'third repeat');
    const ack = await api('lea.moreau')('POST', `/api/messages/${posted.json().id}/acknowledge`);
    assert.equal(ack.statusCode, 200, ack.body);
    await lea.next((m) => m.type === 'channel.message' && m.messageId === posted.json().id && m.action === 'edited', 'ack');
    await lea.next(rising(before), 'own alerts read');
    await lea.sync();
    const rings = bell(lea);
    await tick(20);
    await tick(25);
    await lea.sync();
    assert.equal(bell(lea), rings, 'no ring after acknowledgement');
    await stranger.sync();
    assert.ok(!stranger.received.some(changed), 'another organisation hears nothing');
    assert.ok(!stranger.received.some((m) => m.type === 'channel.message'), 'nor the chat');
  } finally {
    for (const client of [lea, coord, stranger]) await client.close();
  }
});
