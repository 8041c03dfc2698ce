import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { startTestImap, type TestImap } from '../../test/imap-server.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { IMPORTED_KEYWORD, POLL_LEASE_MS, pollAll, pollMailbox } from './mail.imap.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let admin: Api;
let org: string;
let addressId: string;
let imap: TestImap;

before(async () => {
  t = await testApp({ demo: true });
  admin = as(t.app, await login(t.app, 'referent@horizon.test'));
  const db = t.deps.database.db;
  org = (await db.selectFrom('organizations').select('id').where('slug', '=', 'horizon').executeTakeFirstOrThrow()).id;
  addressId = (
    await db.selectFrom('mail_addresses').select('id').where('address', '=', 'demandes@horizon.test').executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());
beforeEach(async () => {
  imap = await startTestImap();
});
afterEach(async () => {
  await t.deps.database.db.deleteFrom('imap_mailboxes').execute();
  await imap.close();
});

let seq = 0;
let clock = Date.parse('2026-11-27T10:00:00Z');
/** Each poll a minute later: the tests never depend on the wall clock. */
function tick() {
  clock += 60_000;
  return new Date(clock);
}

function raw(subject: string, extra = '', from = 'demandeur@horizon.test') {
  const id = `<imap-${++seq}-${Date.now()}@exemple.test>`;
  const text = `From: ${from}\r\nTo: boite@horizon.test\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\n${extra}\r\nBonjour, ${subject}.\r\n`;
  return { id, text };
}

async function addBox(input: Record<string, unknown> = {}) {
  const res = await admin('POST', '/api/mail/imap', {
    host: '127.0.0.1',
    port: imap.port,
    tls: false,
    username: imap.user,
    password: imap.password,
    addressId,
    ...input,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; version: number; lastError: string | null };
}

const inbound = (messageId: string) =>
  t.deps.database.db.selectFrom('inbound_messages').selectAll().where('message_id', '=', messageId).executeTakeFirst();
const requestsTitled = (title: string) =>
  t.deps.database.db.selectFrom('requests').select('id').where('title', '=', title).execute();
const boxRow = (id: string) =>
  t.deps.database.db.selectFrom('imap_mailboxes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('a new mail in the box becomes a request, then is flagged on the server', async () => {
  const box = await addBox();
  const m = raw('Cartouches pour Lyon');
  await imap.append(m.text);
  const out = await pollMailbox(t.deps, org, box.id, tick());
  assert.deepEqual(out, { imported: 1, error: null });
  const row = await inbound(m.id);
  assert.equal(row?.status, 'created', row?.reason ?? '');
  assert.equal((await requestsTitled('Cartouches pour Lyon')).length, 1);
  const [msg] = await imap.messages();
  assert.ok(msg.flags.includes('\\Seen') && msg.flags.includes(IMPORTED_KEYWORD), msg.flags.join(' '));
  const shown = (await admin('GET', `/api/mail/imap/${box.id}`)).json();
  assert.equal(shown.lastImported, 1);
  assert.ok(shown.lastPolledAt);
  assert.equal(shown.lastError, null);
  // Nothing new: a second poll imports nothing.
  assert.deepEqual(await pollMailbox(t.deps, org, box.id, tick()), { imported: 0, error: null });
});

test('flagging failed after processing: the message comes back next poll and makes no second request', async () => {
  const box = await addBox();
  const m = raw('Chaise cassée salle B');
  await imap.append(m.text);
  imap.failStores(1);
  const first = await pollMailbox(t.deps, org, box.id, tick());
  assert.deepEqual(first, { imported: 0, error: 'imap.error.settle' });
  assert.match((await boxRow(box.id)).last_error ?? '', /n’a pas pu être marqué/);
  assert.equal((await imap.messages())[0].flags.includes('\\Seen'), false, 'still unseen on the server');
  const second = await pollMailbox(t.deps, org, box.id, tick());
  assert.deepEqual(second, { imported: 1, error: null });
  assert.equal((await requestsTitled('Chaise cassée salle B')).length, 1);
  assert.deepEqual([(await inbound(m.id))?.status, (await inbound(m.id))?.attempts], ['created', 2]);
  assert.ok((await imap.messages())[0].flags.includes(IMPORTED_KEYWORD));
  assert.equal((await boxRow(box.id)).last_error, null);
});

test('an auto-reply in the box is ignored and still flagged; seen mail is left alone', async () => {
  const box = await addBox();
  const auto = raw('Absence du bureau', 'Auto-Submitted: auto-replied\r\n');
  await imap.append(auto.text);
  const seen = raw('Déjà lu par un humain');
  await imap.append(seen.text, ['\\Seen']);
  assert.deepEqual(await pollMailbox(t.deps, org, box.id, tick()), { imported: 1, error: null });
  assert.deepEqual([(await inbound(auto.id))?.status, (await inbound(auto.id))?.reason], ['ignored', 'auto_submitted']);
  assert.equal(await inbound(seen.id), undefined);
  const flags = (await imap.messages()).map((x) => x.flags.includes(IMPORTED_KEYWORD));
  assert.deepEqual(flags, [true, false]);
});

test('the delete action removes the message from the server once recorded', async () => {
  const box = await addBox({ afterAction: 'delete' });
  const m = raw('Badge à refaire');
  await imap.append(m.text);
  assert.deepEqual(await pollMailbox(t.deps, org, box.id, tick()), { imported: 1, error: null });
  assert.equal((await inbound(m.id))?.status, 'created');
  assert.deepEqual(await imap.messages(), []);
});

test('a wrong password is recorded in French on its box; the task goes on with the other boxes', async () => {
  const bad = await addBox({ password: 'mauvais' });
  const good = await addBox();
  const m = raw('Écran qui clignote');
  await imap.append(m.text);
  assert.equal(await pollAll(t.deps, tick()), 1);
  const badRow = await boxRow(bad.id);
  assert.equal(badRow.last_error_code, 'imap.error.auth');
  assert.equal(badRow.last_error, 'Identifiant ou mot de passe refusé par le serveur IMAP.');
  assert.equal(badRow.poll_claim, null, 'lease released after the failure');
  assert.equal((await boxRow(good.id)).last_error, null);
  assert.equal((await inbound(m.id))?.status, 'created');
});

test('a box held by another poller is skipped until its lease expires; a disabled box is never polled', async () => {
  const box = await addBox();
  const at = tick();
  await t.deps.database.db
    .updateTable('imap_mailboxes')
    .set({ poll_claim: 'autre-noeud', poll_claimed_at: at.toISOString() })
    .where('id', '=', box.id)
    .execute();
  assert.equal(await pollMailbox(t.deps, org, box.id, new Date(at.getTime() + POLL_LEASE_MS - 1000)), null);
  assert.deepEqual(await pollMailbox(t.deps, org, box.id, new Date(at.getTime() + POLL_LEASE_MS + 1000)), {
    imported: 0,
    error: null,
  });
  clock = at.getTime() + POLL_LEASE_MS + 60_000;
  const patched = await admin('PATCH', `/api/mail/imap/${box.id}`, { version: box.version, enabled: false });
  assert.equal(patched.statusCode, 200, patched.body);
  await imap.append(raw('Boîte désactivée').text);
  assert.equal(await pollMailbox(t.deps, org, box.id, tick()), null);
  assert.equal(await pollAll(t.deps, tick()), 0);
});

test('administration: password never returned, stored encrypted; test connection; roles and tenants', async () => {
  const box = await addBox();
  const shown = (await admin('GET', '/api/mail/imap')).json().items.find((b: { id: string }) => b.id === box.id);
  assert.equal('password' in shown, false);
  assert.equal(JSON.stringify(shown).includes(imap.password), false);
  const stored = await boxRow(box.id);
  assert.notEqual(stored.password_encrypted, imap.password);
  assert.equal(t.deps.cipher.decrypt(stored.password_encrypted), imap.password);
  const ok = await admin('POST', `/api/mail/imap/${box.id}/test`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.json().ok, ok.json().messages], [true, 0]);
  const wrongFolder = await admin('PATCH', `/api/mail/imap/${box.id}`, { version: box.version, folder: 'Nulle-part' });
  assert.equal(wrongFolder.statusCode, 200, wrongFolder.body);
  const failed = (await admin('POST', `/api/mail/imap/${box.id}/test`)).json();
  assert.deepEqual([failed.ok, failed.errorCode], [false, 'imap.error.folder']);
  assert.match(failed.error, /«\u00a0Nulle-part\u00a0»/);
  const refused = await addBox({ port: 1 });
  assert.equal((await admin('POST', `/api/mail/imap/${refused.id}/test`)).json().errorCode, 'imap.error.refused');
  assert.equal(
    (await admin('POST', '/api/mail/imap', { host: 'x', username: 'u', password: 'p', addressId: 'nope' })).statusCode,
    422,
  );
  assert.equal((await admin('POST', '/api/mail/imap', { host: 'x y', username: 'u', password: 'p', addressId })).statusCode, 400);
  const coord = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  await coord('POST', '/api/me/organization', { organizationId: org });
  assert.equal((await coord('GET', '/api/mail/imap')).statusCode, 403);
  const bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await bellevue('GET', `/api/mail/imap/${box.id}`)).statusCode, 404);
  assert.equal((await bellevue('POST', `/api/mail/imap/${box.id}/test`)).statusCode, 404);
  assert.equal((await bellevue('GET', '/api/mail/imap')).json().items.length, 0);
  assert.equal((await admin('DELETE', `/api/mail/imap/${box.id}`)).statusCode, 204);
});
