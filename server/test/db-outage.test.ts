import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../db/database.ts';
import { testDialect } from './database.ts';
import { freePort, type HttpSession, type NodeProcess, signIn, startNodeProcess } from './node-process.ts';
import { waitFor } from './wait.ts';

/**
 * PostgreSQL goes away and comes back under a running node (issue 6 §2). A PRIVATE PostgreSQL (initdb +
 * pg_ctl in a temp dir, as the postgres user when we are root) so the shared server on 5432 is never touched.
 * While it is down: /api/ready 503, API calls 503 `database_unavailable` fast, the process stays up; once it is
 * back: ready again, requests and periodic jobs resume without a restart, no job period ran twice.
 */
const BIN = '/usr/lib/postgresql/15/bin';
const skip = testDialect() !== 'postgres' && 'SQLite est dans le processus : pas de panne de base séparée à simuler';
let dir = '';
let port = 0;
let node: NodeProcess | undefined;
let db: Database | undefined;
let session: HttpSession;

const asPostgres = (cmd: string, args: string[]) =>
  userInfo().uid === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args], { stdio: 'pipe' })
    : execFileSync(path.join(BIN, cmd), args, { stdio: 'pipe' });
const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', path.join(dir, 'data'), '-w', ...args]);
const startPg = () =>
  pgCtl('-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');

before(async () => {
  if (skip) return;
  dir = mkdtempSync(path.join(tmpdir(), 'relais-pg-outage-'));
  if (userInfo().uid === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), 0);
  port = await freePort();
  asPostgres('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  startPg();
  const url = `postgres://postgres@127.0.0.1:${port}`;
  const admin = await openDatabase(`${url}/postgres`);
  await sql`create database relais`.execute(admin.db);
  await admin.destroy();
  node = await startNodeProcess({ databaseUrl: `${url}/relais`, dataDir: dir, env: { RELAIS_DEMO: '1' }, timeoutMs: 180_000 });
  db = await openDatabase(`${url}/relais`);
  session = await signIn(node.url, 'assistante@horizon.test', 'Groupe Horizon');
});
after(async () => {
  if (skip) return;
  if (node && (node.child.exitCode !== null || node.child.signalCode !== null))
    console.error(`le nœud s’est arrêté :\n${node.output.slice(-40).join('\n')}`);
  await node?.kill('SIGKILL');
  await db?.destroy().catch(() => {});
  if (dir) {
    try {
      pgCtl('-m', 'immediate', 'stop');
    } catch {
      /* already stopped */
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function kdb() {
  return db?.db ?? assert.fail('base de test non ouverte');
}
const ready = () => fetch(`${node?.url}/api/ready`).then((r) => r.status);
/** Polls /api/ready until it answers `status`; returns how long it took (ms). */
function readyBecomes(status: number, ms: number): Promise<number> {
  return waitFor(`/api/ready = ${status}`, async () => (await ready()) === status, ms);
}
async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const start = Date.now();
  const out = await call();
  return [out, Date.now() - start];
}

test('PostgreSQL stopped then restarted: 503 database_unavailable fast, the node survives and resumes', { skip }, async (c) => {
  assert.equal(await ready(), 200);
  const services = await session.call<{ items: { id: string; name: string }[] }>('GET', '/api/catalog/services');
  const serviceId = services.body.items.find((s) => s.name === 'Demande de devis')?.id;
  const quote = { serviceId, title: 'Pendant la panne', answers: { besoin: 'Chaises' } };
  assert.equal((await session.call('POST', '/api/requests', quote)).status, 201);

  const [, stopMs] = await timed(async () => pgCtl('-m', 'fast', 'stop'));
  const redMs = await readyBecomes(503, 10_000);
  const latencies: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (const [method, url, body] of [
      ['GET', '/api/requests', undefined],
      ['POST', '/api/requests', quote],
      ['GET', '/api/me', undefined],
    ] as const) {
      const [res, ms] = await timed(() => session.call<{ code: string; message: string }>(method, url, body));
      latencies.push(ms);
      assert.equal(res.status, 503, `${method} ${url}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'database_unavailable');
      assert.equal(res.body.message, 'La base de données est momentanément injoignable. Réessayez dans quelques instants.');
      assert.ok(ms < 5_000, `${method} ${url} answered in ${ms} ms`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  assert.equal(node?.child.exitCode, null, 'the node is still running');

  const restartedAt = new Date();
  startPg();
  const greenMs = await readyBecomes(200, 15_000);
  assert.equal((await session.call('GET', '/api/requests')).status, 200);
  assert.equal((await session.call('POST', '/api/requests', { ...quote, title: 'Après la panne' })).status, 201);
  const created = await kdb()
    .selectFrom('requests')
    .select('title')
    .where('title', 'in', ['Pendant la panne', 'Après la panne'])
    .execute();
  assert.deepEqual(created?.map((r) => r.title).sort(), ['Après la panne', 'Pendant la panne'], 'nothing created while down');

  // The job runner resumed by itself: a periodic task ran after the restart; no period ran twice.
  const doneSince = async () =>
    (
      await kdb()
        .selectFrom('jobs')
        .select('id')
        .where('name', 'like', 'task:%')
        .where('state', '=', 'done')
        .where('finished_at', '>', restartedAt.toISOString())
        .execute()
    ).length;
  await waitFor('une tâche périodique terminée après le redémarrage', async () => (await doneSince()) > 0, 40_000, 500);
  const twice = await kdb()
    .selectFrom('jobs')
    .select(['dedupe_key', sql<number>`count(*)`.as('n')])
    .where('state', '=', 'done')
    .where('dedupe_key', 'is not', null)
    .groupBy('dedupe_key')
    .having(sql<number>`count(*)`, '>', 1)
    .execute();
  assert.deepEqual(twice, []);
  assert.equal(node?.child.exitCode, null);
  const max = Math.max(...latencies);
  c.diagnostic(
    `pg_ctl stop ${stopMs} ms; ready red after ${redMs} ms; ${latencies.length} API calls answered 503 in ` +
      `${Math.min(...latencies)}–${max} ms; ready green ${greenMs} ms after pg_ctl start returned; ` +
      `${await doneSince()} periodic jobs done since`,
  );
});
