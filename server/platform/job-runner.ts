import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './deps.ts';
import { claimJobs, finishJob, type Job, jobDefinition, LEASE_MS, purgeFinishedJobs, renewLeases } from './jobs.ts';
import { runWithRequestId } from './log-context.ts';
import { enqueueDueSchedules, periodicTask, syncSchedules } from './scheduler.ts';

export interface RunnerOptions {
  nodeId: string;
  log: FastifyBaseLogger;
  /** Jobs run at once on this node. */
  concurrency?: number;
  /** How often the queue is looked at without a wake-up (PostgreSQL NOTIFY wakes the nodes at once). */
  pollMs?: number;
  /** How long a claim holds (renewed at a third of it while the job runs). */
  leaseMs?: number;
}

const PURGE_EVERY_MS = 3_600_000;

/**
 * One node's worker: turns due schedules into jobs, claims what it can run, runs each job with its request id
 * in the logs, records the outcome. A failing database (restart) only makes a tick fail: the next tick
 * resumes. `stop()` stops claiming and waits for the running jobs (graceful shutdown).
 */
export class JobRunner {
  readonly #running = new Map<string, Promise<void>>();
  readonly #concurrency: number;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  #timer: NodeJS.Timeout | null = null;
  #ticking = false;
  #again = false;
  #stopped = false;
  #renewedAt = 0;
  #purgedAt = 0;

  constructor(
    private readonly deps: Deps,
    private readonly options: RunnerOptions,
  ) {
    this.#concurrency = options.concurrency ?? 4;
    this.#pollMs = options.pollMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? LEASE_MS;
  }

  async start(): Promise<void> {
    await syncSchedules(this.deps.database.db);
    this.#timer = setInterval(() => this.wake(), this.#pollMs);
    this.wake();
  }

  /** Looks at the queue now (a job was enqueued here or on another node). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    void this.#tick();
  }

  get runningCount(): number {
    return this.#running.size;
  }

  async #tick(): Promise<void> {
    this.#ticking = true;
    try {
      do {
        this.#again = false;
        await this.#claimAndRun(new Date());
      } while (this.#again && !this.#stopped);
    } catch (err) {
      this.options.log.warn({ err }, 'file de travaux indisponible (nouvel essai au prochain tour)');
    } finally {
      this.#ticking = false;
    }
  }

  async #claimAndRun(now: Date): Promise<void> {
    const { db } = this.deps.database;
    const { nodeId } = this.options;
    if (now.getTime() - this.#renewedAt >= this.#leaseMs / 3) {
      await renewLeases(db, nodeId, [...this.#running.keys()], now, this.#leaseMs);
      this.#renewedAt = now.getTime();
    }
    if (now.getTime() - this.#purgedAt >= PURGE_EVERY_MS) {
      await purgeFinishedJobs(db, now);
      this.#purgedAt = now.getTime();
    }
    await enqueueDueSchedules(db, nodeId, now);
    if (this.#stopped) return;
    const jobs = await claimJobs(this.deps.database, nodeId, this.#concurrency - this.#running.size, now, this.#leaseMs);
    for (const job of jobs) {
      const run = this.#run(job).finally(() => {
        this.#running.delete(job.id);
        this.wake();
      });
      this.#running.set(job.id, run);
    }
  }

  async #run(job: Job): Promise<void> {
    const log = this.options.log.child({
      job: job.id,
      jobName: job.name,
      attempt: job.attempts,
      reqId: job.request_id ?? undefined,
    });
    const started = Date.now();
    let error: unknown = null;
    try {
      await runWithRequestId(job.request_id, () => this.#execute(job));
      log.debug({ ms: Date.now() - started }, 'travail terminé');
    } catch (err) {
      error = err;
      log.error({ err, ms: Date.now() - started }, 'travail en échec');
    }
    await this.#record(job, error, log);
  }

  #execute(job: Job): Promise<void> {
    const task = periodicTask(job.name);
    if (task) return task.run(this.deps, new Date());
    const definition = jobDefinition(job.name);
    if (!definition) return Promise.reject(new Error(`travail inconnu : ${job.name}`));
    return definition.run(this.deps, job.payload ?? {}, job);
  }

  /** The outcome is written even if the database is briefly away (it keeps trying while the lease holds). */
  async #record(job: Job, error: unknown, log: FastifyBaseLogger): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await finishJob(this.deps.database.db, job, this.options.nodeId, error);
        return;
      } catch (err) {
        if (attempt === 0) log.warn({ err }, 'résultat du travail non enregistré, nouvel essai');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Stops claiming and waits (at most `drainMs`) for the jobs already running. */
  async stop(drainMs = 25_000): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, drainMs);
    });
    await Promise.race([Promise.allSettled([...this.#running.values()]), deadline]);
    clearTimeout(timer);
  }
}
