import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp, loginIn } from '../../test/harness.ts';
import { mailDue } from '../notifications/notifications.delivery.ts';
import { setRequestClock } from '../requests/request-sla.ts';
import { runAlerts } from './alerts.task.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
const api: Record<string, Api> = {};
const ids: Record<string, string> = {};
const WHO = ['assistante', 'lea.moreau', 'thomas.garnier', 'coordinatrice', 'referent', 'demandeur', 'dpo'];
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

before(async () => {
  t = await testApp({ demo: true });
  for (const who of WHO) {
    api[who] = await horizon(`${who}@horizon.test`);
    ids[who] = (await api[who]('GET', '/api/me')).json().user.id;
  }
  api.other = as(t.app, await login(t.app, 'referent@bellevue.test'));
});
after(() => {
  setRequestClock(null);
  return t.close();
});

/** A session working in Groupe Horizon (the coordinator also belongs to Atelier Bellevue). */
async function horizon(email: string): Promise<Api> {
  return as(t.app, await loginIn(t.app, email));
}

async function channel(body: Record<string, unknown>, members: string[]): Promise<string> {
  const res = await api.assistante('POST', '/api/channels', body);
  assert.equal(res.statusCode, 201, res.body);
  for (const who of members) await api.assistante('POST', `/api/channels/${res.json().id}/members`, { userId: ids[who] });
  return res.json().id;
}

/** Posts an urgent message at T0 + `minutes`. */
async function urgent(channelId: string, body: string, minutes = 0) {
  setRequestClock(() => at(minutes));
  const res = await api.assistante('POST', `/api/channels/${channelId}/messages`, { body, urgent: true });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** How many urgent_alert notifications each user has for a message (and their variants). */
async function alerted(messageId: string) {
  const rows = await t.deps.database.db
    .selectFrom('notifications')
    .select(['user_id', 'params'])
    .where('type', '=', 'urgent_alert')
    .where('target_id', '=', messageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const count = (who: string) => rows.filter((r) => r.user_id === ids[who]).length;
  const variants = (who: string) => rows.filter((r) => r.user_id === ids[who]).map((r) => r.params.variant);
  return { count, variants };
}

/** Waits (condition, not time) for the after-commit mail sender that may hold the claim. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

async function tick(minutes: number) {
  setRequestClock(() => at(minutes));
  return runAlerts(t.deps, at(minutes));
}

test('alert settings: defaults 5 / 15, coordinators and admins change them, validated', async () => {
  const got = await api.assistante('GET', '/api/organization/alert-settings');
  assert.equal(got.statusCode, 200);
  assert.deepEqual([got.json().repeatMinutes, got.json().escalateMinutes], [5, 15]);
  assert.deepEqual(got.json().allowedActions, []);
  const body = { repeatMinutes: 5, escalateMinutes: 15 };
  assert.equal((await api.assistante('PUT', '/api/organization/alert-settings', body)).statusCode, 403);
  assert.equal((await api.referent('PUT', '/api/organization/alert-settings', { ...body, repeatMinutes: 0 })).statusCode, 400);
  assert.equal(
    (await api.referent('PUT', '/api/organization/alert-settings', { ...body, escalateMinutes: 2000 })).statusCode,
    400,
  );
  const put = await api.coordinatrice('PUT', '/api/organization/alert-settings', { repeatMinutes: 7, escalateMinutes: 30 });
  assert.deepEqual([put.statusCode, put.json().repeatMinutes, put.json().escalateMinutes], [200, 7, 30]);
  assert.equal((await api.other('GET', '/api/organization/alert-settings')).json().repeatMinutes, 5, 'per organisation');
  await api.referent('PUT', '/api/organization/alert-settings', body);
});

test('urgent message: targets notified once at once, repeated every N minutes exactly once, never the author', async () => {
  const c = await channel({ kind: 'topic', name: 'Astreinte A' }, ['lea.moreau', 'thomas.garnier']);
  const m = await urgent(c, 'Fuite d’eau au **2e étage**, il faut couper l’arrivée');
  assert.equal(m.alert.state, 'open');
  assert.deepEqual([m.alert.targets, m.alert.repeats, m.alert.acknowledgedBy], [2, 0, null]);
  assert.equal(m.alert.nextRepeatAt, at(5).toISOString());
  assert.ok(!m.allowedActions.includes('message.acknowledge'), 'not the author');
  let n = await alerted(m.id);
  assert.deepEqual(
    [n.count('lea.moreau'), n.count('thomas.garnier'), n.count('assistante'), n.count('coordinatrice')],
    [1, 1, 0, 0],
  );
  // Mailed at once, naming the channel, the author and the start of the text.
  const mail = await eventually(async () => {
    await mailDue(t.deps, at(0));
    return t.mail.sent.find((s) => s.to === 'lea.moreau@horizon.test' && s.subject.includes('Astreinte A'));
  });
  assert.ok(mail, 'urgent mail sent at once');
  assert.match(mail.subject, /Alerte urgente de Sophie Bernard dans «\u00a0Astreinte A\u00a0»\u00a0: Fuite d’eau au 2e étage/);
  await tick(4);
  n = await alerted(m.id);
  assert.deepEqual([n.count('lea.moreau'), n.count('thomas.garnier')], [1, 1], 'not due yet');
  await Promise.all([tick(5), tick(5)]);
  await tick(5);
  n = await alerted(m.id);
  assert.deepEqual([n.count('lea.moreau'), n.count('thomas.garnier'), n.count('assistante')], [2, 2, 0]);
  const view = (await api['lea.moreau']('GET', `/api/channels/${c}/messages`)).json().items.at(-1);
  assert.deepEqual([view.alert.repeats, view.alert.nextRepeatAt], [1, at(10).toISOString()]);
  assert.ok(view.allowedActions.includes('message.acknowledge'));
  await tick(10);
  assert.equal((await alerted(m.id)).count('thomas.garnier'), 3);
});

test('acknowledged: who and when, repeats stop, own notifications read, idempotent', async () => {
  const c = await channel({ kind: 'topic', name: 'Astreinte B' }, ['lea.moreau', 'thomas.garnier']);
  const m = await urgent(c, 'Ascenseur bloqué, une personne à l’intérieur');
  setRequestClock(() => at(2));
  const ack = await api['lea.moreau']('POST', `/api/messages/${m.id}/acknowledge`);
  assert.equal(ack.statusCode, 200, ack.body);
  assert.equal(ack.json().alert.state, 'acknowledged');
  assert.deepEqual(ack.json().alert.acknowledgedBy, { id: ids['lea.moreau'], name: 'Léa Moreau' });
  assert.deepEqual([ack.json().alert.acknowledgedAt, ack.json().alert.nextRepeatAt], [at(2).toISOString(), null]);
  assert.ok(!ack.json().allowedActions.includes('message.acknowledge'));
  const unread = await t.deps.database.db
    .selectFrom('notifications')
    .select('read_at')
    .where('target_id', '=', m.id)
    .where('user_id', 'in', [ids['lea.moreau'], ids['thomas.garnier']])
    .orderBy('user_id')
    .execute();
  assert.deepEqual(unread.map((r) => !!r.read_at).sort(), [false, true], 'only the acknowledger’s');
  const again = await api['thomas.garnier']('POST', `/api/messages/${m.id}/acknowledge`);
  assert.deepEqual([again.statusCode, again.json().alert.acknowledgedBy.name], [200, 'Léa Moreau']);
  for (const minutes of [5, 10, 15, 30]) await tick(minutes);
  const n = await alerted(m.id);
  assert.deepEqual([n.count('lea.moreau'), n.count('thomas.garnier'), n.count('coordinatrice')], [1, 1, 0]);
  const audit = await t.deps.database.db
    .selectFrom('audit_log')
    .select('actor_id')
    .where('action', '=', 'message.acknowledged')
    .where('target_id', '=', m.id)
    .execute();
  assert.deepEqual(
    audit.map((a) => a.actor_id),
    [ids['lea.moreau']],
  );
});

test('not acknowledged after M minutes: coordinators notified (escalated), then repeated to them too', async () => {
  const c = await channel({ kind: 'topic', name: 'Astreinte C' }, ['lea.moreau']);
  const m = await urgent(c, 'Alarme incendie au sous-sol');
  for (const minutes of [5, 10]) await tick(minutes);
  assert.equal((await alerted(m.id)).count('coordinatrice'), 0);
  await tick(15);
  let n = await alerted(m.id);
  assert.deepEqual(n.variants('coordinatrice'), ['escalated']);
  assert.equal(n.count('lea.moreau'), 4, 'posted, 5, 10, 15');
  const page = await api.coordinatrice('GET', `/api/channels/${c}/messages`);
  assert.equal(page.statusCode, 200, page.body);
  const view = page.json().items.at(-1);
  assert.equal(view.alert.escalatedAt, at(15).toISOString());
  assert.equal(view.alert.targets, 2);
  const list = (await api.coordinatrice('GET', '/api/notifications?limit=50')).json().items as { title: string }[];
  assert.ok(
    list.some((i) => i.title.includes('sans prise en charge après 15\u00a0min')),
    'escalated text',
  );
  const trace = await t.deps.database.db
    .selectFrom('audit_log')
    .select('summary')
    .where('action', '=', 'message.alert_escalated')
    .where('target_id', '=', m.id)
    .execute();
  assert.equal(trace.length, 1);
  await tick(15);
  await tick(20);
  n = await alerted(m.id);
  assert.deepEqual(n.variants('coordinatrice'), ['escalated', 'message']);
  const ack = await api.coordinatrice('POST', `/api/messages/${m.id}/acknowledge`);
  assert.equal(ack.json().alert.escalatedAt, at(15).toISOString());
  await tick(25);
  assert.equal((await alerted(m.id)).count('coordinatrice'), 2);
});

test('who may acknowledge: not a non-reader (404), not another organisation (404), not the author (422)', async () => {
  const secret = await channel({ kind: 'topic', name: 'Cellule crise', private: true }, ['lea.moreau']);
  const m = await urgent(secret, 'Intrusion signalée');
  assert.equal((await api.referent('POST', `/api/messages/${m.id}/acknowledge`)).statusCode, 404);
  assert.equal((await api.other('POST', `/api/messages/${m.id}/acknowledge`)).statusCode, 404);
  const own = await api.assistante('POST', `/api/messages/${m.id}/acknowledge`);
  assert.equal(own.statusCode, 422);
  assert.match(own.json().message, /propre alerte/);
  const plain = await api.assistante('POST', `/api/channels/${secret}/messages`, { body: 'Message ordinaire' });
  assert.equal(plain.json().alert, null);
  assert.equal((await api['lea.moreau']('POST', `/api/messages/${plain.json().id}/acknowledge`)).statusCode, 422);
  const reply = await api.assistante('POST', `/api/channels/${secret}/messages`, {
    body: 'Réponse urgente',
    urgent: true,
    threadRootId: m.id,
  });
  assert.equal(reply.json().alert, null, 'a reply opens no alert');
  // Any reader who writes in chat may take charge (a requester on a public topic), not the read-only DPO.
  const pub = await channel({ kind: 'topic', name: 'Accueil public' }, []);
  const open = await urgent(pub, 'Colis suspect à l’accueil');
  assert.equal((await api.dpo('POST', `/api/messages/${open.id}/acknowledge`)).statusCode, 403);
  const byRequester = await api.demandeur('POST', `/api/messages/${open.id}/acknowledge`);
  assert.deepEqual([byRequester.statusCode, byRequester.json().alert.acknowledgedBy?.id], [200, ids.demandeur]);
  // The private alert reaches no one outside the channel, even at escalation.
  for (const minutes of [15, 20]) await tick(minutes);
  assert.equal((await alerted(m.id)).count('coordinatrice'), 0);
});

test('open alerts for the banner: the actor’s readable channels, newest first, acknowledged ones gone', async () => {
  const c = await channel({ kind: 'topic', name: 'Astreinte D' }, ['lea.moreau']);
  const secret = await channel({ kind: 'topic', name: 'Astreinte secrète', private: true }, ['thomas.garnier']);
  const first = await urgent(c, 'Premier incident');
  const second = await urgent(c, 'Second incident', 1);
  const hidden = await urgent(secret, 'Incident confidentiel', 2);
  const items = async (who: string) =>
    ((await api[who]('GET', '/api/alerts?state=open')).json().items as { id: string; channel: { name: string } }[]).map(
      (i) => i.id,
    );
  const lea = await items('lea.moreau');
  assert.ok(lea.indexOf(second.id) < lea.indexOf(first.id) && lea.indexOf(second.id) >= 0);
  assert.ok(!lea.includes(hidden.id));
  assert.ok((await items('thomas.garnier')).includes(hidden.id));
  const one = (await api['lea.moreau']('GET', '/api/alerts?state=open'))
    .json()
    .items.find((i: { id: string }) => i.id === first.id);
  assert.deepEqual([one.channel.name, one.author.name, one.alert.state], ['Astreinte D', 'Sophie Bernard', 'open']);
  await api['lea.moreau']('POST', `/api/messages/${first.id}/acknowledge`);
  assert.ok(!(await items('lea.moreau')).includes(first.id));
  assert.deepEqual(await items('other'), []);
  // A deleted message's alert leaves the banner and is never repeated.
  assert.equal((await api.assistante('DELETE', `/api/messages/${second.id}`)).statusCode, 204);
  assert.ok(!(await items('lea.moreau')).includes(second.id));
  for (const minutes of [30, 31]) await tick(minutes);
  assert.equal((await alerted(second.id)).count('lea.moreau'), 1);
  assert.equal((await api['lea.moreau']('GET', '/api/alerts?state=closed')).statusCode, 400);
});
