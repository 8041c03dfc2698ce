import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { file, folderId, form, PDF, type Part, storedFiles, uploadTo } from '../modules/archive/archive.test-kit.ts';
import { as, login, type TestApp, testApp } from '../test/harness.ts';

/**
 * A REAL full disk and a REAL read-only disk under the storage root (DATA_DIR/files is a 256 KiB tmpfs, then
 * remounted read-only): every upload path answers 507 `storage_full` / 503 `storage_unavailable` in French,
 * leaves no temp part and no row, and the request is unchanged. Needs root (mount); otherwise skipped.
 */
type Who = ReturnType<typeof as>;
let t: TestApp;
let root = '';
let mounted = false;
let requester: Who;
let assistant: Who;
let serviceId: string;
let requestId: string;

function tryMount(dir: string): string | false {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'pipe' });
    return false;
  } catch (err) {
    return `tmpfs impossible ici (root requis) : ${(err as Error).message.split('\n')[0]}`;
  }
}
const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, root], { stdio: 'pipe' });

let skip: string | false = false;
before(async () => {
  t = await testApp({ demo: true, env: { MAX_UPLOAD_MB: '2' } });
  root = path.join(t.db.dataDir, 'files');
  skip = tryMount(root);
  // CI runs as root: a fault that cannot be staged there is a failure, not a skip.
  if (skip && process.env.CI === 'true') throw new Error(skip);
  mounted = !skip;
  [requester, assistant] = await Promise.all(
    ['demandeur@horizon.test', 'assistante@horizon.test'].map(async (e) => as(t.app, await login(t.app, e))),
  );
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
  const created = await requester('POST', '/api/requests', { serviceId, title: 'Devis', answers: { besoin: 'Chaises' } });
  assert.equal(created.statusCode, 201, created.body);
  requestId = created.json().id;
});
after(async () => {
  if (mounted) execFileSync('umount', ['-l', root], { stdio: 'pipe' });
  await t?.close();
});

/** A PDF of `kib` KiB (the type is read from the bytes). */
const pdf = (kib: number) => Buffer.concat([PDF, Buffer.alloc(kib * 1024 - PDF.length, 0x20)]);
const post = (who: Who, url: string, parts: Part[]) => {
  const { body, headers } = form(parts);
  return who('POST', url, body, headers);
};

/** What an upload must not change: the request (version, attachments, timeline) and the rows of every upload table. */
async function snapshot() {
  const db = t.db.database.db;
  const count = async (table: 'attachments' | 'request_events' | 'message_files' | 'archive_versions') =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const request = (await requester('GET', `/api/requests/${requestId}`)).json();
  return {
    version: request.version,
    attachments: JSON.stringify(request.attachments),
    timeline: JSON.stringify(request.timeline),
    rows: [
      await count('attachments'),
      await count('request_events'),
      await count('message_files'),
      await count('archive_versions'),
    ],
    files: storedFiles(t).sort(),
  };
}

function assertRefused(res: { statusCode: number; body: string }, status: number, code: string, message: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  const body = JSON.parse(res.body);
  assert.equal(body.code, code);
  assert.match(body.message, message);
}

test('a full disk: 507 storage_full on every upload path, nothing half-written, the request unchanged', async (c) => {
  if (skip) return c.skip(skip);
  const small = await post(requester, `/api/requests/${requestId}/attachments`, [file('petit.pdf', pdf(40))]);
  assert.equal(small.statusCode, 201, `the tmpfs takes a small file: ${small.body}`);
  const before = await snapshot();
  const channel = (await assistant('POST', '/api/channels', { kind: 'topic', name: 'Disque plein' })).json();
  const groupe = (await folderId(assistant, 'Groupe Horizon')) ?? assert.fail('dossier Groupe Horizon');
  const afterChannel = await snapshot();
  const big = () => [file('gros.pdf', pdf(600))];
  const full = /^Espace de stockage insuffisant\u00a0: le fichier n’a pas été enregistré\.$/;
  assertRefused(await post(requester, `/api/requests/${requestId}/attachments`, big()), 507, 'storage_full', full);
  assertRefused(await post(requester, '/api/uploads', big()), 507, 'storage_full', full);
  assertRefused(await post(assistant, `/api/channels/${channel.id}/attachments`, big()), 507, 'storage_full', full);
  assertRefused(await uploadTo(assistant, groupe, big()), 507, 'storage_full', full);
  const now = await snapshot();
  assert.deepEqual(now, afterChannel, 'no row, no file, no temp part, same request');
  assert.equal(now.version, before.version);
  assert.ok(!now.files.some((f) => f.endsWith('.part')));
  // Space freed: uploads work again without a restart.
  const small2 = await post(requester, `/api/requests/${requestId}/attachments`, [file('encore.pdf', pdf(40))]);
  assert.equal(small2.statusCode, 201, small2.body);
});

test('a read-only disk: 503 storage_unavailable, nothing recorded; writable again, uploads resume', async (c) => {
  if (skip) return c.skip(skip);
  const before = await snapshot();
  remount('ro');
  try {
    const res = await post(requester, `/api/requests/${requestId}/attachments`, [file('lecture.pdf', pdf(8))]);
    assertRefused(res, 503, 'storage_unavailable', /^Le stockage des fichiers est momentanément inaccessible\u00a0: /);
    assertRefused(await post(requester, '/api/uploads', [file('lecture.pdf', pdf(8))]), 503, 'storage_unavailable', /./);
    assert.deepEqual(await snapshot(), before);
  } finally {
    remount('rw');
  }
  const ok = await post(requester, `/api/requests/${requestId}/attachments`, [file('retour.pdf', pdf(8))]);
  assert.equal(ok.statusCode, 201, ok.body);
});
