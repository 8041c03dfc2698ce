import type { Deps } from './deps.ts';

/**
 * Periodic background work inside the one process (SLA watch, recurring requests). Each task is
 * idempotent — it reads what is due from the database and marks what it did there — so a restart
 * loses nothing and a missed tick is caught up by the next one. (The cluster-wide job queue comes
 * with the scale-out issue.)
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

/** Starts the timers; a tick never overlaps the previous run of the same task. Returns a stop function. */
export function startScheduler(deps: Deps, log: (err: unknown, task: string) => void): () => void {
  const timers = tasks.map((task) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await task.run(deps, new Date());
      } catch (err) {
        log(err, task.name);
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(tick, task.everyMs);
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
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
