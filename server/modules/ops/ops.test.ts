import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { claimJobs, defineJob, enqueueJob, finishJob, type Job, jobDefinition } from '../../platform/jobs.ts';
import { newId } from '../../platform/ids.ts';
import { syncSchedules } from '../../platform/scheduler.ts';
import { newImapMailbox, newInboundMessage, newMember, newOrganization, sessionFor } from '../../test/factories.ts';
import { as, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let operator: ReturnType<typeof as>;
let orgName = '';
let orgId = '';
const others: ReturnType<typeof as>[] = [];
let woken = 0;

defineJob({
  name: 'test.ops.fails',
  maxAttempts: 2,
  run: async () => {
    throw new Error('boîte pleine chez le prestataire');
  },
});

before(async () => {
  t = await testApp();
  t.deps.jobsEnqueued = () => void woken++;
  orgName = `Ops ${Date.now()}`;
  orgId = await newOrganization(t.deps, orgName);
  const opId = await newMember(t.deps, orgId, 'requester', null, 'operateur-ops@test.test');
  await t.deps.database.db.updateTable('users').set({ is_operator: true }).where('id', '=', opId).execute();
  operator = as(t.app, await sessionFor(t.deps, opId, orgId));
  for (const role of ['org_admin', 'coordinator', 'requester'] as const) {
    others.push(as(t.app, await sessionFor(t.deps, await newMember(t.deps, orgId, role, null), orgId)));
  }
  await syncSchedules(t.deps.database.db);
});
after(() => t.close());

const db = () => t.deps.database.db;
const jobRow = (id: string) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Runs a job's attempts in-process as a node would (claim, run its definition, record), past each backoff. */
async function runUntilSettled(id: string): Promise<Job> {
  let now = new Date();
  for (let i = 0; i < 5; i++) {
    const claimed = (await claimJobs(t.deps.database, 'node-test', 10, now)).filter((j) => j.id === id);
    for (const job of claimed) {
      const run = jobDefinition(job.name)?.run(t.deps, job.payload ?? {}, job);
      const error = await Promise.resolve(run).then(
        () => null,
        (e: unknown) => e,
      );
      await finishJob(db(), job, 'node-test', error, now);
    }
    const row = await jobRow(id);
    if (row.state === 'failed' || row.state === 'done') return row;
    now = new Date(Date.parse(row.run_at) + 1000);
  }
  return jobRow(id);
}

async function failedJob(): Promise<string> {
  const id = (await enqueueJob(db(), 'test.ops.fails', { n: 1 })) as string;
  const settled = await runUntilSettled(id);
  assert.equal(settled.state, 'failed');
  return id;
}

test('a job that failed all its attempts shows on the ops page with its reason', async () => {
  const id = await failedJob();
  const res = await operator('GET', '/api/platform/ops');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  const shown = body.failedJobs.find((j: { id: string }) => j.id === id);
  assert.ok(shown, 'the failed job is listed');
  assert.equal(shown.lastError, 'boîte pleine chez le prestataire');
  assert.equal(shown.attempts, 2);
  assert.equal(shown.maxAttempts, 2);
  assert.ok(shown.finishedAt);
  const depth = body.queue.find((q: { name: string; state: string }) => q.name === 'test.ops.fails' && q.state === 'failed');
  assert.ok(depth && depth.count >= 1);
  assert.ok(body.schedules.some((s: { name: string; everyMs: number }) => s.name === 'sla-watch' && s.everyMs === 30_000));
  assert.equal(body.lastBackup, null);
});

test('retry puts a failed job back in the queue now, audited, and wakes the runner; 409 when not failed', async () => {
  const id = await failedJob();
  const before = woken;
  const res = await operator('POST', `/api/platform/jobs/${id}/retry`, {});
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().state, 'pending');
  const row = await jobRow(id);
  assert.equal(row.state, 'pending');
  assert.equal(row.attempts, 0);
  assert.ok(Date.parse(row.run_at) <= Date.now());
  assert.equal(woken, before + 1);
  const audit = await db()
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'platform.job_retried')
    .where('target_id', '=', id)
    .execute();
  assert.equal(audit.length, 1);

  const again = await operator('POST', `/api/platform/jobs/${id}/retry`, {});
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'conflict');
  assert.match(again.json().message, /Seul un travail en échec peut être relancé/);
  assert.equal(woken, before + 1, 'a refused retry does not wake the runner');
  assert.equal((await operator('POST', `/api/platform/jobs/${newId()}/retry`, {})).statusCode, 404);
});

test('« Lancer maintenant » enqueues the periodic task carrying the request id; unknown schedule 404', async () => {
  const before = woken;
  const res = await operator('POST', '/api/platform/schedules/sla-watch/run', {}, { 'x-request-id': 'test-req-0001' });
  assert.equal(res.statusCode, 202);
  const row = await jobRow(res.json().id);
  assert.equal(row.name, 'task:sla-watch');
  assert.equal(row.state, 'pending');
  assert.equal(row.max_attempts, 1);
  assert.equal(row.request_id, 'test-req-0001');
  assert.equal(woken, before + 1);
  const audit = await db().selectFrom('audit_log').select('action').where('target_id', '=', 'sla-watch').execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['platform.schedule_run'],
  );
  assert.equal((await operator('POST', '/api/platform/schedules/no-such-task/run', {})).statusCode, 404);
});

test('non-operators get 403 on every ops route', async () => {
  const id = await failedJob();
  for (const call of others) {
    assert.equal((await call('GET', '/api/platform/ops')).statusCode, 403);
    assert.equal((await call('GET', '/api/platform/jobs')).statusCode, 403);
    assert.equal((await call('POST', `/api/platform/jobs/${id}/retry`, {})).statusCode, 403);
    assert.equal((await call('POST', '/api/platform/schedules/sla-watch/run', {})).statusCode, 403);
  }
  assert.equal((await jobRow(id)).state, 'failed', 'nothing was retried');
  assert.equal((await as(t.app, null)('GET', '/api/platform/ops')).statusCode, 401);
});

test('nodes: active when seen < 30 s ago, stopped when it said so, silent otherwise', async () => {
  const now = Date.now();
  const node = (id: string, seenAgoMs: number, stopped: boolean) => ({
    id,
    hostname: `hote-${id}`,
    pid: 4242,
    port: 8080,
    version: '0.1.0',
    started_at: new Date(now - 3_600_000).toISOString(),
    seen_at: new Date(now - seenAgoMs).toISOString(),
    stopped_at: stopped ? new Date(now - seenAgoMs).toISOString() : null,
  });
  const [a, s, m] = [newId(), newId(), newId()];
  await db()
    .insertInto('cluster_nodes')
    .values([node(a, 5_000, false), node(s, 60_000, true), node(m, 45_000, false)])
    .execute();
  const { nodes } = (await operator('GET', '/api/platform/ops')).json();
  const state = (id: string) => nodes.find((n: { id: string }) => n.id === id)?.state;
  assert.deepEqual([state(a), state(s), state(m)], ['active', 'stopped', 'silent']);
  const shown = nodes.find((n: { id: string }) => n.id === a);
  assert.equal(shown.hostname, `hote-${a}`);
  assert.equal(shown.pid, 4242);
  assert.equal(shown.port, 8080);
});

test('mail quarantine per organisation, IMAP mailboxes in error (never their password), last backup', async () => {
  await newInboundMessage(t.deps, orgId);
  await newInboundMessage(t.deps, orgId);
  const box = await newImapMailbox(t.deps, orgId);
  await db()
    .updateTable('imap_mailboxes')
    .set({ last_error: 'Connexion refusée', last_error_code: 'imap_connect' })
    .where('id', '=', box)
    .execute();
  const at = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const backup = (file: string, h: number) => ({
    id: newId(),
    file,
    dialect: 'sqlite',
    bytes: 123_456,
    tables: 40,
    files: 3,
    started_at: at(h + 0.1),
    finished_at: at(h),
  });
  await db()
    .insertInto('backup_runs')
    .values([backup('ancienne.tar', 30), backup('recente.tar', 2)])
    .execute();
  const res = await operator('GET', '/api/platform/ops');
  const body = res.json();
  assert.deepEqual(
    body.quarantine.find((q: { organizationId: string }) => q.organizationId === orgId),
    { organizationId: orgId, organizationName: orgName, count: 2 },
  );
  const err = body.imapErrors.find((b: { id: string }) => b.id === box);
  assert.equal(err.organizationName, orgName);
  assert.equal(err.lastError, 'Connexion refusée');
  assert.doesNotMatch(res.body, /secret|password/i);
  assert.equal(body.lastBackup.file, 'recente.tar');
  assert.equal(body.lastBackup.bytes, 123_456);
});

test('jobs list: newest first, 50 a page with a keyset cursor, filters by state and name', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 53; i++) ids.push((await enqueueJob(db(), 'test.ops.page', { i })) as string);
  // Newest first to the millisecond (UUIDv7 ids: time first, random within a millisecond).
  const newest = [...ids].sort().reverse();
  const first = (await operator('GET', '/api/platform/jobs?name=test.ops.page')).json();
  assert.deepEqual(
    first.items.map((j: { id: string }) => j.id),
    newest.slice(0, 50),
  );
  assert.ok(first.nextCursor);
  const second = (await operator('GET', `/api/platform/jobs?name=test.ops.page&cursor=${first.nextCursor}`)).json();
  assert.deepEqual(
    second.items.map((j: { id: string }) => j.id),
    newest.slice(50),
  );
  assert.equal(second.nextCursor, null);
  const failed = (await operator('GET', '/api/platform/jobs?state=failed')).json();
  assert.ok(failed.items.length >= 1);
  assert.ok(failed.items.every((j: { state: string; name: string }) => j.state === 'failed' && j.name === 'test.ops.fails'));
  const one = failed.items[0];
  for (const key of ['attempts', 'maxAttempts', 'runAt', 'lastError', 'lockedBy', 'requestId', 'createdAt', 'finishedAt'])
    assert.ok(key in one, key);
  assert.equal((await operator('GET', '/api/platform/jobs?state=nope')).statusCode, 400);
  assert.equal((await operator('GET', '/api/platform/jobs?cursor=pas-un-curseur')).statusCode, 400);
});
