import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { planning } from './planning.service.ts';
import './recurring.policy.ts';
import './recurring.runner.ts';
import { ZPlanningQuery, ZScheduleInput, ZSchedulePatch } from './recurring.schemas.ts';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule } from './schedules.service.ts';

/** Recurring work: the schedules (CRUD with version) and the shared planning of the coming weeks. */
export async function recurringRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/recurring-schedules',
    resource: 'recurring',
    tag: 'recurring',
    summaries: [
      'Travaux récurrents (avec leurs trois prochaines échéances)',
      'Créer un travail récurrent',
      'Un travail récurrent',
      'Modifier un travail récurrent (version requise)',
      'Supprimer un travail récurrent (les demandes créées restent)',
    ],
    create: ZScheduleInput,
    patch: ZSchedulePatch,
    service: { list: listSchedules, get: getSchedule, create: createSchedule, update: updateSchedule, remove: deleteSchedule },
  });
  zapp(fastify).get(
    '/api/planning',
    {
      config: { action: 'planning.read' },
      schema: {
        ...doc('recurring', 'Planning partagé : travaux récurrents prévus et demandes à échéance, par jour, équipe et site'),
        querystring: ZPlanningQuery,
      },
    },
    async (request) => planning(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
}
