/**
 * The hash-chained audit trail (DESIGN rule 3): one chain per organisation, tampering detected and
 * located, by the API, by verifyChain and by `npm run audit:verify`. Direct UPDATE/DELETE on
 * audit_log is the point here: it simulates someone tampering with the database.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { newMember, newOrganization, sessionFor, systemCtx } from '../test/factories.ts';
import { as, type TestApp, testApp } from '../test/harness.ts';
import { verifyAll, verifyChain } from './audit.ts';
import { withTransaction } from './context.ts';

const GENESIS = '0'.repeat(64);
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
let orgA: string;
let orgB: string;
let orgC: string;
let apiA: ReturnType<typeof as>;
let apiB: ReturnType<typeof as>;

const chainRows = (org: string) =>
  t.db.database.db
    .selectFrom('audit_log')
    .select(['id', 'seq', 'prev_hash', 'hash', 'summary', 'action'])
    .where('organization_id', '=', org)
    .orderBy('seq')
    .execute();

async function createFunction(api: ReturnType<typeof as>, code: string) {
  const res = await api('POST', '/api/functions', { name: `Fonction ${code}`, code });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; version: number };
}

before(async () => {
  t = await testApp();
  const { deps } = t;
  orgA = await newOrganization(deps, 'Organisation A');
  orgB = await newOrganization(deps, 'Organisation B');
  orgC = await newOrganization(deps, 'Organisation C');
  apiA = as(t.app, await sessionFor(deps, await newMember(deps, orgA, 'org_admin'), orgA));
  apiB = as(t.app, await sessionFor(deps, await newMember(deps, orgB, 'org_admin'), orgB));
  // Interleaved writes: each chain must still count 1, 2, 3… on its own.
  const f = await createFunction(apiA, 'A1');
  await createFunction(apiB, 'B1');
  await createFunction(apiA, 'A2');
  assert.equal((await apiA('PATCH', `/api/functions/${f.id}`, { name: 'Renommée', version: f.version })).statusCode, 200);
  await createFunction(apiB, 'B2');
  await newMember(deps, orgC, 'requester');
});
after(() => t.close());

test('each organisation has its own chain, starting at seq 1 from the genesis hash', async () => {
  const a = await chainRows(orgA);
  const b = await chainRows(orgB);
  // org.created, user.added, function.created ×2, function.updated
  assert.deepEqual(
    a.map((r) => [r.seq, r.action]),
    [
      [1, 'org.created'],
      [2, 'user.added'],
      [3, 'function.created'],
      [4, 'function.created'],
      [5, 'function.updated'],
    ],
  );
  assert.deepEqual(
    b.map((r) => r.seq),
    [1, 2, 3, 4],
  );
  for (const rows of [a, b]) {
    assert.equal(rows[0].prev_hash, GENESIS);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i].prev_hash, rows[i - 1].hash);
    assert.equal(new Set(rows.map((r) => r.hash)).size, rows.length);
  }
  const heads = await t.db.database.db
    .selectFrom('audit_heads')
    .selectAll()
    .where('organization_id', 'in', [orgA, orgB])
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    heads.map((h) => [h.organization_id, h.seq, h.hash]),
    [
      [orgB, 4, b[3].hash],
      [orgA, 5, a[4].hash],
    ],
  );
});

test('the chains verify after several writes, by function and by the API', async () => {
  assert.deepEqual(await verifyChain(t.db.database.db, orgA), { chain: orgA, rows: 5, ok: true });
  assert.deepEqual(await verifyChain(t.db.database.db, orgB), { chain: orgB, rows: 4, ok: true });
  const res = await apiA('GET', '/api/audit/verify');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { chain: orgA, rows: 5, ok: true });
  const all = await verifyAll(t.db.database.db);
  assert.ok(all.every((r) => r.ok));
  assert.deepEqual(all.map((r) => r.chain).sort(), [orgA, orgB, orgC].sort());
});

test('a rolled-back write leaves no audit row and does not move the head', async () => {
  const beforeRows = await chainRows(orgA);
  await assert.rejects(
    withTransaction(systemCtx(t.deps, orgA), async (_trx, record) => {
      await record({ action: 'test.rolled_back', targetType: 'test', targetId: null, summary: {} });
      throw new Error('annulé');
    }),
    /annulé/,
  );
  assert.deepEqual(await chainRows(orgA), beforeRows);
  assert.deepEqual(await verifyChain(t.db.database.db, orgA), { chain: orgA, rows: 5, ok: true });
});

/** Runs `npm run audit:verify` (server/cli/audit-verify.ts) against this test's database. */
function auditVerifyCli(env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: t.db.url, DATA_DIR: t.db.dataDir, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

test('audit:verify prints one French line per intact chain and exits 0; exit 2 when it cannot run', async () => {
  // Both processes at once: each start costs more than a second.
  const [{ code, out }, invalid] = await Promise.all([auditVerifyCli(), auditVerifyCli({ DATABASE_URL: 'mysql://nope' })]);
  assert.equal(invalid.code, 2, invalid.out);
  assert.match(invalid.out, /^Configuration invalide\u00a0:\n {2}- DATABASE_URL: /);
  assert.doesNotMatch(invalid.out, /\n\s+at /);
  assert.equal(code, 0, out);
  const lines = out.trim().split('\n').sort();
  assert.deepEqual(lines, [
    '✓ Organisation A\u00a0: 5 entrées, chaîne intacte',
    '✓ Organisation B\u00a0: 4 entrées, chaîne intacte',
    '✓ Organisation C\u00a0: 2 entrées, chaîne intacte',
  ]);
});

test('tampering with one row’s summary is detected and names that row; restoring it heals the chain', async () => {
  const db = t.db.database.db;
  const rows = await chainRows(orgB);
  const target = rows[2];
  await db
    .updateTable('audit_log')
    .set({ summary: JSON.stringify({ after: { name: 'Falsifiée', code: 'B1' } }) })
    .where('id', '=', target.id)
    .execute();
  const broken = { chain: orgB, rows: 4, ok: false, firstBroken: { id: target.id, seq: 3, reason: 'contenu modifié' } };
  assert.deepEqual(await verifyChain(db, orgB), broken);
  const res = await apiB('GET', '/api/audit/verify');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), broken);
  // Another organisation's chain is unaffected.
  assert.deepEqual((await apiA('GET', '/api/audit/verify')).json(), { chain: orgA, rows: 5, ok: true });
  // Same content written back (in another key order): the canonical hash matches again.
  const original = target.summary as { after: Record<string, unknown> };
  const reordered = { after: Object.fromEntries(Object.entries(original.after).reverse()) };
  await db
    .updateTable('audit_log')
    .set({ summary: JSON.stringify(reordered) })
    .where('id', '=', target.id)
    .execute();
  assert.deepEqual(await verifyChain(db, orgB), { chain: orgB, rows: 4, ok: true });
});

test('changing the actor or the time of a row is detected as well', async () => {
  const db = t.db.database.db;
  const [, second] = await chainRows(orgA);
  const row = await db
    .selectFrom('audit_log')
    .select(['actor_label', 'created_at'])
    .where('id', '=', second.id)
    .executeTakeFirstOrThrow();
  await db.updateTable('audit_log').set({ actor_label: 'Quelqu’un d’autre' }).where('id', '=', second.id).execute();
  assert.deepEqual((await verifyChain(db, orgA)).firstBroken, { id: second.id, seq: 2, reason: 'contenu modifié' });
  await db
    .updateTable('audit_log')
    .set({ actor_label: row.actor_label, created_at: '2020-01-01T00:00:00.000Z' })
    .where('id', '=', second.id)
    .execute();
  assert.deepEqual((await verifyChain(db, orgA)).firstBroken, { id: second.id, seq: 2, reason: 'contenu modifié' });
  await db.updateTable('audit_log').set({ created_at: row.created_at }).where('id', '=', second.id).execute();
  assert.equal((await verifyChain(db, orgA)).ok, true);
});

test('deleting a row in the middle names the row that follows the gap', async () => {
  const db = t.db.database.db;
  const rows = await chainRows(orgA);
  await db.deleteFrom('audit_log').where('id', '=', rows[2].id).execute();
  assert.deepEqual(await verifyChain(db, orgA), {
    chain: orgA,
    rows: 4,
    ok: false,
    firstBroken: { id: rows[3].id, seq: 4, reason: 'séquence attendue 3, trouvée 4' },
  });
});

test('deleting the last row is detected through the chain head', async () => {
  const db = t.db.database.db;
  const rows = await chainRows(orgC);
  assert.equal(rows.length, 2);
  await db.deleteFrom('audit_log').where('id', '=', rows[1].id).execute();
  assert.deepEqual(await verifyChain(db, orgC), {
    chain: orgC,
    rows: 1,
    ok: false,
    firstBroken: { id: '-', seq: 2, reason: 'lignes supprimées en fin de chaîne' },
  });
});

test('deleting a chain head does not hide its rows from verification', async () => {
  const db = t.db.database.db;
  await db.deleteFrom('audit_heads').where('organization_id', '=', orgB).execute();
  const report = (await verifyAll(db)).find((r) => r.chain === orgB);
  assert.deepEqual(report, {
    chain: orgB,
    rows: 4,
    ok: false,
    firstBroken: { id: '-', seq: 5, reason: 'tête de chaîne absente' },
  });
});

test('audit:verify exits 1 and names the first broken row of each broken chain', async () => {
  const { code, out } = await auditVerifyCli();
  assert.equal(code, 1, out);
  const lines = out.trim().split('\n');
  const a = (await chainRows(orgA))[2];
  assert.ok(
    lines.includes(`✗ Organisation A\u00a0: chaîne rompue à l’entrée n°\u00a04 (id ${a.id}) — séquence attendue 3, trouvée 4`),
    out,
  );
  assert.ok(
    lines.includes('✗ Organisation C\u00a0: chaîne rompue à l’entrée n°\u00a02 (id -) — lignes supprimées en fin de chaîne'),
    out,
  );
  assert.ok(lines.includes('✗ Organisation B\u00a0: chaîne rompue à l’entrée n°\u00a05 (id -) — tête de chaîne absente'), out);
  assert.equal(lines.length, 3);
});
