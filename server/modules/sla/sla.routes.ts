import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { simulate } from './sla.service.ts';

const ZSimulate = z.object({
  siteId: z.string().min(1).max(64),
  start: z.iso.datetime({ offset: true }),
  minutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 365),
});

/** SLA tools. The clocks themselves run on each request (requests module). */
export async function slaRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  app.get(
    '/api/sla/simulate',
    {
      config: { action: 'sla.simulate' },
      schema: {
        ...doc('sla', 'Fin de N minutes ouvrées à partir d’un instant, sur le calendrier d’un site'),
        querystring: ZSimulate,
      },
    },
    async (request) => simulate(deps.database.db, scopeOfRequest(request), request.query),
  );
}
