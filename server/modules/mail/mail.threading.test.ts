import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { newId } from '../../platform/ids.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { mailPendingSurveys, withoutSurveyMail } from '../csat/csat.survey.ts';
import { mailDue, withoutDelivery } from '../notifications/notifications.delivery.ts';
import { processInbound } from './mail.process.ts';
import { STUCK_AFTER_MS, sweepStuckInbound } from './mail.sweep.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let assistant: Api;
let org: string;

before(async () => {
  t = await testApp({ demo: true });
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  org = (
    await t.deps.database.db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

const envelope = (from: string) => ({ mailFrom: from, rcptTo: ['demandes@horizon.test'] });
let seq = 0;
function mail(from: string, subject: string, body: string, headers = '') {
  const id = `<thread-${++seq}-${Date.now()}@client.test>`;
  const text = `From: ${from}\r\nTo: demandes@horizon.test\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\n${headers}\r\n${body}\r\n`;
  return { id, raw: Buffer.from(text) };
}
const replies = (requestId: string) =>
  t.deps.database.db
    .selectFrom('request_events')
    .select(['body', 'actor_id'])
    .where('request_id', '=', requestId)
    .where('kind', '=', 'reply')
    .execute();

/** A request by the requester and the mail Relais sends them about the assistant's reply. */
async function requestWithMail(title: string) {
  const created = mail('demandeur@horizon.test', title, 'Il nous faut du papier.');
  const requestId = (await processInbound(t.deps, created.raw, envelope('demandeur@horizon.test'))).requestId as string;
  const before = t.mail.sent.length;
  await withoutDelivery(async () => {
    const res = await assistant('POST', `/api/requests/${requestId}/comments`, { body: 'Commande passée.' });
    assert.equal(res.statusCode, 201, res.body);
  });
  await mailDue(t.deps);
  const sent = t.mail.sent.slice(before).find((m) => m.to === 'demandeur@horizon.test');
  assert.ok(sent?.messageId, 'the notification mail has a Message-ID');
  return { requestId, messageId: sent.messageId };
}

test('an outgoing mail about a request gets a recorded Message-ID; a reply naming it threads without token', async () => {
  const { requestId, messageId } = await requestWithMail('Papier pour Annecy');
  assert.match(messageId, /^<relais\.[0-9a-f-]+@relais\.test>$/);
  const recorded = await t.deps.database.db
    .selectFrom('outbound_messages')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([recorded.organization_id, recorded.request_id], [org, requestId]);
  // The mail client dropped the Reply-To token and rewrote the subject: only In-Reply-To / References remain.
  const reply = mail('demandeur@horizon.test', 'Re: votre message', 'Merci, bien reçu.', `In-Reply-To: ${messageId}\r\n`);
  const out = await processInbound(t.deps, reply.raw, envelope('demandeur@horizon.test'));
  assert.deepEqual([out.status, out.requestId], ['replied', requestId]);
  const byRefs = mail('demandeur@horizon.test', 'Re: re', 'Encore merci.', `References: <autre@x.test> ${messageId}\r\n`);
  assert.equal((await processInbound(t.deps, byRefs.raw, envelope('demandeur@horizon.test'))).requestId, requestId);
  assert.deepEqual((await replies(requestId)).map((r) => r.body).sort(), [
    'Commande passée.',
    'Encore merci.',
    'Merci, bien reçu.',
  ]);
});

test('the resolution (satisfaction) mail carries a recorded Message-ID too; a reply to it threads', async () => {
  const created = mail('demandeur@horizon.test', 'Agrafeuse en panne', 'Elle ne marche plus.');
  const requestId = (await processInbound(t.deps, created.raw, envelope('demandeur@horizon.test'))).requestId as string;
  const before = t.mail.sent.length;
  await withoutSurveyMail(async () => {
    const res = await assistant('POST', `/api/requests/${requestId}/comments`, { body: 'Remplacée.', status: 'resolved' });
    assert.equal(res.statusCode, 201, res.body);
  });
  await mailPendingSurveys(t.deps);
  const { reference } = await t.deps.database.db
    .selectFrom('requests')
    .select('reference')
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  const survey = t.mail.sent.slice(before).find((m) => m.subject.startsWith(`[${reference}]`));
  assert.ok(survey?.messageId, 'the survey mail has a Message-ID');
  const recorded = await t.deps.database.db
    .selectFrom('outbound_messages')
    .selectAll()
    .where('message_id', '=', survey.messageId)
    .execute();
  assert.deepEqual(
    recorded.map((r) => r.request_id),
    [requestId],
  );
  const reply = mail('demandeur@horizon.test', 'Re: satisfaction', 'Parfait, merci.', `In-Reply-To: ${survey.messageId}\r\n`);
  const out = await processInbound(t.deps, reply.raw, envelope('demandeur@horizon.test'));
  assert.deepEqual([out.status, out.requestId], ['replied', requestId]);
});

test('header threading never posts for someone who is not a party of the request', async () => {
  const { requestId, messageId } = await requestWithMail('Papier pour Chambéry');
  const before = (await replies(requestId)).length;
  // Another member of the organisation, not a party: a new request of their own, nothing on this one.
  const other = mail('lukas.meyer@horizon.test', 'Re: votre message', 'Moi aussi', `In-Reply-To: ${messageId}\r\n`);
  const out = await processInbound(t.deps, other.raw, envelope('lukas.meyer@horizon.test'));
  assert.notEqual(out.requestId, requestId);
  // A stranger: held (unknown sender policy), nothing posted either.
  const stranger = mail('inconnu@ailleurs.test', 'Re: votre message', 'Bonjour', `In-Reply-To: ${messageId}\r\n`);
  const held = await processInbound(t.deps, stranger.raw, envelope('inconnu@ailleurs.test'));
  assert.deepEqual([held.status, held.requestId], ['quarantined', null]);
  assert.equal((await replies(requestId)).length, before);
  // The same Message-ID recorded by another organisation does not thread into this one.
  const bellevue = await t.deps.database.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', 'bellevue')
    .executeTakeFirstOrThrow();
  const foreign = `<relais.${newId()}@relais.test>`;
  await t.deps.database.db
    .insertInto('outbound_messages')
    .values({
      id: newId(),
      organization_id: bellevue.id,
      request_id: requestId,
      message_id: foreign,
      created_at: new Date().toISOString(),
    })
    .execute();
  const cross = mail('demandeur@horizon.test', 'Re: ailleurs', 'Texte', `In-Reply-To: ${foreign}\r\n`);
  assert.notEqual((await processInbound(t.deps, cross.raw, envelope('demandeur@horizon.test'))).requestId, requestId);
});

/** A row left in `processing` by a crash, with its raw bytes kept, last touched at `at`. */
async function stuckRow(subject: string, at: Date) {
  const m = mail('demandeur@horizon.test', subject, 'Texte resté en plan.');
  const stored = await t.deps.storage.put(Readable.from([m.raw]));
  const id = newId();
  await t.deps.database.db
    .insertInto('inbound_messages')
    .values({
      id,
      organization_id: org,
      message_id: m.id,
      from_address: 'demandeur@horizon.test',
      to_address: 'demandes@horizon.test',
      subject,
      status: 'processing',
      reason: null,
      request_id: null,
      raw_key: stored.key,
      attempts: 1,
      received_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .execute();
  return { id, messageId: m.id, raw: m.raw };
}
const row = (id: string) =>
  t.deps.database.db.selectFrom('inbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('rows stuck in processing are resumed after 10 minutes, once; fresh ones are left alone', async () => {
  const now = new Date(Date.now() + 3600_000);
  const old = await stuckRow('Reprise après panne', new Date(now.getTime() - STUCK_AFTER_MS - 60_000));
  const fresh = await stuckRow('En cours ailleurs', new Date(now.getTime() - STUCK_AFTER_MS + 60_000));
  // The MTA redelivers meanwhile: the unique Message-ID only counts an attempt.
  const again = await processInbound(t.deps, old.raw, envelope('demandeur@horizon.test'));
  assert.deepEqual([again.duplicate, again.status], [true, 'processing']);
  const swept = await Promise.all([sweepStuckInbound(t.deps, now), sweepStuckInbound(t.deps, now)]);
  assert.equal(swept[0] + swept[1], 1, 'one sweeper takes the row');
  const done = await row(old.id);
  assert.equal(done.status, 'created', done.reason ?? '');
  assert.equal(done.attempts, 3);
  const made = await t.deps.database.db.selectFrom('requests').select('id').where('title', '=', 'Reprise après panne').execute();
  assert.deepEqual(
    made.map((r) => r.id),
    [done.request_id],
  );
  assert.equal((await row(fresh.id)).status, 'processing');
  assert.equal(await sweepStuckInbound(t.deps, now), 0, 'nothing left to resume');
  assert.equal(await sweepStuckInbound(t.deps, new Date(now.getTime() + 2 * 60_000)), 1, 'the other one, once it is old');
});

test('a run that stopped after creating the request is closed by the sweep, without a second request', async () => {
  const m = mail('demandeur@horizon.test', 'Vidéoprojecteur salle C', 'La lampe est grillée.');
  const first = await processInbound(t.deps, m.raw, envelope('demandeur@horizon.test'));
  assert.equal(first.status, 'created');
  // As if the process had stopped between the request's commit and the row's final state.
  const at = new Date(Date.now() + 3 * 3600_000);
  await t.deps.database.db
    .updateTable('inbound_messages')
    .set({ status: 'processing', request_id: null, updated_at: new Date(at.getTime() - STUCK_AFTER_MS - 1).toISOString() })
    .where('id', '=', first.id as string)
    .execute();
  assert.equal(await sweepStuckInbound(t.deps, at), 1);
  const done = await row(first.id as string);
  assert.deepEqual([done.status, done.request_id], ['created', first.requestId]);
  const made = await t.deps.database.db
    .selectFrom('requests')
    .select('id')
    .where('title', '=', 'Vidéoprojecteur salle C')
    .execute();
  assert.equal(made.length, 1);
});
