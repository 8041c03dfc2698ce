import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newRequest, systemCtx } from '../../test/factories.ts';
import { attachFromArchive } from './archive-bridge.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { file, folderId, form, PDF, storedFiles, uploadTo } from './archive.test-kit.ts';

type Who = ReturnType<typeof as>;
let t: TestApp;
let assistant: Who;
let requester: Who;
let executive: Who;
let agentRh: Who;
let orgId: string;
let requestId: string;
let groupe: string;
let rh: string;
let docId: string;

before(async () => {
  t = await testApp({ demo: true });
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  executive = as(t.app, await login(t.app, 'dirigeant@horizon.test'));
  agentRh = as(t.app, await login(t.app, 'agent-rh@horizon.test'));
  const me = (await requester('GET', '/api/me')).json();
  orgId = me.organization.id;
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
  const res = await requester('POST', '/api/requests', { serviceId, title: 'Devis', answers: { besoin: 'Chaises' } });
  requestId = res.json().id;
  groupe = (await folderId(assistant, 'Groupe Horizon')) ?? '';
  rh = (await folderId(agentRh, 'RH — dossiers')) ?? '';
  docId = (await uploadTo(assistant, groupe, [file('Conditions générales.pdf', PDF)])).json().id;
});
after(() => t.close());

test('attach an archive document to a request: a copy of the bytes, listed with a timeline event', async () => {
  const before = storedFiles(t).length;
  const res = await assistant('POST', `/api/requests/${requestId}/attachments/from-archive`, { documentId: docId });
  assert.equal(res.statusCode, 201, res.body);
  const [item] = res.json().items;
  assert.equal(item.fileName, 'Conditions générales.pdf');
  assert.equal(item.contentType, 'application/pdf');
  assert.equal(storedFiles(t).length, before + 1, 'bytes copied: each side deletes its own');
  const seen = (await requester('GET', `/api/requests/${requestId}`)).json();
  assert.ok(seen.attachments.some((a: { id: string }) => a.id === item.id));
  assert.ok(
    seen.timeline.some(
      (e: { kind: string; data: { attachmentId?: string } }) => e.kind === 'attachment_added' && e.data.attachmentId === item.id,
    ),
  );
  const got = await requester('GET', `/api/requests/${requestId}/attachments/${item.id}`);
  assert.deepEqual(got.rawPayload, PDF);
  // The requester may comment on their request but cannot read the staff folder: 404.
  assert.equal(
    (await requester('POST', `/api/requests/${requestId}/attachments/from-archive`, { documentId: docId })).statusCode,
    404,
  );
  // Internal attachments are for staff; an unknown version is 404.
  const internal = await requester('POST', `/api/requests/${requestId}/attachments/from-archive`, {
    documentId: docId,
    internal: true,
  });
  assert.equal(internal.statusCode, 403);
  const v9 = await assistant('POST', `/api/requests/${requestId}/attachments/from-archive`, { documentId: docId, version: 9 });
  assert.equal(v9.statusCode, 404);
  // Deleting the request's copy keeps the archive's bytes.
  assert.equal((await assistant('DELETE', `/api/requests/${requestId}/attachments/${item.id}`)).statusCode, 204);
  assert.deepEqual((await assistant('GET', `/api/archive/documents/${docId}/download`)).rawPayload, PDF);
});

test('save a request attachment into the archive: read on the request, write on the folder', async () => {
  const { body, headers } = form([file('Devis signé.pdf', PDF)]);
  const up = await requester('POST', `/api/requests/${requestId}/attachments`, body, headers);
  const attachmentId = up.json().items[0].id;
  const input = { attachmentId, folderId: groupe, type: 'facture', retention: 'comptable' };
  const saved = await assistant('POST', '/api/archive/documents/from-attachment', input);
  assert.equal(saved.statusCode, 201, saved.body);
  assert.equal(saved.json().name, 'Devis signé.pdf');
  assert.equal(saved.json().file.sha256, up.json().items[0].sha256 ?? saved.json().file.sha256);
  assert.deepEqual((await assistant('GET', `/api/archive/documents/${saved.json().id}/download`)).rawPayload, PDF);
  const named = await assistant('POST', '/api/archive/documents/from-attachment', { ...input, name: 'Devis chaises' });
  assert.equal(named.json().name, 'Devis chaises');
  // The RH provider reads the (ordinary) request and writes its team's folder.
  assert.equal((await agentRh('POST', '/api/archive/documents/from-attachment', { ...input, folderId: rh })).statusCode, 201);
  // Refusals: no write on the folder (executive 403), unreadable folder (404).
  assert.equal((await executive('POST', '/api/archive/documents/from-attachment', input)).statusCode, 403);
  assert.equal((await assistant('POST', '/api/archive/documents/from-attachment', { ...input, folderId: rh })).statusCode, 404);
  const before = storedFiles(t).length;
  assert.equal(
    (await requester('POST', '/api/archive/documents/from-attachment', { ...input, folderId: groupe })).statusCode,
    404,
  );
  assert.equal(storedFiles(t).length, before, 'a refused copy leaves no file');
});

test('confidential requests: only cleared staff may attach or save their files', async () => {
  const confidential = await newRequest(t.deps, orgId, { confidential: true });
  const res = await assistant('POST', `/api/requests/${confidential}/attachments/from-archive`, { documentId: docId });
  assert.equal(res.statusCode, 403);
  const ctx = systemCtx(t.deps, orgId);
  const { items } = await attachFromArchive(ctx, { organizationId: orgId }, t.deps.storage, confidential, {
    documentId: docId,
    internal: false,
  });
  const input = { attachmentId: items[0]?.id ?? '', folderId: groupe, type: 'autre', retention: 'standard' };
  assert.equal((await assistant('POST', '/api/archive/documents/from-attachment', input)).statusCode, 404, 'not cleared');
  const coordinator = as(t.app, await login(t.app, 'referent@horizon.test'));
  assert.equal(
    (await coordinator('POST', '/api/archive/documents/from-attachment', input)).statusCode,
    404,
    'key user not cleared either',
  );
});
