import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob, retryJob } from '../../platform/jobs.ts';
import { TASK_PREFIX } from '../../platform/scheduler.ts';
import { presentJob } from './ops.repository.ts';

/**
 * The operator's « Relancer »: a failed job goes back to pending now with fresh attempts; audited on the
 * platform chain (a job belongs to no organisation). Only then is the runner woken (after the commit).
 */
export async function retryFailedJob(deps: Deps, ctx: Ctx, id: string) {
  const job = await withTransaction(ctx, async (trx, record) => {
    const before = await trx.selectFrom('jobs').select(['id', 'name', 'state']).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    if (!(await retryJob(trx, id))) throw new AppError('conflict', 'job_not_failed', { state: before.state });
    await record({
      action: 'platform.job_retried',
      targetType: 'job',
      targetId: id,
      summary: { name: before.name },
      organizationId: null,
    });
    return trx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
  deps.jobsEnqueued?.();
  return presentJob(job);
}

/** « Lancer maintenant »: one job of the periodic task, now (its request id is recorded by `enqueueJob`). */
export async function runScheduleNow(deps: Deps, ctx: Ctx, name: string) {
  const job = await withTransaction(ctx, async (trx, record) => {
    const schedule = await trx.selectFrom('job_schedules').select('name').where('name', '=', name).executeTakeFirst();
    if (!schedule) throw new AppError('not_found');
    const jobId = (await enqueueJob(trx, `${TASK_PREFIX}${name}`, {}, { maxAttempts: 1 })) as string;
    await record({
      action: 'platform.schedule_run',
      targetType: 'job_schedule',
      targetId: name,
      summary: { jobId },
      organizationId: null,
    });
    return trx.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  });
  deps.jobsEnqueued?.();
  return presentJob(job);
}
