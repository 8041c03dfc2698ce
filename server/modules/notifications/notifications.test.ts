/**
 * Notifications on the demo organisation: who each request event reaches (never the actor, never an
 * internal note to the requester), preferences (off, digest at 08:00 site time: Réunion before Lyon),
 * quiet hours held then released with the requests clock pinned, urgent bypass, one mail despite
 * racing senders, request mails threading (signed Reply-To, Auto-Submitted), tenancy, the live count,
 * the operator's outbox.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { NotificationType } from '../../../common/notifications.ts';
import { OutboxMailer } from '../../platform/mailer.ts';
import { verifyThreadToken } from '../../platform/thread-token.ts';
import { as, login, type Session, type TestApp, testApp } from '../../test/harness.ts';
import { LiveTestClient } from '../live/live.test-client.ts';
import { setRequestClock } from '../requests/request-sla.ts';
import { scanSla } from '../requests/sla-watch.ts';
import { mailDue, withoutDelivery } from './notifications.delivery.ts';
import { nextDigest, quietRelease } from './notify-time.ts';
import { notify } from './notify.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let org: string;
const sessions: Record<string, Session> = {};
const ids: Record<string, string> = {};
let serviceId: string;
let advanceId: string;

const api = (who: string): Api => as(t.app, sessions[who]);
const PEOPLE = ['demandeur', 'assistante', 'lea.moreau', 'dirigeant', 'priscilla.payet', 'thomas.garnier', 'kevin.dumont'];

before(async () => {
  t = await testApp({ demo: true });
  for (const who of PEOPLE) {
    sessions[who] = await login(t.app, `${who}@horizon.test`);
    ids[who] = (await api(who)('GET', '/api/me')).json().user.id;
  }
  sessions.bellevue = await login(t.app, 'demandeur@bellevue.test');
  org = (await api('assistante')('GET', '/api/me')).json().organization.id;
  const services = (await api('demandeur')('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
  advanceId = services.find((s) => s.name === 'Demande d’acompte')?.id ?? '';
});
after(async () => {
  setRequestClock(null);
  await t.close();
});

interface Item {
  id: string;
  type: string;
  title: string;
  url: string;
  targetId: string | null;
  readAt: string | null;
}
const mine = async (who: string): Promise<Item[]> => (await api(who)('GET', '/api/notifications?limit=100')).json().items;
const about = async (who: string, requestId: string, type?: string) =>
  (await mine(who)).filter((n) => n.targetId === requestId && (!type || n.type === type));

async function newRequest(title = 'Devis fauteuils', who = 'demandeur'): Promise<{ id: string; version: number }> {
  const body = { serviceId, title, answers: { besoin: 'Trois fauteuils' } };
  const res = await api(who)('POST', '/api/requests', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Raises one notification in a transaction of its own, outside any request write (no after-commit delivery). */
async function raise(userId: string, type: NotificationType, extra: { urgent?: boolean; requestId?: string } = {}) {
  return t.deps.database.db.transaction().execute((trx) =>
    notify(
      trx,
      { organizationId: org },
      {
        userIds: [userId],
        type,
        params: { reference: 'HOR-TEST', title: `Essai ${type}`, actor: 'Sophie' },
        targetType: extra.requestId ? 'request' : null,
        targetId: extra.requestId ?? null,
        url: '/notifications',
        urgent: extra.urgent,
      },
    ),
  );
}
const mailsTo = (who: string) => t.mail.sent.filter((m) => m.to === `${who}@horizon.test`);

test('assignment, public reply and internal note reach the right people, never the actor', async () => {
  const r = await newRequest('Devis chaises de réunion');
  const lea = ids['lea.moreau'];
  const patch = await api('assistante')('PATCH', `/api/requests/${r.id}`, { version: r.version, assigneeId: lea });
  assert.equal(patch.statusCode, 200, patch.body);
  const assigned = await about('lea.moreau', r.id, 'assigned');
  assert.equal(assigned.length, 1);
  assert.equal(assigned[0].url, `/demandes/${r.id}`);
  assert.match(assigned[0].title, /vous est attribuée/);
  assert.equal((await about('assistante', r.id, 'assigned')).length, 0, 'the actor is not told of her own move');

  assert.equal(
    (await api('assistante')('POST', `/api/requests/${r.id}/comments`, { body: 'Trois devis en cours.' })).statusCode,
    201,
  );
  const replies = await about('demandeur', r.id, 'request_reply');
  assert.equal(replies.length, 1);
  assert.equal(replies[0].url, `/mes-demandes/${r.id}`);
  assert.equal((await about('lea.moreau', r.id, 'request_reply')).length, 1, 'the assignee follows the replies');
  assert.equal((await about('assistante', r.id, 'request_reply')).length, 0);

  const note = { body: 'Fournisseur habituel en rupture.', internal: true };
  assert.equal((await api('assistante')('POST', `/api/requests/${r.id}/comments`, note)).statusCode, 201);
  assert.equal((await about('demandeur', r.id)).length, 1, 'an internal note never reaches the requester');

  assert.equal((await api('demandeur')('POST', `/api/requests/${r.id}/comments`, { body: 'Merci\u00a0!' })).statusCode, 201);
  assert.equal((await about('demandeur', r.id, 'request_reply')).length, 1, 'not told of one’s own reply');
  assert.equal((await about('lea.moreau', r.id, 'request_reply')).length, 2);
});

test('approval requested reaches the holders of the approving role only', async () => {
  const services = (await api('demandeur')('GET', '/api/catalog/services')).json().items;
  const form = services.find((s: { id: string }) => s.id === advanceId).form as {
    key: string;
    type: string;
    required?: boolean;
  }[];
  const answers: Record<string, unknown> = {};
  for (const f of form.filter((x) => x.required))
    answers[f.key] = f.type === 'number' ? 300 : f.type === 'date' ? '2026-12-15' : 'x';
  const res = await api('demandeur')('POST', '/api/requests', { serviceId: advanceId, title: 'Acompte décembre', answers });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().id;
  const asked = await about('dirigeant', id, 'approval_requested');
  assert.equal(asked.length, 1);
  assert.equal((await about('demandeur', id)).length, 0);
  assert.equal((await about('assistante', id, 'approval_requested')).length, 0);
});

test('SLA crossings reach the assignee, else the team coordinator', async () => {
  const assignedReq = await newRequest('Devis urgent');
  const lea = ids['lea.moreau'];
  await api('assistante')('PATCH', `/api/requests/${assignedReq.id}`, { version: assignedReq.version, assigneeId: lea });
  const free = await newRequest('Devis sans assistante');
  const current = (await api('assistante')('GET', `/api/requests/${free.id}`)).json();
  const unassign = await api('assistante')('PATCH', `/api/requests/${free.id}`, { version: current.version, assigneeId: null });
  assert.equal(unassign.statusCode, 200, unassign.body);
  const team = await t.deps.database.db
    .selectFrom('requests')
    .innerJoin('teams', 'teams.id', 'requests.team_id')
    .select('teams.coordinator_id')
    .where('requests.id', '=', free.id)
    .executeTakeFirstOrThrow();
  assert.ok(team.coordinator_id);
  await scanSla(t.deps, new Date(Date.now() + 60 * 86_400_000));
  const sla = (n: { type: string }) => n.type === 'sla_at_risk' || n.type === 'sla_breached';
  assert.ok((await about('lea.moreau', assignedReq.id)).some(sla));
  const coordinatorRows = await t.deps.database.db
    .selectFrom('notifications')
    .select('type')
    .where('user_id', '=', team.coordinator_id)
    .where('target_id', '=', free.id)
    .execute();
  assert.ok(coordinatorRows.some(sla));
  assert.equal((await about('demandeur', free.id)).filter(sla).length, 0, 'requesters never hear of SLA');
});

test('preferences: off sends nothing, digest waits; settings are validated', async () => {
  const put = await api('thomas.garnier')('PUT', '/api/me/notification-settings', {
    types: { assigned: 'off', request_reply: 'digest' },
    quietHours: null,
  });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().types.assigned, 'off');
  assert.equal(put.json().types.mention, 'immediate');
  const bad = await api('thomas.garnier')('PUT', '/api/me/notification-settings', {
    types: { assigned: 'jamais' },
    quietHours: null,
  });
  assert.equal(bad.statusCode, 400);
  const empty = { types: {}, quietHours: { start: '20:00', end: '20:00' } };
  assert.equal((await api('thomas.garnier')('PUT', '/api/me/notification-settings', empty)).statusCode, 400);
  setRequestClock(() => new Date('2026-03-10T09:00:00Z'));
  try {
    await raise(ids['thomas.garnier'], 'assigned');
    await raise(ids['thomas.garnier'], 'request_reply');
    const before = mailsTo('thomas.garnier').length;
    await mailDue(t.deps, new Date('2026-03-10T09:00:00Z'));
    assert.equal(mailsTo('thomas.garnier').length, before, 'off: never; digest: not before 08:00 tomorrow');
    await mailDue(t.deps, new Date('2026-03-11T07:00:00Z'));
    const digest = mailsTo('thomas.garnier').slice(before);
    assert.equal(digest.length, 1);
    assert.match(digest[0].subject, /résumé du jour/);
    assert.match(digest[0].text, /Essai request_reply/);
    assert.doesNotMatch(digest[0].text, /Essai assigned/);
    assert.equal((await api('thomas.garnier')('GET', '/api/notifications?unread=true')).json().items.length >= 2, true);
  } finally {
    setRequestClock(null);
  }
});

test('quiet hours hold an immediate mail until they end; an urgent one goes at once', async () => {
  const kevin = 'kevin.dumont';
  const put = await api(kevin)('PUT', '/api/me/notification-settings', {
    types: {},
    quietHours: { start: '20:00', end: '07:30' },
  });
  assert.equal(put.statusCode, 200, put.body);
  // 22:00 in Lille (UTC+1 in January).
  setRequestClock(() => new Date('2026-01-15T21:00:00Z'));
  try {
    const before = mailsTo(kevin).length;
    await raise(ids[kevin], 'mention');
    await raise(ids[kevin], 'urgent_alert', { urgent: true });
    await mailDue(t.deps, new Date('2026-01-15T21:00:00Z'));
    assert.deepEqual(
      mailsTo(kevin)
        .slice(before)
        .map((m) => m.subject),
      ['Alerte urgente de Sophie'],
    );
    await mailDue(t.deps, new Date('2026-01-16T06:29:00Z'));
    assert.equal(mailsTo(kevin).length, before + 1, 'still quiet at 07:29');
    await mailDue(t.deps, new Date('2026-01-16T06:30:00Z'));
    assert.equal(mailsTo(kevin).length, before + 2, 'released at 07:30');
  } finally {
    setRequestClock(null);
  }
});

test('a mail is sent once when the listener and the task race', async () => {
  const at = new Date('2026-02-02T10:00:00Z');
  setRequestClock(() => at);
  try {
    const before = mailsTo('priscilla.payet').length;
    await raise(ids['priscilla.payet'], 'sla_breached');
    const sent = await Promise.all([mailDue(t.deps, at), mailDue(t.deps, at), mailDue(t.deps, at)]);
    assert.equal(
      sent.reduce((a, b) => a + b, 0),
      1,
    );
    assert.equal(mailsTo('priscilla.payet').length, before + 1);
    assert.equal(await mailDue(t.deps, at), 0);
  } finally {
    setRequestClock(null);
  }
});

test('a failed send is handed back and sent by the next tick, once', async () => {
  const at = new Date('2026-02-03T10:00:00Z');
  setRequestClock(() => at);
  const mailer = t.mail;
  const send = mailer.send.bind(mailer);
  try {
    const before = mailsTo('priscilla.payet').length;
    await raise(ids['priscilla.payet'], 'assigned');
    mailer.send = async () => {
      throw new Error('SMTP indisponible');
    };
    await assert.rejects(mailDue(t.deps, at), /SMTP indisponible/);
    mailer.send = send;
    assert.equal(mailsTo('priscilla.payet').length, before);
    assert.equal(await mailDue(t.deps, at), 1);
    assert.equal(await mailDue(t.deps, at), 0);
    assert.equal(mailsTo('priscilla.payet').length, before + 1);
  } finally {
    mailer.send = send;
    setRequestClock(null);
  }
});

test('the daily digest goes at 08:00 site time: La Réunion before Lyon', async () => {
  for (const who of ['priscilla.payet', 'lea.moreau'])
    await api(who)('PUT', '/api/me/notification-settings', { types: { mention: 'digest' }, quietHours: null });
  setRequestClock(() => new Date('2026-02-10T10:00:00Z'));
  try {
    await raise(ids['priscilla.payet'], 'mention');
    await raise(ids['lea.moreau'], 'mention');
  } finally {
    setRequestClock(null);
  }
  const digests = (who: string) => mailsTo(who).filter((m) => m.subject.includes('résumé')).length;
  const [p, l] = [digests('priscilla.payet'), digests('lea.moreau')];
  await mailDue(t.deps, new Date('2026-02-11T03:59:00Z'));
  assert.deepEqual([digests('priscilla.payet'), digests('lea.moreau')], [p, l]);
  await mailDue(t.deps, new Date('2026-02-11T04:00:00Z')); // 08:00 in Saint-Denis (UTC+4)
  assert.deepEqual([digests('priscilla.payet'), digests('lea.moreau')], [p + 1, l]);
  await mailDue(t.deps, new Date('2026-02-11T07:00:00Z')); // 08:00 in Lyon (UTC+1)
  assert.deepEqual([digests('priscilla.payet'), digests('lea.moreau')], [p + 1, l + 1]);
  assert.equal(nextDigest(new Date('2026-07-01T06:30:00Z'), 'Europe/Paris').toISOString(), '2026-07-02T06:00:00.000Z');
  assert.equal(
    quietRelease(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris', { start: '20:00', end: '07:30' }).toISOString(),
    '2026-07-01T12:00:00.000Z',
  );
});

test('a request mail threads: signed Reply-To, token in the subject, Auto-Submitted, HTML, link', async () => {
  const r = await newRequest('Devis vidéoprojecteur');
  const before = mailsTo('demandeur').length;
  await withoutDelivery(async () => {
    assert.equal((await api('assistante')('POST', `/api/requests/${r.id}/comments`, { body: 'Devis reçu.' })).statusCode, 201);
  });
  await mailDue(t.deps);
  const mail = mailsTo('demandeur')
    .slice(before)
    .find((m) => m.subject.includes('Devis vidéoprojecteur'));
  assert.ok(mail, 'reply mail');
  const token = /\[#([0-9a-f.]+)\]$/.exec(mail.subject)?.[1] ?? '';
  assert.equal(mail.replyTo, `reply+${token}@relais.test`);
  const ref = verifyThreadToken(t.deps.config.secretKey, org, token);
  assert.deepEqual(ref, { organizationId: org, requestId: r.id, recipientId: ids.demandeur });
  assert.equal(mail.headers?.['Auto-Submitted'], 'auto-generated');
  assert.match(mail.html ?? '', /<p>/);
  assert.ok(mail.text.includes(`/mes-demandes/${r.id}`));
});

test('own notifications only: read, read-all, count; other people and organisations see nothing', async () => {
  const lea = api('lea.moreau');
  const list = (await lea('GET', '/api/notifications?unread=true')).json();
  assert.ok(list.items.length > 0);
  const first = list.items[0] as Item;
  assert.equal((await api('assistante')('POST', `/api/notifications/${first.id}/read`)).statusCode, 404);
  assert.equal((await api('bellevue')('POST', `/api/notifications/${first.id}/read`)).statusCode, 404);
  const read = await lea('POST', `/api/notifications/${first.id}/read`);
  assert.equal(read.statusCode, 200);
  assert.equal(read.json().unread, list.unread - 1);
  assert.equal((await lea('GET', '/api/notifications/unread-count')).json().unread, list.unread - 1);
  const page = (
    await lea('GET', `/api/notifications?limit=1&before=${encodeURIComponent(first.id ? list.items[0].createdAt : '')}`)
  ).json();
  assert.ok(page.items.every((n: { createdAt: string }) => n.createdAt < list.items[0].createdAt));
  assert.equal((await lea('POST', '/api/notifications/read-all')).json().unread, 0);
  assert.equal((await lea('GET', '/api/notifications/unread-count')).json().unread, 0);
  const foreign = (await api('bellevue')('GET', '/api/notifications?limit=100')).json().items as Item[];
  assert.ok(foreign.every((n) => !list.items.some((m: Item) => m.id === n.id)));
  // A user of another organisation is never a recipient here.
  const bellevueId = (await api('bellevue')('GET', '/api/me')).json().user.id;
  assert.equal(await raise(bellevueId, 'mention'), 0);
  assert.equal((await lea('GET', '/api/notifications?before=hier')).statusCode, 400);
});

test('the requester’s bell count rises live when the assistant replies', async () => {
  const url = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/api/live`;
  const origin = t.deps.config.baseUrl;
  const requester = await LiveTestClient.open(url, { cookie: sessions.demandeur.cookie, origin });
  const other = await LiveTestClient.open(url, { cookie: sessions['kevin.dumont'].cookie, origin });
  const r = await newRequest('Devis lampes');
  const unread = (await api('demandeur')('GET', '/api/notifications/unread-count')).json().unread;
  const from = requester.received.length;
  assert.equal(
    (await api('assistante')('POST', `/api/requests/${r.id}/comments`, { body: 'Lampes commandées.' })).statusCode,
    201,
  );
  const rise = (m: { type: string; unread?: number }) => m.type === 'notifications.changed' && m.unread === unread + 1;
  await requester.next(rise, 'notifications.changed', from);
  await other.sync();
  assert.ok(!other.received.some((m) => m.type === 'notifications.changed'), 'another user hears nothing');
  await requester.close();
  await other.close();
});

test('the operator reads the outbox; others may not; names are never paths', async () => {
  await new OutboxMailer(t.deps.config.dataDir, 'Relais <relais@relais.test>').send({
    to: 'julien@horizon.test',
    subject: 'Réponse à votre demande',
    text: 'Bonjour',
  });
  const operator = as(t.app, await login(t.app, 'operateur@relais.test'));
  const list = await operator('GET', '/api/admin/outbox');
  assert.equal(list.statusCode, 200, list.body);
  const item = list.json().items.find((i: { subject: string }) => i.subject === 'Réponse à votre demande');
  assert.ok(item);
  assert.equal(item.to, 'julien@horizon.test');
  const file = await operator('GET', `/api/admin/outbox/${item.name}`);
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-disposition']), /^attachment/);
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.equal((await api('assistante')('GET', '/api/admin/outbox')).statusCode, 403);
  assert.equal((await operator('GET', '/api/admin/outbox/..%2F..%2Frelais.db')).statusCode, 400);
  assert.equal((await operator('GET', '/api/admin/outbox/absent.eml')).statusCode, 404);
});
