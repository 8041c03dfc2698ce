import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { purgePendingFiles } from './message-files.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
const api: Record<string, Api> = {};
let topic: string;
let secret: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart/form-data body with one file part `file`, as a browser's FormData would send it. */
function form(filename: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = `----relais-${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (who: string, channelId: string, filename: string, data: Buffer, type?: string) => {
  const { body, headers } = form(filename, data, type);
  return api[who]('POST', `/api/channels/${channelId}/attachments`, body, headers);
};

async function uploaded(who: string, channelId: string, filename = 'devis.pdf') {
  const res = await upload(who, channelId, filename, PDF);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; name: string; size: number; mime: string };
}

const post = (who: string, channelId: string, body: string, attachmentIds: string[]) =>
  api[who]('POST', `/api/channels/${channelId}/messages`, { body, attachmentIds });

function storedFiles(dir = path.join(t.db.dataDir, 'files')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? storedFiles(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

before(async () => {
  t = await testApp({ demo: true, env: { MAX_UPLOAD_MB: '1' } });
  for (const who of ['assistante', 'referent', 'demandeur', 'dpo'])
    api[who] = as(t.app, await login(t.app, `${who}@horizon.test`));
  api.other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  topic = (await api.assistante('POST', '/api/channels', { kind: 'topic', name: 'Fichiers (test)' })).json().id;
  secret = (await api.assistante('POST', '/api/channels', { kind: 'topic', name: 'Paie (test)', private: true })).json().id;
  assert.equal((await api.demandeur('POST', `/api/channels/${topic}/join`)).statusCode, 200);
});
after(() => t.close());

test('upload, post with the file, download by a reader; 404 for another organisation and a private channel outsider', async () => {
  const file = await uploaded('demandeur', topic, 'Devis bureau.pdf');
  assert.deepEqual([file.name, file.size, file.mime], ['Devis bureau.pdf', PDF.length, 'application/pdf']);
  // Pending: only its uploader may fetch it.
  assert.equal((await api.demandeur('GET', `/api/message-attachments/${file.id}`)).statusCode, 200);
  assert.equal((await api.assistante('GET', `/api/message-attachments/${file.id}`)).statusCode, 404);
  const res = await post('demandeur', topic, 'Voici le devis', [file.id]);
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json().attachments, [file]);
  const listed = (await api.referent('GET', `/api/channels/${topic}/messages`)).json().items;
  assert.deepEqual(listed.find((m: { id: string }) => m.id === res.json().id).attachments, [file]);
  const got = await api.referent('GET', `/api/message-attachments/${file.id}`);
  assert.equal(got.statusCode, 200);
  assert.deepEqual(got.rawPayload, PDF);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.match(String(got.headers['content-disposition']), /^attachment;/);
  assert.equal(got.headers['x-content-type-options'], 'nosniff');
  assert.equal((await api.other('GET', `/api/message-attachments/${file.id}`)).statusCode, 404);
  const hidden = await uploaded('assistante', secret);
  assert.equal((await post('assistante', secret, 'Bulletins', [hidden.id])).statusCode, 201);
  assert.equal((await api.assistante('GET', `/api/message-attachments/${hidden.id}`)).statusCode, 200);
  for (const who of ['referent', 'demandeur', 'other'])
    assert.equal((await api[who]('GET', `/api/message-attachments/${hidden.id}`)).statusCode, 404, who);
  assert.equal((await upload('referent', secret, 'a.pdf', PDF)).statusCode, 404);
  assert.equal((await upload('other', topic, 'a.pdf', PDF)).statusCode, 404);
  assert.equal((await upload('referent', topic, 'a.pdf', PDF)).statusCode, 422, 'members only');
});

test('HTML and SVG answer 415, an oversized file 413, and nothing is kept', async () => {
  const before = storedFiles().length;
  const html = await upload(
    'demandeur',
    topic,
    'page.html',
    Buffer.from('<!doctype html><script>alert(1)</script>'),
    'text/html',
  );
  assert.equal(html.statusCode, 415, html.body);
  const svg = await upload(
    'demandeur',
    topic,
    'logo.svg',
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    'image/svg+xml',
  );
  assert.equal(svg.statusCode, 415, svg.body);
  const big = await upload('demandeur', topic, 'gros.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)]));
  assert.equal(big.statusCode, 413, big.body);
  assert.equal(big.json().code, 'payload_too_large');
  assert.equal(storedFiles().length, before);
  assert.equal((await api.demandeur('POST', `/api/channels/${topic}/attachments`, { file: 'x' })).statusCode, 415);
});

test('only one’s own pending uploads of that channel can be attached, once (422), at most 10', async () => {
  const theirs = await uploaded('assistante', topic);
  const refused = await post('demandeur', topic, 'Pas à moi', [theirs.id]);
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(refused.json().code, 'unprocessable');
  const elsewhere = await uploaded('assistante', secret);
  assert.equal((await post('assistante', topic, 'Autre canal', [elsewhere.id])).statusCode, 422);
  const mine = await uploaded('demandeur', topic);
  assert.equal((await post('demandeur', topic, 'Inconnu', [mine.id, 'inconnu'])).statusCode, 422);
  assert.equal((await post('demandeur', topic, 'Une fois', [mine.id])).statusCode, 201);
  assert.equal((await post('demandeur', topic, 'Deux fois', [mine.id])).statusCode, 422);
  const eleven = Array.from({ length: 11 }, () => mine.id);
  assert.equal((await post('demandeur', topic, 'Trop', eleven)).statusCode, 400);
});

test('a deleted message keeps its files for moderators only', async () => {
  const file = await uploaded('demandeur', topic);
  const message = (await post('demandeur', topic, 'À supprimer', [file.id])).json();
  assert.equal((await api.demandeur('DELETE', `/api/messages/${message.id}`)).statusCode, 204);
  assert.equal((await api.demandeur('GET', `/api/message-attachments/${file.id}`)).statusCode, 404);
  assert.equal((await api.assistante('GET', `/api/message-attachments/${file.id}`)).statusCode, 404);
  assert.equal((await api.referent('GET', `/api/message-attachments/${file.id}`)).statusCode, 200, 'moderator');
  const page = async (who: string) =>
    (await api[who]('GET', `/api/channels/${topic}/messages`)).json().items.find((m: { id: string }) => m.id === message.id);
  assert.deepEqual((await page('demandeur')).attachments, []);
  assert.equal((await page('referent')).attachments[0].id, file.id);
});

test('pending uploads older than 24 h are removed, files and rows; posted ones stay', async () => {
  const pending = await uploaded('demandeur', topic, 'oublie.pdf');
  const kept = await uploaded('demandeur', topic, 'garde.pdf');
  assert.equal((await post('demandeur', topic, 'Avec fichier', [kept.id])).statusCode, 201);
  const before = storedFiles().length;
  assert.equal(await purgePendingFiles(t.deps, new Date(Date.now() + 3600_000)), 0, 'not yet 24 h old');
  assert.ok((await purgePendingFiles(t.deps, new Date(Date.now() + 25 * 3600_000))) >= 1);
  const rows = await t.deps.database.db
    .selectFrom('message_files')
    .select('id')
    .where('id', 'in', [pending.id, kept.id])
    .execute();
  assert.deepEqual(
    rows.map((r) => r.id),
    [kept.id],
  );
  assert.ok(storedFiles().length < before);
  assert.equal((await api.demandeur('GET', `/api/message-attachments/${pending.id}`)).statusCode, 404);
  assert.equal((await api.demandeur('GET', `/api/message-attachments/${kept.id}`)).statusCode, 200);
});

test('mute: members only (422), 404 when the channel cannot be read; the channel view says it', async () => {
  const res = await api.demandeur('PUT', `/api/channels/${topic}/mute`, { muted: true });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().muted, true);
  const listed = (await api.demandeur('GET', '/api/channels')).json().items.find((c: { id: string }) => c.id === topic);
  assert.equal(listed.muted, true);
  assert.equal((await api.demandeur('PUT', `/api/channels/${topic}/mute`, { muted: false })).json().muted, false);
  assert.equal((await api.referent('PUT', `/api/channels/${topic}/mute`, { muted: true })).statusCode, 422);
  assert.equal((await api.referent('PUT', `/api/channels/${secret}/mute`, { muted: true })).statusCode, 404);
  assert.equal((await api.other('PUT', `/api/channels/${topic}/mute`, { muted: true })).statusCode, 404);
  assert.equal((await api.dpo('PUT', `/api/channels/${topic}/mute`, { muted: true })).statusCode, 403);
  assert.equal((await api.demandeur('PUT', `/api/channels/${topic}/mute`, {})).statusCode, 400);
});
