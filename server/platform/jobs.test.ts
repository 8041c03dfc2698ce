import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../test/harness.ts';
import { waitFor } from '../test/wait.ts';
import { JobRunner } from './job-runner.ts';
import { backoffMs, claimJobs, defineJob, enqueueJob, finishJob, type Job, LEASE_MS, retryJob } from './jobs.ts';
import { currentRequestId, runWithRequestId } from './log-context.ts';
import { enqueueDueSchedules, syncSchedules, TASK_PREFIX } from './scheduler.ts';

let t: TestApp;
const seen: { payload: Record<string, unknown>; reqId: string | null }[] = [];
let release: () => void = () => {};

defineJob({
  name: 'test.echo',
  run: async (_deps, payload) => {
    seen.push({ payload, reqId: currentRequestId() });
  },
});
defineJob({
  name: 'test.slow',
  run: () =>
    new Promise<void>((resolve) => {
      release = resolve;
    }),
});

before(async () => {
  t = await testApp();
});
after(() => t.close());

const db = () => t.deps.database.db;
const job = (id: string) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('jobs claimed by two nodes at once: each job goes to exactly one node', async () => {
  const ids = new Set<string>();
  for (let i = 0; i < 60; i++) ids.add((await enqueueJob(db(), 'test.echo', { i })) as string);
  const claimed: Record<string, string[]> = { a: [], b: [] };
  for (let round = 0; round < 30; round++) {
    const [a, b] = await Promise.all([claimJobs(t.deps.database, 'a', 3), claimJobs(t.deps.database, 'b', 3)]);
    claimed.a.push(...a.map((j) => j.id));
    claimed.b.push(...b.map((j) => j.id));
    if (a.length + b.length === 0) break;
  }
  const all = [...claimed.a, ...claimed.b];
  assert.equal(all.length, ids.size, 'every job claimed once');
  assert.equal(new Set(all).size, ids.size, 'no job claimed twice');
  assert.ok(claimed.a.length > 0 && claimed.b.length > 0, 'both nodes took work');
  const rows = await db().selectFrom('jobs').select(['locked_by', 'attempts', 'state']).where('name', '=', 'test.echo').execute();
  assert.ok(rows.every((r) => r.state === 'running' && r.attempts === 1));
  await db().deleteFrom('jobs').execute();
});

test('a failure goes back to the queue after a growing delay, then stays failed with its reason; « Relancer » puts it back', async () => {
  const now = new Date('2026-11-27T10:00:00Z');
  const id = (await enqueueJob(db(), 'test.echo', {}, { maxAttempts: 2, runAt: now })) as string;
  let [claimed] = await claimJobs(t.deps.database, 'a', 1, now);
  await finishJob(db(), claimed, 'a', new Error('SMTP injoignable'), now);
  let row = await job(id);
  assert.deepEqual([row.state, row.attempts, row.last_error], ['pending', 1, 'SMTP injoignable']);
  assert.equal(row.run_at, new Date(now.getTime() + backoffMs(1)).toISOString());
  assert.equal((await claimJobs(t.deps.database, 'a', 1, now)).length, 0, 'not before its delay');
  const later = new Date(now.getTime() + backoffMs(1));
  [claimed] = await claimJobs(t.deps.database, 'b', 1, later);
  await finishJob(db(), claimed, 'b', new Error('toujours injoignable'), later);
  row = await job(id);
  assert.deepEqual([row.state, row.attempts, row.last_error], ['failed', 2, 'toujours injoignable']);
  assert.deepEqual([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(20)], [30_000, 60_000, 120_000, 3_600_000]);
  assert.equal(await retryJob(db(), id), true);
  assert.equal(await retryJob(db(), id), false, 'only a failed job is retried');
  row = await job(id);
  assert.deepEqual([row.state, row.attempts], ['pending', 0]);
  await db().deleteFrom('jobs').execute();
});

test('a node that dies holding a job: the job is taken over when its lease expires, and the dead claim cannot finish it', async () => {
  const now = new Date('2026-11-27T11:00:00Z');
  const id = (await enqueueJob(db(), 'test.echo', {}, { runAt: now })) as string;
  const [first] = await claimJobs(t.deps.database, 'dead', 1, now);
  assert.equal(first.id, id);
  assert.equal((await claimJobs(t.deps.database, 'alive', 1, new Date(now.getTime() + LEASE_MS - 1))).length, 0);
  const [taken] = await claimJobs(t.deps.database, 'alive', 1, new Date(now.getTime() + LEASE_MS + 1));
  assert.deepEqual([taken.id, taken.locked_by, taken.attempts], [id, 'alive', 2]);
  await finishJob(db(), first as Job, 'dead', new Error('trop tard'));
  assert.equal((await job(id)).state, 'running', 'the stale claim changed nothing');
  await finishJob(db(), taken, 'alive', null);
  assert.equal((await job(id)).state, 'done');
  await db().deleteFrom('jobs').execute();
});

test('a schedule makes one job per period across nodes, and none while the previous one waits', async () => {
  const start = new Date('2026-11-27T12:00:00Z');
  await syncSchedules(db(), start);
  const schedules = await db().selectFrom('job_schedules').selectAll().execute();
  assert.ok(schedules.length >= 10, 'every declared task has a schedule');
  const [a, b] = await Promise.all([enqueueDueSchedules(db(), 'a', start), enqueueDueSchedules(db(), 'b', start)]);
  assert.equal(a + b, schedules.length, 'one job per task, whichever node won');
  assert.equal(await enqueueDueSchedules(db(), 'a', start), 0, 'the same period is not enqueued again');
  const shortest = schedules.reduce((m, s) => (s.every_ms < m.every_ms ? s : m));
  const next = new Date(start.getTime() + shortest.every_ms);
  assert.equal(await enqueueDueSchedules(db(), 'b', next), 0, 'previous job still pending: period skipped');
  await db().updateTable('jobs').set({ state: 'done' }).where('name', '=', `${TASK_PREFIX}${shortest.name}`).execute();
  const third = new Date(next.getTime() + shortest.every_ms);
  assert.ok((await enqueueDueSchedules(db(), 'a', third)) >= 1);
  const jobs = await db().selectFrom('jobs').select('dedupe_key').where('name', '=', `${TASK_PREFIX}${shortest.name}`).execute();
  assert.equal(jobs.length, 2);
  await db().deleteFrom('jobs').execute();
});

test('the runner runs a job with the id of the request that enqueued it, and a new runner (restart) finds what was queued', async () => {
  await db().deleteFrom('job_schedules').execute();
  const id = await runWithRequestId('req-00000042', () => enqueueJob(db(), 'test.echo', { hello: 'monde' }));
  assert.equal((await job(id as string)).request_id, 'req-00000042');
  const log = silentLog();
  const runner = new JobRunner(t.deps, { nodeId: 'n1', log, pollMs: 50 });
  await runner.start();
  await waitFor('job done', async () => (await job(id as string)).state === 'done', 10_000, 25);
  await runner.stop();
  assert.deepEqual(seen.at(-1), { payload: { hello: 'monde' }, reqId: 'req-00000042' });
  const queued = (await enqueueJob(db(), 'test.echo', { after: 'restart' })) as string;
  const restarted = new JobRunner(t.deps, { nodeId: 'n2', log, pollMs: 50 });
  await restarted.start();
  await waitFor('queued job done after restart', async () => (await job(queued)).state === 'done', 10_000, 25);
  await restarted.stop();
  assert.equal((await job(queued)).locked_by, 'n2');
});

test('stop() waits for the running job before returning (graceful shutdown drains)', async () => {
  await db().deleteFrom('job_schedules').execute();
  const id = (await enqueueJob(db(), 'test.slow', {})) as string;
  const runner = new JobRunner(t.deps, { nodeId: 'n3', log: silentLog(), pollMs: 50 });
  await runner.start();
  await waitFor('slow job running', () => runner.runningCount === 1, 10_000, 25);
  let stopped = false;
  const stopping = runner.stop(10_000).then(() => {
    stopped = true;
  });
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(stopped, false, 'still draining');
  release();
  await stopping;
  assert.equal((await job(id)).state, 'done');
});

function silentLog() {
  const noop = () => {};
  const log = { info: noop, warn: noop, error: noop, debug: noop, trace: noop, fatal: noop, level: 'silent', child: () => log };
  return log as never;
}
