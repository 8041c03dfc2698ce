import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { ZSlaTargets } from '../../../common/catalog.ts';
import { registerCrud } from '../../platform/crud-routes.ts';
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy } from './policies.service.ts';
import { simulate } from './sla.service.ts';

const ZPolicyInput = z.object({
  name: z.string().trim().min(1).max(80),
  targets: ZSlaTargets,
  isDefault: z.boolean().default(false),
});
// No defaults in a patch: a field left out stays as it is.
const ZPolicyPatch = z
  .object({ name: z.string().trim().min(1).max(80), targets: ZSlaTargets, isDefault: z.boolean() })
  .partial()
  .extend({ version: z.number().int().min(1) });

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
  registerCrud(fastify, deps, {
    path: '/api/sla/policies',
    resource: 'slapolicy',
    tag: 'sla',
    summaries: [
      'Politiques SLA (contrat) : cibles en minutes ouvrées par priorité',
      'Créer une politique SLA',
      'Une politique SLA',
      'Modifier une politique SLA (version requise)',
      'Supprimer une politique SLA inutilisée',
    ],
    create: ZPolicyInput,
    patch: ZPolicyPatch,
    service: { list: listPolicies, get: getPolicy, create: createPolicy, update: updatePolicy, remove: deletePolicy },
  });
}
