import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './deps.ts';
import { JobRunner } from './job-runner.ts';
import { startPgNotify } from './pg-notify.ts';

const HEARTBEAT_MS = 10_000;
export const VERSION = '0.1.0';

export interface RunningNode {
  runner: JobRunner;
  /** Graceful stop: no more claims, running jobs drained, the node marked stopped. */
  stop(drainMs?: number): Promise<void>;
}

/**
 * What makes a process a node of the cluster, besides serving HTTP: its row in `cluster_nodes` (heartbeat
 * every 10 s), the job runner and, on PostgreSQL, the LISTEN/NOTIFY link to the other nodes. On SQLite the
 * same runner works alone on the same tables (jobs survive a restart).
 */
export async function startNode(deps: Deps, log: FastifyBaseLogger, port: number | null): Promise<RunningNode> {
  const nodeId = deps.realtime.nodeId;
  const { db } = deps.database;
  const now = new Date().toISOString();
  await db
    .insertInto('cluster_nodes')
    .values({ id: nodeId, hostname: hostname(), pid: process.pid, port, version: VERSION, started_at: now, seen_at: now })
    .execute();
  const runner = new JobRunner(deps, { nodeId, log: log.child({ component: 'jobs' }), leaseMs: deps.config.jobLeaseMs });
  const link =
    deps.database.dialect === 'postgres'
      ? await startPgNotify({
          url: deps.config.databaseUrl,
          database: deps.database,
          realtime: deps.realtime,
          onJobs: () => runner.wake(),
          log,
        })
      : null;
  deps.jobsEnqueued = link ? () => link.wakeJobs() : () => runner.wake();
  const beat = setInterval(() => {
    db.updateTable('cluster_nodes')
      .set({ seen_at: new Date().toISOString() })
      .where('id', '=', nodeId)
      .execute()
      .catch((err) => log.warn({ err }, 'battement du nœud non enregistré'));
  }, HEARTBEAT_MS);
  // RELAIS_JOBS=0: a web-only node (or a restored copy being checked) serves HTTP but runs no job.
  if (deps.config.jobs) await runner.start();
  else log.warn('RELAIS_JOBS=0 : ce nœud n’exécute aucun travail de fond');
  return {
    runner,
    async stop(drainMs) {
      clearInterval(beat);
      await runner.stop(drainMs);
      await link?.close();
      await db
        .updateTable('cluster_nodes')
        .set({ stopped_at: new Date().toISOString() })
        .where('id', '=', nodeId)
        .execute()
        .catch(() => {});
    },
  };
}
