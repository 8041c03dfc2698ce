import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { ServerMessage } from '../modules/live/live.protocol.ts';
import { LiveTestClient } from '../modules/live/live.test-client.ts';
import { enqueueJob } from '../platform/jobs.ts';
import { JOBS_CHANNEL } from '../platform/pg-notify.ts';
import { freshDatabase, type TestDatabase, testDialect } from './database.ts';
import { type NodeProcess, signIn, startNodeProcess } from './node-process.ts';
import { waitFor } from './wait.ts';

/**
 * Two real Relais processes on one PostgreSQL database (issue 6): live events cross nodes through
 * LISTEN/NOTIFY, a period of a schedule runs once across the cluster, a job runs once, and killing a node
 * loses no queued job. PostgreSQL only: on SQLite Relais is one process.
 */
const skip = testDialect() !== 'postgres' && 'plusieurs nœuds : PostgreSQL seulement';
let db: TestDatabase;
let nodeA: NodeProcess;
let nodeB: NodeProcess;

before(async () => {
  if (skip) return;
  const template = process.env.RELAIS_DEMO_TEMPLATE;
  db = await freshDatabase('postgres', template);
  // A 3 s lease so that the crashed node's jobs are taken over within the test.
  const env = { JOB_LEASE_SECONDS: '3', RELAIS_DEMO: template ? '0' : '1' };
  nodeA = await startNodeProcess({ databaseUrl: db.url, dataDir: db.dataDir, env });
  nodeB = await startNodeProcess({ databaseUrl: db.url, dataDir: db.dataDir, env });
});
after(async () => {
  if (skip) return;
  await Promise.all([nodeA?.kill('SIGKILL'), nodeB?.kill('SIGKILL')]);
  await db?.drop();
});

const jobs = (name: string) => db.database.db.selectFrom('jobs').selectAll().where('name', '=', name);
const wakeNodes = () => sql`select pg_notify(${JOBS_CHANNEL}, '')`.execute(db.database.db);

test('a chat message posted through node A reaches a WebSocket connected to node B, and a session works on both', {
  skip,
}, async () => {
  const author = await signIn(nodeA.url, 'assistante@horizon.test', 'Groupe Horizon');
  const reader = await signIn(nodeB.url, 'demandeur@horizon.test', 'Groupe Horizon');
  // The session made on node A is valid on node B (sessions live in the database).
  const cross = await fetch(`${nodeB.url}/api/me`, { headers: { cookie: author.cookie } });
  assert.equal(cross.status, 200);
  const channel = await author.call<{ id: string }>('POST', '/api/channels', { kind: 'topic', name: 'Entre deux nœuds' });
  assert.equal(channel.status, 201, JSON.stringify(channel.body));
  const ws = await LiveTestClient.open(`${nodeB.url.replace(/^http/, 'ws')}/api/live`, {
    cookie: reader.cookie,
    origin: nodeB.url,
  });
  try {
    const posted = await author.call<{ id: string }>('POST', `/api/channels/${channel.body.id}/messages`, {
      body: 'Bonjour du nœud A',
    });
    assert.equal(posted.status, 201);
    const heard = await ws.next(
      (m: ServerMessage) => m.type === 'channel.message' && m.messageId === posted.body.id && m.action === 'posted',
      'message from the other node',
    );
    assert.equal(heard.type, 'channel.message');
  } finally {
    ws.socket.close();
  }
});

test('every due schedule makes one job across both nodes, three rounds running', { skip }, async () => {
  const names = (await db.database.db.selectFrom('job_schedules').select('name').execute()).map((s) => s.name);
  assert.ok(names.length >= 10);
  const idle = async () =>
    (await db.database.db.selectFrom('jobs').select('id').where('state', 'in', ['pending', 'running']).execute()).length === 0;
  for (let round = 0; round < 3; round++) {
    // A period whose previous job still waits or runs is skipped (never doubled): start each round idle.
    await waitFor('queue idle', idle);
    const since = new Date().toISOString();
    await db.database.db.updateTable('job_schedules').set({ next_run_at: since }).execute();
    await wakeNodes();
    await waitFor('every schedule taken', async () => {
      const rows = await db.database.db
        .selectFrom('job_schedules')
        .select('next_run_at')
        .where('next_run_at', '<=', since)
        .execute();
      return rows.length === 0;
    });
    const made = await db.database.db
      .selectFrom('jobs')
      .select('name')
      .where('created_at', '>=', since)
      .where('name', 'like', 'task:%')
      .execute();
    const counts = new Map<string, number>();
    for (const j of made) counts.set(j.name, (counts.get(j.name) ?? 0) + 1);
    for (const [name, count] of counts) assert.equal(count, 1, `${name} enqueued ${count} times in round ${round}`);
    assert.equal(counts.size, names.length, 'every schedule ran');
  }
  const nodes = await db.database.db.selectFrom('job_schedules').select('last_node').distinct().execute();
  assert.ok(nodes.length >= 1);
});

test('jobs enqueued once run once with both nodes up, and a node killed mid-queue loses none of them', { skip }, async (t) => {
  const name = 'task:staged-uploads';
  await db.database.db.deleteFrom('jobs').where('name', '=', name).execute();
  const batch = async (count: number) => {
    for (let i = 0; i < count; i++) await enqueueJob(db.database.db, name, { i });
    await wakeNodes();
  };
  await batch(60);
  await waitFor('first batch done', async () => (await jobs(name).where('state', '=', 'done').execute()).length === 60);
  const first = await jobs(name).execute();
  assert.ok(
    first.every((j) => j.attempts === 1),
    'no job ran twice',
  );
  assert.equal(new Set(first.map((j) => j.locked_by)).size, 2, 'both nodes took jobs');
  await db.database.db.deleteFrom('jobs').where('name', '=', name).execute();

  await batch(150);
  await waitFor('node A busy', async () => (await jobs(name).where('state', '!=', 'pending').execute()).length > 0, 10_000);
  assert.equal(await nodeA.kill('SIGKILL'), null, 'killed');
  await waitFor(
    'every job done by node B',
    async () => (await jobs(name).where('state', '=', 'done').execute()).length === 150,
    30_000,
  );
  const after = await jobs(name).execute();
  assert.equal(after.length, 150, 'no job lost or added');
  assert.ok(after.every((j) => j.state === 'done' && j.last_error === null));
  t.diagnostic(`taken over from the killed node after its lease: ${after.filter((j) => j.attempts > 1).length}`);
  const ready = await fetch(`${nodeB.url}/api/ready`);
  assert.equal(ready.status, 200, 'the surviving node still serves');
});
