import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { signThreadToken } from '../../platform/thread-token.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { processInbound, RATE_LIMIT } from './mail.process.ts';
import { startInboundSmtp } from './mail.smtp.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let smtp: { port: number; close: () => Promise<void> };
let admin: Api;
let org: string;

before(async () => {
  t = await testApp({ demo: true });
  smtp = await startInboundSmtp(t.deps, { port: 0, host: '127.0.0.1' });
  admin = as(t.app, await login(t.app, 'referent@horizon.test'));
  org = (
    await t.deps.database.db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow()
  ).id;
});
after(async () => {
  await smtp.close();
  await t.close();
});

/** Sends through a real SMTP client to the listener on loopback. */
function send(mail: Mail.Options, port = smtp.port) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ from: 'demandeur@horizon.test', to: 'demandes@horizon.test', ...mail });
}

const inbound = (messageId: string) =>
  t.deps.database.db.selectFrom('inbound_messages').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
const request = (id: string | null) =>
  t.deps.database.db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', id ?? '')
    .executeTakeFirstOrThrow();
const events = (requestId: string) =>
  t.deps.database.db.selectFrom('request_events').selectAll().where('request_id', '=', requestId).orderBy('created_at').execute();

let seq = 0;
const mid = () => `<test-${++seq}-${Date.now()}@exemple.test>`;

test('a new mail from a member creates a request as that member, quoted history and signature stripped', async () => {
  const messageId = mid();
  await send({
    messageId,
    subject: 'Ramettes de papier pour Lyon',
    text: 'Bonjour,\nIl nous faut 10 ramettes.\n\nLe 3 déc. 2026 à 10:00, Paul <p@x.test> a écrit :\n> ancien message\n-- \nJulien Petit',
  });
  const row = await inbound(messageId);
  assert.equal(row.status, 'created', row.reason ?? '');
  const req = await request(row.request_id);
  assert.deepEqual(
    [req.title, req.source, req.description],
    ['Ramettes de papier pour Lyon', 'email', 'Bonjour,\nIl nous faut 10 ramettes.'],
  );
  const user = await t.deps.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'demandeur@horizon.test')
    .executeTakeFirstOrThrow();
  assert.equal(req.requester_id, user.id);
});

test('unknown recipients are refused at RCPT time (550)', async () => {
  await assert.rejects(
    send({ to: 'personne@horizon.test', subject: 'x', text: 'x' }),
    (err: { responseCode?: number }) => err.responseCode === 550,
  );
});

test('a reply with a signed token posts a public reply as that user; a forged token never posts', async () => {
  const first = mid();
  await send({ messageId: first, subject: 'Badge perdu', text: 'Mon badge est perdu.' });
  const requestId = (await inbound(first)).request_id as string;
  const user = await t.deps.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'demandeur@horizon.test')
    .executeTakeFirstOrThrow();
  const token = signThreadToken(t.deps.config.secretKey, { organizationId: org, requestId, recipientId: user.id });
  const reply = mid();
  await send({
    messageId: reply,
    to: `reply+${token}@relais.test`,
    subject: `RE: Badge perdu [#${token}]`,
    text: 'Je l’ai retrouvé, merci.\n\nOn Mon, Dec 1, 2026 at 10:00 AM Relais wrote:\n> Votre demande',
  });
  assert.equal((await inbound(reply)).status, 'replied');
  const replies = (await events(requestId)).filter((e) => e.kind === 'reply');
  assert.deepEqual(
    replies.map((e) => [e.body, e.actor_id, Boolean(e.public)]),
    [['Je l’ai retrouvé, merci.', user.id, true]],
  );
  const forged = `${token.slice(0, -4)}0000` === token ? `${token.slice(0, -4)}1111` : `${token.slice(0, -4)}0000`;
  const bad = mid();
  await send({ messageId: bad, to: `reply+${forged}@relais.test`, subject: 'RE: Badge perdu', text: 'Faux' });
  assert.deepEqual([(await inbound(bad)).status, (await inbound(bad)).reason], ['quarantined', 'invalid_token']);
  assert.equal((await events(requestId)).filter((e) => e.kind === 'reply').length, 1);
  // A valid token used by someone who is not a party of the request does not post either.
  const other = mid();
  await send({
    messageId: other,
    from: 'lukas.meyer@horizon.test',
    to: `reply+${token}@relais.test`,
    subject: 'RE',
    text: 'Moi aussi',
  });
  assert.deepEqual([(await inbound(other)).status, (await inbound(other)).reason], ['quarantined', 'sender_not_party']);
});

test('the same Message-ID delivered three times (at once) makes one request', async () => {
  const messageId = mid();
  const mail = { messageId, subject: 'Triple envoi', text: 'Une seule demande svp' };
  await Promise.all([send(mail), send(mail), send(mail)]);
  const row = await inbound(messageId);
  assert.deepEqual([row.status, row.attempts], ['created', 3]);
  const n = await t.deps.database.db.selectFrom('requests').select('id').where('title', '=', 'Triple envoi').execute();
  assert.equal(n.length, 1);
});

test('auto-replies, bulk mail, lists and bounces are ignored with the reason', async () => {
  const cases: [Mail.Options, string][] = [
    [{ headers: { 'Auto-Submitted': 'auto-replied' } }, 'auto_submitted'],
    [{ headers: { Precedence: 'bulk' } }, 'precedence'],
    [{ headers: { 'X-Autoreply': 'yes' } }, 'auto_reply'],
    [{ headers: { 'List-Id': '<annonces.horizon.test>' } }, 'mailing_list'],
    [{ envelope: { from: '', to: 'demandes@horizon.test' } }, 'empty_return_path'],
  ];
  for (const [extra, reason] of cases) {
    const messageId = mid();
    await send({ messageId, subject: `Absent ${reason}`, text: 'Je suis absent.', ...extra });
    const row = await inbound(messageId);
    assert.deepEqual([row.status, row.reason, row.request_id], ['ignored', reason, null]);
  }
  const sent = await t.deps.database.db.selectFrom('requests').select('id').where('title', 'like', 'Absent %').execute();
  assert.equal(sent.length, 0);
});

test('attachments are stored like uploads; an executable is refused and listed in an internal note', async () => {
  const messageId = mid();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const exe = Buffer.concat([Buffer.from('MZ\x90'), Buffer.alloc(200)]);
  await send({
    messageId,
    subject: 'Facture jointe',
    text: 'Voici la facture.',
    attachments: [
      { filename: 'facture.pdf', content: pdf, contentType: 'application/pdf' },
      { filename: 'outil.exe', content: exe, contentType: 'application/octet-stream' },
    ],
  });
  const row = await inbound(messageId);
  assert.equal(row.status, 'created', row.reason ?? '');
  const files = await t.deps.database.db
    .selectFrom('attachments')
    .selectAll()
    .where('request_id', '=', row.request_id as string)
    .execute();
  assert.deepEqual(
    files.map((f) => [f.file_name, f.content_type, f.size]),
    [['facture.pdf', 'application/pdf', pdf.length]],
  );
  const notes = (await events(row.request_id as string)).filter((e) => e.kind === 'note');
  assert.equal(notes.length, 1);
  assert.match(notes[0].body ?? '', /outil\.exe/);
  assert.equal(Boolean(notes[0].public), false);
});

test('an HTML-only mail with a script becomes text: nothing of the script is kept', async () => {
  const messageId = mid();
  await send({
    messageId,
    subject: 'Mail HTML',
    html: '<p>Bonjour l&rsquo;&eacute;quipe</p><script>alert(1)</script><img src=x onerror=alert(2)><b>Merci</b>',
  });
  const req = await request((await inbound(messageId)).request_id);
  assert.match(req.description, /Bonjour l’équipe/);
  assert.match(req.description, /Merci/);
  assert.doesNotMatch(req.description, /alert|<script|onerror|<p>/);
});

test('unknown senders follow the policy: hold, reject, create a requester; a held mail can be reprocessed', async () => {
  const held = mid();
  await send({ messageId: held, from: 'inconnu@ailleurs.test', subject: 'Bonjour', text: 'Qui traite ceci ?' });
  assert.deepEqual([(await inbound(held)).status, (await inbound(held)).reason], ['quarantined', 'unknown_sender']);
  const q = await admin('GET', '/api/mail/quarantine');
  assert.equal(q.statusCode, 200);
  const item = q.json().items.find((i: { messageId: string }) => i.messageId === held);
  assert.deepEqual([item.reason, item.allowedActions], ['unknown_sender', ['mail_inbound.reprocess', 'mail_inbound.delete']]);
  assert.equal((await admin('PATCH', '/api/mail/settings', { unknownSender: 'reject' })).statusCode, 200);
  const rejected = mid();
  await send({ messageId: rejected, from: 'autre@ailleurs.test', subject: 'Bonjour', text: 'Encore' });
  assert.equal((await inbound(rejected)).status, 'rejected');
  const again = await admin('POST', `/api/mail/quarantine/${item.id}/reprocess`, { createRequester: true });
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().status, 'created');
  assert.equal((await admin('POST', `/api/mail/quarantine/${item.id}/reprocess`, {})).statusCode, 409);
  await admin('PATCH', '/api/mail/settings', { unknownSender: 'create_requester' });
  const created = mid();
  await send({
    messageId: created,
    from: 'Jeanne Nouvelle <jeanne@ailleurs.test>',
    subject: 'Première demande',
    text: 'Bonjour',
  });
  const req = await request((await inbound(created)).request_id);
  const user = await t.deps.database.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', req.requester_id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([user.email, user.display_name], ['jeanne@ailleurs.test', 'Jeanne Nouvelle']);
  await admin('PATCH', '/api/mail/settings', { unknownSender: 'hold' });
});

test('a sender over the rate limit is quarantined', async () => {
  const raw = (i: number) =>
    Buffer.from(
      `From: kevin.dumont@horizon.test\r\nTo: demandes@horizon.test\r\nSubject: Envoi ${i}\r\nMessage-ID: <flood-${i}@x.test>\r\n\r\nTexte ${i}\r\n`,
    );
  const envelope = { mailFrom: 'kevin.dumont@horizon.test', rcptTo: ['demandes@horizon.test'] };
  for (let i = 0; i < RATE_LIMIT; i++) assert.equal((await processInbound(t.deps, raw(i), envelope)).status, 'created');
  const over = await processInbound(t.deps, raw(RATE_LIMIT), envelope);
  assert.deepEqual([over.status, over.reason], ['quarantined', 'rate_limited']);
});

test('a mail that cannot be handled is quarantined with the reason, raw kept, and can be reprocessed', async () => {
  const first = mid();
  await send({ messageId: first, subject: 'À annuler', text: 'x' });
  const requestId = (await inbound(first)).request_id as string;
  const requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  const req = await request(requestId);
  const cancel = await requester('POST', `/api/requests/${requestId}/cancel`, {});
  assert.equal(cancel.statusCode, 200, cancel.body);
  const messageId = mid();
  await send({ messageId, subject: `RE: [${req.reference}] À annuler`, text: 'Encore une précision' });
  const row = await inbound(messageId);
  assert.equal(row.status, 'quarantined');
  assert.ok(row.reason);
  const chunks: Buffer[] = [];
  for await (const c of t.deps.storage.get(row.raw_key)) chunks.push(c as Buffer);
  assert.match(Buffer.concat(chunks).toString(), /Encore une pr/);
  const again = await admin('POST', `/api/mail/quarantine/${row.id}/reprocess`, {});
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual([again.json().status, again.json().attempts], ['quarantined', 2]);
});

test('administration: coordinators read, others are refused; another organisation sees nothing', async () => {
  const coord = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  await coord('POST', '/api/me/organization', { organizationId: org });
  const requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  const bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await coord('GET', '/api/mail/addresses')).json().items.length, 3);
  assert.equal((await coord('PATCH', '/api/mail/settings', { unknownSender: 'reject' })).statusCode, 403);
  assert.equal((await requester('GET', '/api/mail/quarantine')).statusCode, 403);
  const items = (await admin('GET', '/api/mail/quarantine')).json().items;
  assert.ok(items.length > 0);
  assert.equal((await bellevue('GET', '/api/mail/quarantine')).json().items.length, 0);
  assert.equal((await bellevue('POST', `/api/mail/quarantine/${items[0].id}/reprocess`, {})).statusCode, 404);
  assert.equal((await bellevue('DELETE', `/api/mail/quarantine/${items[0].id}`)).statusCode, 404);
  const service = (
    await t.deps.database.db.selectFrom('services').select('id').where('organization_id', '=', org).executeTakeFirstOrThrow()
  ).id;
  const dup = await admin('POST', '/api/mail/addresses', { address: 'RH@horizon.test', serviceId: service });
  assert.equal(dup.statusCode, 409);
  const created = await admin('POST', '/api/mail/addresses', { address: 'compta@horizon.test', serviceId: service });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal((await bellevue('GET', `/api/mail/addresses/${created.json().id}`)).statusCode, 404);
  assert.equal((await admin('DELETE', `/api/mail/quarantine/${items[0].id}`)).statusCode, 204);
});

test('a mail over the size limit is refused with 552', async () => {
  const small = await startInboundSmtp(
    { ...t.deps, config: { ...t.deps.config, maxUploadBytes: 1024 } },
    { port: 0, host: '127.0.0.1' },
  );
  try {
    await assert.rejects(
      send({ subject: 'Trop gros', text: 'x'.repeat(3 * 1024 * 1024) }, small.port),
      (err: { responseCode?: number }) => err.responseCode === 552,
    );
  } finally {
    await small.close();
  }
});
