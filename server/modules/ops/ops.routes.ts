import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, zapp } from '../../platform/route-helpers.ts';
import { listJobs, opsOverview } from './ops.repository.ts';
import { retryFailedJob, runScheduleNow } from './ops.service.ts';

const ZJobsQuery = z.object({
  state: z.enum(['pending', 'running', 'done', 'failed']).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  cursor: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'invalid_cursor')
    .optional(),
});
const ZScheduleParam = z.object({ name: z.string().min(1).max(200) });

/** The operator's ops page (issue 6): the cluster's nodes, job queue, schedules, mail in trouble, last backup. */
export async function opsRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  app.get(
    '/api/platform/ops',
    { config: { action: 'platform.ops.read' }, schema: doc('platform', 'Exploitation : nœuds, travaux, courrier, sauvegarde') },
    async () => opsOverview(deps.database.db),
  );
  app.get(
    '/api/platform/jobs',
    {
      config: { action: 'platform.ops.read' },
      schema: { ...doc('platform', 'Travaux (50 par page, les plus récents d’abord)'), querystring: ZJobsQuery },
    },
    async (request) => listJobs(deps.database.db, request.query),
  );
  app.post(
    '/api/platform/jobs/:id/retry',
    {
      config: { action: 'platform.jobs.retry' },
      schema: { ...doc('platform', 'Relancer un travail en échec'), params: ZIdParam },
    },
    async (request) => retryFailedJob(deps, ctxOf(deps, request), request.params.id),
  );
  app.post(
    '/api/platform/schedules/:name/run',
    {
      config: { action: 'platform.schedules.run' },
      schema: { ...doc('platform', 'Lancer une tâche planifiée maintenant'), params: ZScheduleParam },
    },
    async (request, reply) => reply.status(202).send(await runScheduleNow(deps, ctxOf(deps, request), request.params.name)),
  );
}
