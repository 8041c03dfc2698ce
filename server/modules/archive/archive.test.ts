import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { field, file, form, PDF, storedFiles, uploadTo } from './archive.test-kit.ts';

type Who = ReturnType<typeof as>;
let t: TestApp;
let coord: Who;
let assistant: Who;
let requester: Who;
let dpo: Who;
let executive: Who;
let agentRh: Who;
let strasbourg: Who;
let folders: Map<string, string>;

before(async () => {
  t = await testApp({ demo: true, env: { MAX_UPLOAD_MB: '1' } });
  const who = async (email: string) => as(t.app, await login(t.app, email));
  [coord, assistant, requester, dpo, executive, agentRh, strasbourg] = await Promise.all(
    [
      'referent@horizon.test',
      'assistante@horizon.test',
      'demandeur@horizon.test',
      'dpo@horizon.test',
      'dirigeant@horizon.test',
      'agent-rh@horizon.test',
      'lukas.meyer@horizon.test',
    ].map(who),
  );
  const items = (await coord('GET', '/api/archive/folders')).json().items as { id: string; name: string }[];
  folders = new Map(items.map((f) => [f.name, f.id]));
});
after(() => t.close());

const id = (name: string) => folders.get(name) ?? assert.fail(`dossier ${name}`);
const names = async (who: Who) =>
  ((await who('GET', '/api/archive/folders')).json().items as { name: string }[]).map((f) => f.name).sort();

test('folders: roles, teams, site binding, inheritance; the DPO reads all and writes none', async () => {
  assert.deepEqual(await names(requester), ['Lyon — Siège', 'Modèles et formulaires']);
  assert.deepEqual(await names(strasbourg), ['Modèles et formulaires', 'Strasbourg — Usine']);
  const staff = await names(assistant);
  assert.ok(staff.includes('Groupe Horizon') && staff.includes('Contrats fournisseurs'), 'inherited from Groupe Horizon');
  assert.ok(!staff.includes('RH — dossiers'), 'RH team only');
  assert.ok((await names(agentRh)).includes('RH — dossiers'), 'member of the RH team');
  assert.equal((await names(dpo)).length, folders.size);
  assert.equal((await assistant('GET', `/api/archive/folders/${id('RH — dossiers')}`)).statusCode, 404);
  assert.equal((await requester('GET', `/api/archive/folders/${id('Strasbourg — Usine')}`)).statusCode, 404);
  const contrats = (await assistant('GET', `/api/archive/folders/${id('Contrats fournisseurs')}`)).json();
  assert.equal(contrats.effective.inheritedFrom, id('Groupe Horizon'));
  assert.deepEqual(contrats.allowedActions, ['archive.upload']);
  // Readable but not writable: 403; unreadable: 404; the DPO: 403 on every write.
  const pdf = [file('note.pdf', PDF)];
  assert.equal((await uploadTo(executive, id('Contrats fournisseurs'), pdf)).statusCode, 403);
  assert.equal((await uploadTo(assistant, id('RH — dossiers'), pdf)).statusCode, 404);
  assert.equal((await uploadTo(dpo, id('Groupe Horizon'), pdf)).statusCode, 403);
  assert.equal((await uploadTo(agentRh, id('RH — dossiers'), pdf)).statusCode, 201);
  assert.equal((await assistant('POST', '/api/archive/folders', { name: 'Perso' })).statusCode, 403);
  const other = as(t.app, await login(t.app, 'referent@bellevue.test'));
  assert.equal((await other('GET', `/api/archive/folders/${id('Groupe Horizon')}`)).statusCode, 404);
  assert.ok(!(await names(other)).includes('Groupe Horizon'));
});

test('a folder with team permissions: members of the team only; own permissions override the parent', async () => {
  const teams = (await coord('GET', '/api/teams')).json().items as { id: string; name: string }[];
  const pool = teams.find((x) => x.name === 'Pôle assistantes Horizon')?.id ?? '';
  const body = { name: 'Pôle — interne', parentId: id('Modèles et formulaires'), permissions: { readTeams: [pool] } };
  const created = await coord('POST', '/api/archive/folders', body);
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().effective.inheritedFrom, null);
  const elodie = as(t.app, await login(t.app, 'elodie.schmitt@horizon.test'));
  assert.ok((await names(assistant)).includes('Pôle — interne'));
  assert.ok(!(await names(elodie)).includes('Pôle — interne'), 'assistant of another team');
  assert.ok(!(await names(requester)).includes('Pôle — interne'), 'the parent’s permissions are not added');
  const cycle = await coord('PATCH', `/api/archive/folders/${id('Modèles et formulaires')}`, {
    parentId: created.json().id,
    version: 1,
  });
  assert.equal(cycle.statusCode, 409);
  const bad = await coord('POST', '/api/archive/folders', { name: 'X', permissions: { readTeams: ['inconnue'] } });
  assert.equal(bad.statusCode, 422);
});

test('upload: type from the bytes, checksum of the bytes, 415 and 413 leave no file, HTML names kept verbatim', async () => {
  const xss = '<img src=x onerror=alert(1)>.pdf';
  const res = await uploadTo(assistant, id('Groupe Horizon'), [
    field('type', 'facture'),
    field('retention', 'comptable'),
    field('tags', 'achats, été'),
    file(xss, PDF),
  ]);
  assert.equal(res.statusCode, 201, res.body);
  const doc = res.json();
  assert.equal(doc.name, xss);
  assert.equal(doc.file.fileName, xss);
  assert.equal(doc.file.contentType, 'application/pdf');
  assert.equal(doc.file.sha256, createHash('sha256').update(PDF).digest('hex'));
  assert.equal(doc.file.size, PDF.length);
  assert.deepEqual([doc.type, doc.retention, doc.tags, doc.currentVersion], ['facture', 'comptable', ['achats', 'été'], 1]);
  const before = storedFiles(t).length;
  const html = await uploadTo(assistant, id('Groupe Horizon'), [
    file('page.pdf', Buffer.from('<!doctype html><script>x</script>')),
  ]);
  assert.equal(html.statusCode, 415);
  const svg = await uploadTo(assistant, id('Groupe Horizon'), [file('logo.svg', Buffer.from('<svg/>'))]);
  assert.equal(svg.statusCode, 415);
  const big = await uploadTo(assistant, id('Groupe Horizon'), [
    file('gros.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024)])),
  ]);
  assert.equal(big.statusCode, 413);
  const badMeta = await uploadTo(assistant, id('Groupe Horizon'), [file('a.pdf', PDF), field('type', 'inconnu')]);
  assert.equal(badMeta.statusCode, 400);
  const two = await uploadTo(assistant, id('Groupe Horizon'), [file('a.pdf', PDF), file('b.pdf', PDF)]);
  assert.equal(two.statusCode, 413);
  assert.equal(storedFiles(t).length, before, 'no file kept, temp parts included');
  assert.ok(!storedFiles(t).some((f) => f.endsWith('.part')));
});

test('versions, downloads with safe headers (each audited), metadata with concurrency, move and delete', async () => {
  const created = (
    await uploadTo(assistant, id('Contrats fournisseurs'), [field('name', 'Bail Lyon'), file('bail v1.pdf', PDF)])
  ).json();
  const v2bytes = Buffer.from('Avenant n°2 : loyer révisé.\n');
  const { body, headers } = form([file('bail été.txt', v2bytes)]);
  const v2 = await assistant('POST', `/api/archive/documents/${created.id}/versions`, body, headers);
  assert.equal(v2.statusCode, 201, v2.body);
  assert.equal(v2.json().currentVersion, 2);
  assert.deepEqual(
    v2.json().versions.map((v: { number: number }) => v.number),
    [2, 1],
  );
  const latest = await executive('GET', `/api/archive/documents/${created.id}/download`);
  assert.equal(latest.statusCode, 200);
  assert.equal(latest.body, v2bytes.toString());
  assert.equal(latest.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(
    latest.headers['content-disposition'],
    `attachment; filename="bail ete.txt"; filename*=UTF-8''bail%20%C3%A9t%C3%A9.txt`,
  );
  assert.equal(latest.headers['x-content-type-options'], 'nosniff');
  assert.equal(latest.headers['content-security-policy'], 'sandbox');
  const first = await executive('GET', `/api/archive/documents/${created.id}/download?version=1`);
  assert.deepEqual(first.rawPayload, PDF);
  assert.equal((await executive('GET', `/api/archive/documents/${created.id}/download?version=9`)).statusCode, 404);
  const audit = await t.deps.database.db
    .selectFrom('audit_log')
    .select('summary')
    .where('action', '=', 'archive.document_downloaded')
    .where('target_id', '=', created.id)
    .execute();
  assert.equal(audit.length, 2);
  const patch = { name: 'Bail du siège', description: 'Signé en 2026', version: created.version };
  const ok = await assistant('PATCH', `/api/archive/documents/${created.id}`, patch);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await assistant('PATCH', `/api/archive/documents/${created.id}`, patch)).statusCode, 409);
  assert.equal((await executive('PATCH', `/api/archive/documents/${created.id}`, { ...patch, version: 2 })).statusCode, 403);
  const moveToRh = { folderId: id('RH — dossiers'), version: ok.json().version };
  assert.equal((await assistant('PATCH', `/api/archive/documents/${created.id}`, moveToRh)).statusCode, 404);
  const moved = await assistant('PATCH', `/api/archive/documents/${created.id}`, { ...moveToRh, folderId: id('Groupe Horizon') });
  assert.equal(moved.json().folderId, id('Groupe Horizon'));
  assert.equal((await assistant('DELETE', `/api/archive/documents/${created.id}`)).statusCode, 403);
  const before = storedFiles(t).length;
  assert.equal((await coord('DELETE', `/api/archive/documents/${created.id}`)).statusCode, 204);
  assert.equal(storedFiles(t).length, before - 2, 'both versions’ bytes removed');
  assert.equal((await coord('GET', `/api/archive/documents/${created.id}`)).statusCode, 404);
  assert.equal((await coord('DELETE', `/api/archive/folders/${id('Groupe Horizon')}`)).statusCode, 409, 'not empty');
});

test('search: accent-insensitive on name, tags and description; only readable folders; filters', async () => {
  const search = async (who: Who, qs: string) =>
    ((await who('GET', `/api/archive/documents?${qs}`)).json().items as { name: string }[]).map((d) => d.name);
  assert.ok((await search(assistant, 'q=reglement')).includes('Règlement intérieur 2026'));
  assert.ok((await search(assistant, 'q=RÈGLEMENT interieur')).includes('Règlement intérieur 2026'));
  assert.ok((await search(strasbourg, 'q=securite')).includes('Consignes de sécurité de l’usine'));
  assert.ok((await search(strasbourg, 'q=epi')).includes('Consignes de sécurité de l’usine'), 'by tag');
  assert.deepEqual(await search(requester, 'q=securite'), ['Plan d’évacuation du siège'], 'Lyon only, not Strasbourg');
  assert.deepEqual(await search(assistant, 'q=attestation'), [], 'RH folder unreadable');
  assert.deepEqual(await search(agentRh, 'q=diffuser'), ['Attestation employeur — modèle signé'], 'by description');
  const forms = await search(requester, 'type=modele&retention=permanent');
  assert.deepEqual(forms.sort(), ['Formulaire de demande de congés', 'Modèle de note de frais']);
  const sites = (await coord('GET', '/api/sites')).json().items as { id: string; name: string }[];
  const lyon = sites.find((s) => s.name === 'Lyon — Siège')?.id;
  assert.deepEqual(await search(coord, `siteId=${lyon}`), ['Plan d’évacuation du siège']);
  assert.equal((await requester('GET', '/api/archive/documents?type=nope')).statusCode, 400);
});
