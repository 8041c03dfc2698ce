import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { ZCannedInput, ZCannedListQuery, ZCannedPatch, ZCannedRender } from './canned.schemas.ts';
import { createCanned, deleteCanned, getCanned, listCanned, renderCanned, updateCanned } from './canned.service.ts';

const PATH = '/api/canned-responses';

/** Canned responses per team (or the whole organisation) with variables, and their rendering for a request. */
export async function cannedRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const tag = (summary: string) => doc('canned', summary);
  const r = (action: string) => ({ action, resource: 'canned' });
  app.get(
    PATH,
    {
      config: { action: 'canned.read' },
      schema: { ...tag('Réponses types (d’une équipe et communes)'), querystring: ZCannedListQuery },
    },
    async (request) => ({ items: await listCanned(ctxOf(deps, request), scopeOfRequest(request), request.query.teamId) }),
  );
  app.post(
    PATH,
    { config: { action: 'canned.create' }, schema: { ...tag('Créer une réponse type'), body: ZCannedInput } },
    async (request, reply) =>
      reply.status(201).send(await createCanned(ctxOf(deps, request), scopeOfRequest(request), request.body)),
  );
  app.get(`${PATH}/:id`, { config: r('canned.read'), schema: { ...tag('Une réponse type'), ...one } }, async (request) =>
    getCanned(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    `${PATH}/:id`,
    { config: r('canned.update'), schema: { ...tag('Modifier une réponse type (version requise)'), ...one, body: ZCannedPatch } },
    async (request) => updateCanned(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    `${PATH}/:id`,
    { config: r('canned.delete'), schema: { ...tag('Supprimer une réponse type'), ...one } },
    async (request, reply) => {
      await deleteCanned(ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
  app.post(
    `${PATH}/:id/render`,
    { config: r('canned.render'), schema: { ...tag('Remplir une réponse type pour une demande'), ...one, body: ZCannedRender } },
    async (request) => renderCanned(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body.requestId),
  );
}
