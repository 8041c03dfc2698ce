import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { newRequest } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

type Part = { name: string; value: string } | { name: string; filename: string; type?: string; data: Buffer };

/** A multipart/form-data body built by hand, as a browser's FormData would send it. */
function form(parts: Part[]) {
  const boundary = `----relais-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in p) chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else {
      const head = `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`;
      chunks.push(Buffer.from(head), p.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const file = (filename: string, data: Buffer, type?: string): Part => ({ name: 'file', filename, data, type });

let t: TestApp;
let requester: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let orgId: string;
let requesterId: string;
let serviceId: string;

before(async () => {
  t = await testApp({ demo: true, env: { MAX_UPLOAD_MB: '1' } });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const me = (await requester('GET', '/api/me')).json();
  [orgId, requesterId] = [me.organization.id, me.user.id];
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
});
after(() => t.close());

async function newQuote(): Promise<string> {
  const res = await requester('POST', '/api/requests', { serviceId, title: 'Devis', answers: { besoin: 'Chaises' } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

const upload = (who: ReturnType<typeof as>, id: string, parts: Part[]) => {
  const { body, headers } = form(parts);
  return who('POST', `/api/requests/${id}/attachments`, body, headers);
};

/** Every file under DATA_DIR/files, temp parts included. */
function storedFiles(dir = path.join(t.db.dataDir, 'files')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? storedFiles(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}
const fileCount = () => storedFiles().length;

test('a PDF is stored with the type read from its bytes, listed on the request and on its timeline', async () => {
  const id = await newQuote();
  const res = await upload(requester, id, [file('..\\..\\Devis\u202e bureau+été.pdf', PDF, 'text/html')]);
  assert.equal(res.statusCode, 201, res.body);
  const [item] = res.json().items;
  assert.equal(item.contentType, 'application/pdf');
  assert.equal(item.fileName, 'Devis bureau+été.pdf');
  assert.equal(item.size, PDF.length);
  assert.equal(item.internal, false);
  assert.equal(item.uploadedById, requesterId);
  const seen = (await requester('GET', `/api/requests/${id}`)).json();
  assert.deepEqual(seen.attachments, [item]);
  const event = seen.timeline.find((e: { kind: string }) => e.kind === 'attachment_added');
  assert.equal(event.data.attachmentId, item.id);
});

test('HTML, SVG and executables answer 415 naming the accepted types; nothing is kept', async () => {
  const id = await newQuote();
  const before = fileCount();
  const cases = [
    file('note.txt', Buffer.from('<!doctype html><html><script>alert(1)</script>'), 'text/plain'),
    file('logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'),
    file('facture.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]), 'application/pdf'),
  ];
  for (const part of cases) {
    const res = await upload(requester, id, [file('ok.pdf', PDF), part]);
    assert.equal(res.statusCode, 415, `${(part as { filename: string }).filename}: ${res.body}`);
    assert.equal(res.json().code, 'unsupported_media_type');
    assert.equal(res.headers.connection, 'close', 'the unread rest of the body must not poison the connection');
    assert.match(res.json().message, /Types acceptés\u00a0: PDF/);
  }
  const notText = await upload(requester, id, [
    file('a.csv', Buffer.concat([Buffer.from('a;b\n'.repeat(2000)), Buffer.from([0xff])])),
  ]);
  assert.equal(notText.statusCode, 415, 'invalid UTF-8 after the sniffed head is caught too');
  assert.equal(fileCount(), before);
  assert.equal((await requester('GET', `/api/requests/${id}`)).json().attachments.length, 0);
  const json = await requester('POST', `/api/requests/${id}/attachments`, { file: 'x' });
  assert.equal(json.statusCode, 415);
  assert.equal((await upload(requester, id, [{ name: 'internal', value: 'false' }])).statusCode, 400);
});

test('a file over MAX_UPLOAD_MB answers 413 and leaves no file, not even a partial one', async () => {
  const id = await newQuote();
  const before = fileCount();
  const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)]);
  const res = await upload(requester, id, [file('petit.pdf', PDF), file('gros.pdf', big)]);
  assert.equal(res.statusCode, 413, res.body);
  assert.equal(res.json().code, 'payload_too_large');
  assert.match(res.json().message, /1\u00a0Mo/);
  assert.equal(fileCount(), before);
  const eleven = Array.from({ length: 11 }, (_, i) => file(`f${i}.pdf`, PDF));
  const many = await upload(requester, id, eleven);
  assert.equal(many.statusCode, 413, 'more than 10 files in one upload');
  assert.equal(fileCount(), before);
  const empty = await upload(requester, id, [file('vide.txt', Buffer.alloc(0))]);
  assert.equal(empty.statusCode, 422);
  assert.match(empty.json().message, /«\u00a0vide.txt\u00a0» est vide/);
  assert.equal((await requester('GET', `/api/requests/${id}`)).json().attachments.length, 0);
});

test('downloads are always files: sniffed type, RFC 5987 name, nosniff, sandbox', async () => {
  const id = await newQuote();
  const csv = Buffer.from('nom;montant\nÉlodie;12,50\n');
  const res = await upload(requester, id, [file('Relevé août.csv', csv, 'text/html'), file('devis.pdf', PDF)]);
  assert.equal(res.statusCode, 201, res.body);
  const [text, pdf] = res.json().items;
  const got = await assistant('GET', `/api/requests/${id}/attachments/${text.id}`);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(
    got.headers['content-disposition'],
    `attachment; filename="Releve aout.csv"; filename*=UTF-8''Relev%C3%A9%20ao%C3%BBt.csv`,
  );
  assert.equal(got.headers['x-content-type-options'], 'nosniff');
  assert.equal(got.headers['content-security-policy'], 'sandbox');
  assert.deepEqual(got.rawPayload, csv);
  const bin = await requester('GET', `/api/requests/${id}/attachments/${pdf.id}`);
  assert.equal(bin.headers['content-type'], 'application/pdf');
  assert.deepEqual(bin.rawPayload, PDF);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('GET', `/api/requests/${id}/attachments/${pdf.id}`)).statusCode, 404);
  const elsewhere = await newQuote();
  assert.equal((await requester('GET', `/api/requests/${elsewhere}/attachments/${pdf.id}`)).statusCode, 404);
});

test('internal files are staff-only: hidden from the requester, who cannot upload or delete them', async () => {
  const id = await newQuote();
  const res = await upload(assistant, id, [file('note interne.pdf', PDF), { name: 'internal', value: 'true' }]);
  assert.equal(res.statusCode, 201, res.body);
  const [item] = res.json().items;
  assert.equal(item.internal, true);
  const seen = (await requester('GET', `/api/requests/${id}`)).json();
  assert.deepEqual(seen.attachments, []);
  assert.ok(!seen.timeline.some((e: { kind: string }) => e.kind === 'attachment_added'));
  assert.equal((await requester('GET', `/api/requests/${id}/attachments/${item.id}`)).statusCode, 404);
  assert.equal((await requester('DELETE', `/api/requests/${id}/attachments/${item.id}`)).statusCode, 404);
  const staff = (await assistant('GET', `/api/requests/${id}`)).json();
  assert.equal(staff.attachments[0].id, item.id);
  const sneaky = await upload(requester, id, [{ name: 'internal', value: 'true' }, file('a.pdf', PDF)]);
  assert.equal(sneaky.statusCode, 403);
});

test('the uploader or staff deletes a file: bytes removed, timeline event', async () => {
  const id = await newQuote();
  const mine = (await upload(requester, id, [file('a.pdf', PDF)])).json().items[0];
  const theirs = (await upload(assistant, id, [file('b.pdf', PDF)])).json().items[0];
  const count = fileCount();
  assert.equal((await requester('DELETE', `/api/requests/${id}/attachments/${theirs.id}`)).statusCode, 403);
  assert.equal((await requester('DELETE', `/api/requests/${id}/attachments/${mine.id}`)).statusCode, 204);
  assert.equal((await assistant('DELETE', `/api/requests/${id}/attachments/${theirs.id}`)).statusCode, 204);
  assert.equal(fileCount(), count - 2);
  const seen = (await requester('GET', `/api/requests/${id}`)).json();
  assert.deepEqual(seen.attachments, []);
  assert.equal(seen.timeline.filter((e: { kind: string }) => e.kind === 'attachment_removed').length, 2);
  assert.equal((await requester('GET', `/api/requests/${id}/attachments/${mine.id}`)).statusCode, 404);
});

test('downloading a file of a confidential request is recorded like reading it', async () => {
  const id = await newRequest(t.deps, orgId, { requesterId, confidential: true });
  const item = (await upload(requester, id, [file('contrat.pdf', PDF)])).json().items[0];
  assert.equal((await requester('GET', `/api/requests/${id}/attachments/${item.id}`)).statusCode, 200);
  const db = t.deps.database.db;
  const events = await db
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', id)
    .where('kind', '=', 'viewed')
    .execute();
  assert.ok(events.some((e) => e.data.attachmentId === item.id && e.actor_id === requesterId && !e.public));
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', id)
    .where('action', '=', 'request.attachment_downloaded')
    .execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0].summary.attachmentId, item.id);
  assert.equal((await assistant('GET', `/api/requests/${id}/attachments/${item.id}`)).statusCode, 403);
});

test('files for a form answer are staged first, then bound to the request at creation (own files only)', async () => {
  const stage = (who: ReturnType<typeof as>, parts: Part[]) => {
    const { body, headers } = form(parts);
    return who('POST', '/api/uploads', body, headers);
  };
  const staged = await stage(requester, [file('ticket.pdf', PDF)]);
  assert.equal(staged.statusCode, 201, staged.body);
  const [pdf] = staged.json().items;
  assert.equal(pdf.contentType, 'application/pdf');
  assert.equal(
    (await stage(requester, [file('x.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))])).statusCode,
    415,
  );
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const expenses = services.find((s) => s.name === 'Note de frais')?.id;
  const body = (ids: string[]) => ({
    serviceId: expenses,
    title: 'Frais de novembre',
    answers: { mois: '2026-11-01', montant: 42.5, justificatifs: ids },
  });
  const theirs = (await stage(assistant, [file('autre.pdf', PDF)])).json().items[0].id;
  const refused = await requester('POST', '/api/requests', body([theirs]));
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(
    refused.json().details.fields.map((f: { path: string }) => f.path),
    ['answers.justificatifs'],
  );
  const created = await requester('POST', '/api/requests', body([pdf.id]));
  assert.equal(created.statusCode, 201, created.body);
  const r = created.json();
  assert.deepEqual(
    r.attachments.map((a: { id: string }) => a.id),
    [pdf.id],
  );
  assert.ok(r.timeline.some((e: { kind: string }) => e.kind === 'attachment_added'));
  const download = await requester('GET', `/api/requests/${r.id}/attachments/${pdf.id}`);
  assert.equal(download.statusCode, 200);
  assert.equal((await requester('POST', '/api/requests', body([pdf.id]))).statusCode, 400, 'a file is bound once');
});
