import type { Kdb } from '../db/database.ts';
import type { Deps } from './deps.ts';
import { enqueueJob } from './jobs.ts';

/**
 * Periodic background work inside the one process (SLA watch, recurring requests). Each task is
 * idempotent — it reads what is due from the database and marks what it did there — so a restart
 * loses nothing and a missed tick is caught up by the next one. Each task has a schedule row; every period
 * becomes one job of the shared queue (`jobs.ts`, run by `job-runner.ts`), so with several nodes a period
 * runs once across the cluster.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(deps: Deps, now: Date): Promise<void>;
}

const tasks: PeriodicTask[] = [];

export function registerTask(task: PeriodicTask): void {
  if (tasks.some((t) => t.name === task.name)) throw new Error(`tâche déclarée deux fois : ${task.name}`);
  tasks.push(task);
}

/** Runs every task once (tests and the first tick after start). */
export async function runTasksOnce(deps: Deps, now = new Date()): Promise<void> {
  for (const task of tasks) await task.run(deps, now);
}

/** The task behind a periodic job (`task:<name>`), if any. */
export function periodicTask(jobName: string): PeriodicTask | undefined {
  return jobName.startsWith(TASK_PREFIX) ? tasks.find((t) => `${TASK_PREFIX}${t.name}` === jobName) : undefined;
}

export const TASK_PREFIX = 'task:';

/** Every declared task has a schedule row (a new task starts now; a changed period is taken on). */
export async function syncSchedules(db: Kdb, now = new Date()): Promise<void> {
  for (const task of tasks) {
    await db
      .insertInto('job_schedules')
      .values({ name: task.name, every_ms: task.everyMs, next_run_at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ every_ms: task.everyMs }))
      .execute();
  }
}

/**
 * Turns the periods that are due into jobs, once across the cluster: a node moves a schedule's
 * `next_run_at` forward only if nobody moved it since it was read (compare and set), and only that node
 * enqueues the period's job (whose dedupe key is the period). A period whose previous job still waits or
 * runs is skipped, so a slow task never runs twice at once.
 */
export async function enqueueDueSchedules(db: Kdb, nodeId: string, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const due = await db.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', at).execute();
  let enqueued = 0;
  for (const schedule of due) {
    const name = `${TASK_PREFIX}${schedule.name}`;
    const won = await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('job_schedules')
        .set({ next_run_at: new Date(now.getTime() + schedule.every_ms).toISOString(), last_run_at: at, last_node: nodeId })
        .where('name', '=', schedule.name)
        .where('next_run_at', '=', schedule.next_run_at)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      const busy = await trx
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where('state', 'in', ['pending', 'running'])
        .executeTakeFirst();
      if (busy) return false;
      return (await enqueueJob(trx, name, {}, { dedupeKey: `${name}@${schedule.next_run_at}`, maxAttempts: 1 })) !== null;
    });
    if (won) enqueued++;
  }
  return enqueued;
}

/**
 * A task's batch: `work` on every item in turn, one failing item never holding back the others; returns the
 * sum of what each counted, then rethrows the first failure so the scheduler logs it.
 */
export async function eachItem<T>(items: Iterable<T>, work: (item: T) => Promise<number>): Promise<number> {
  let total = 0;
  let failure: unknown = null;
  for (const item of items) {
    try {
      total += await work(item);
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return total;
}
